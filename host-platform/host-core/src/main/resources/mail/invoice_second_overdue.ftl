## subject
Second overdue notice: invoice #${invoice.id}
## text
Dear ${client.firstName},

Invoice #${invoice.id}, due on ${invoice.dueDate}, is still unpaid. Services it bills may be suspended if
it stays unpaid.
<#list invoice.lines as line>
- ${line.description}: ${line.amount}
</#list>
Balance due: ${invoice.balance}

Please pay it in the client area (Invoices) now. If you have paid it already, please ignore this message.

${company.name}
## html
<p>Dear ${client.firstName},</p>
<p>Invoice <strong>#${invoice.id}</strong>, due on ${invoice.dueDate}, is still unpaid. Services it bills may
be suspended if it stays unpaid.</p>
<table>
<#list invoice.lines as line>
<tr><td>${line.description}</td><td>${line.amount}</td></tr>
</#list>
<tr><th>Balance due</th><th>${invoice.balance}</th></tr>
</table>
<p>Please pay it in the client area (Invoices) now. If you have paid it already, please ignore this message.</p>
<p>${company.name}</p>
