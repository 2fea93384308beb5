## subject
Welcome, ${client.firstName}
## text
Dear ${client.firstName},

Thank you for signing up with ${company.name}. You can log in to the client area with this e-mail address
(${client.email}) to order, pay your invoices and manage your services.

${company.name}
## html
<p>Dear ${client.firstName},</p>
<p>Thank you for signing up with ${company.name}. You can log in to the client area with this e-mail address
(<strong>${client.email}</strong>) to order, pay your invoices and manage your services.</p>
<p>${company.name}</p>
