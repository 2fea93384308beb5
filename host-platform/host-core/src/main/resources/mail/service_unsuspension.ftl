## subject
Your ${service.product} is active again
## text
Dear ${client.firstName},

Your ${service.product}<#if service.domain?has_content> for ${service.domain}</#if> has been unsuspended and is active again.

${company.name}
## html
<p>Dear ${client.firstName},</p>
<p>Your <strong>${service.product}</strong><#if service.domain?has_content> for ${service.domain}</#if> has been
unsuspended and is active again.</p>
<p>${company.name}</p>
