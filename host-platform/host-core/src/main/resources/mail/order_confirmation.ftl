## subject
Order confirmation #${order.id}
## text
Dear ${client.firstName},

We have received your order #${order.id} of ${order.date}.
<#list order.lines as line>
- ${line.description}: ${line.amount}
</#list>
Total: ${order.total}
<#if order.invoiceId != 0>Invoice #${order.invoiceId} follows in a separate message.</#if>

${company.name}
## html
<p>Dear ${client.firstName},</p>
<p>We have received your order <strong>#${order.id}</strong> of ${order.date}.</p>
<table>
<#list order.lines as line>
<tr><td>${line.description}</td><td>${line.amount}</td></tr>
</#list>
<tr><th>Total</th><th>${order.total}</th></tr>
</table>
<#if order.invoiceId != 0><p>Invoice #${order.invoiceId} follows in a separate message.</p></#if>
<p>${company.name}</p>
