## subject
Your ${service.product} has been suspended
## text
Dear ${client.firstName},

Your ${service.product}<#if service.domain?has_content> for ${service.domain}</#if> has been suspended<#if service.suspendReason?has_content> (${service.suspendReason})</#if>.
Please pay any overdue invoice in the client area; the service is unsuspended once nothing is overdue.

${company.name}
## html
<p>Dear ${client.firstName},</p>
<p>Your <strong>${service.product}</strong><#if service.domain?has_content> for ${service.domain}</#if> has been
suspended<#if service.suspendReason?has_content> (${service.suspendReason})</#if>.</p>
<p>Please pay any overdue invoice in the client area; the service is unsuspended once nothing is overdue.</p>
<p>${company.name}</p>
