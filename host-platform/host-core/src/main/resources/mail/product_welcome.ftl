## subject
Your ${service.product} is ready
## text
Dear ${client.firstName},

Your ${service.product}<#if service.domain?has_content> for ${service.domain}</#if> is ready.
<#if module.activationUrl?has_content>

Activate it here: ${module.activationUrl}
<#elseif module.waitingMessage?has_content>

${module.waitingMessage}
</#if>
<#if module.licenseKey?has_content>

Your license key: ${module.licenseKey}
<#if module.licenseInstructions?has_content>${module.licenseInstructions}</#if>
</#if>

${company.name}
## html
<p>Dear ${client.firstName},</p>
<p>Your <strong>${service.product}</strong><#if service.domain?has_content> for ${service.domain}</#if> is ready.</p>
<#if module.activationUrl?has_content>
<p><a href="${module.activationUrl}">Activate it here</a>: ${module.activationUrl}</p>
<#elseif module.waitingMessage?has_content>
<p>${module.waitingMessage}</p>
</#if>
<#if module.licenseKey?has_content>
<p>Your license key: <code>${module.licenseKey}</code></p>
<#if module.licenseInstructions?has_content><p>${module.licenseInstructions}</p></#if>
</#if>
<p>${company.name}</p>
