## subject
Reset your password
## text
Dear ${account.name},

Someone, probably you, asked to reset the password of your ${company.name} account (${account.email}).
To choose a new password, open this link within ${reset.minutes} minutes; it works once:

${reset.url}

If you did not ask for this, ignore this message: your password stays as it is.

${company.name}
## html
<p>Dear ${account.name},</p>
<p>Someone, probably you, asked to reset the password of your ${company.name} account
(<strong>${account.email}</strong>). To choose a new password, open this link within ${reset.minutes} minutes;
it works once:</p>
<p><a href="${reset.url}">${reset.url}</a></p>
<p>If you did not ask for this, ignore this message: your password stays as it is.</p>
<p>${company.name}</p>
