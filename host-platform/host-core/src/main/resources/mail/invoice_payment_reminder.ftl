## subject
Payment reminder: invoice #${invoice.id} is due on ${invoice.dueDate}
## text
Dear ${client.firstName},

This is a reminder that invoice #${invoice.id} of ${invoice.date} is due on ${invoice.dueDate}.
<#list invoice.lines as line>
- ${line.description}: ${line.amount}
</#list>
Balance due: ${invoice.balance}

You can pay it in the client area (Invoices). If you have paid it already, please ignore this message.

${company.name}
## html
<p>Dear ${client.firstName},</p>
<p>This is a reminder that invoice <strong>#${invoice.id}</strong> of ${invoice.date} is due on
<strong>${invoice.dueDate}</strong>.</p>
<table>
<#list invoice.lines as line>
<tr><td>${line.description}</td><td>${line.amount}</td></tr>
</#list>
<tr><th>Balance due</th><th>${invoice.balance}</th></tr>
</table>
<p>You can pay it in the client area (Invoices). If you have paid it already, please ignore this message.</p>
<p>${company.name}</p>
