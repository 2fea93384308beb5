## subject
Payment confirmation for invoice #${invoice.id}
## text
Dear ${client.firstName},

Thank you: we have received ${invoice.paid} for invoice #${invoice.id}, which is now ${invoice.status}.

${company.name}
## html
<p>Dear ${client.firstName},</p>
<p>Thank you: we have received <strong>${invoice.paid}</strong> for invoice #${invoice.id}, which is now
${invoice.status}.</p>
<p>${company.name}</p>
