## subject
Cancellation request for your ${service.product}
## text
Dear ${client.firstName},

We have received your request to cancel your ${service.product}<#if service.domain?has_content> for ${service.domain}</#if>.
<#if service.cancellationDate?has_content>It will be cancelled on ${service.cancellationDate}.</#if>

${company.name}
## html
<p>Dear ${client.firstName},</p>
<p>We have received your request to cancel your <strong>${service.product}</strong><#if service.domain?has_content>
for ${service.domain}</#if>.</p>
<#if service.cancellationDate?has_content><p>It will be cancelled on ${service.cancellationDate}.</p></#if>
<p>${company.name}</p>
