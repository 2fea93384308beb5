## subject
Invoice #${invoice.id} (due ${invoice.dueDate})
## text
Dear ${client.firstName},

Invoice #${invoice.id} of ${invoice.date} has been created.
<#list invoice.lines as line>
- ${line.description}: ${line.amount}
</#list>
Total: ${invoice.total}
Due date: ${invoice.dueDate}

You can pay it in the client area (Invoices).

${company.name}
## html
<p>Dear ${client.firstName},</p>
<p>Invoice <strong>#${invoice.id}</strong> of ${invoice.date} has been created.</p>
<table>
<#list invoice.lines as line>
<tr><td>${line.description}</td><td>${line.amount}</td></tr>
</#list>
<tr><th>Total</th><th>${invoice.total}</th></tr>
</table>
<p>Due date: <strong>${invoice.dueDate}</strong>. You can pay it in the client area (Invoices).</p>
<p>${company.name}</p>
