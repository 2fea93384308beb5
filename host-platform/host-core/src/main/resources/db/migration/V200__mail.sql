-- The e-mail outbox (issue 16). A message is queued in the transaction of the event that causes it;
-- event_key (template and event, e.g. "invoice_created:42") is unique, so one event never queues one
-- template twice. state: queued (due at next_attempt_at), claimed (a worker holds it until lease_until,
-- nothing has been handed to SMTP yet), sending (handed to the SMTP server), sent, stored (demo mode:
-- kept, never sent), uncertain (a host died while sending: it may have been sent; an admin decides).
-- The subject and bodies are the message as rendered, stored before it is sent; message_id stays the
-- same for every attempt of the message.
CREATE TABLE mail_outbox (
    id ${ID},
    event_key VARCHAR(200) NOT NULL,
    template VARCHAR(64) NOT NULL,
    client_id BIGINT NOT NULL,
    related_id BIGINT NOT NULL,
    to_address VARCHAR(255) NOT NULL,
    to_name VARCHAR(600) NOT NULL,
    subject VARCHAR(998),
    body_text ${TEXT},
    body_html ${TEXT},
    message_id VARCHAR(250) NOT NULL,
    state VARCHAR(16) NOT NULL,
    attempts INT NOT NULL,
    last_error VARCHAR(2000),
    next_attempt_at BIGINT NOT NULL,
    lease_owner VARCHAR(200),
    lease_until BIGINT,
    created BIGINT NOT NULL,
    sent_at BIGINT,
    CONSTRAINT uq_mail_outbox_event UNIQUE (event_key)
) ${TABLE_OPTIONS};
CREATE INDEX ix_mail_outbox_due ON mail_outbox (state, next_attempt_at);
CREATE INDEX ix_mail_outbox_client ON mail_outbox (client_id, id);

-- Templates an admin has edited; a template without a row uses the default the host ships.
CREATE TABLE mail_templates (
    name VARCHAR(64) NOT NULL PRIMARY KEY,
    subject VARCHAR(998) NOT NULL,
    body_text ${TEXT} NOT NULL,
    body_html ${TEXT} NOT NULL,
    updated BIGINT NOT NULL
) ${TABLE_OPTIONS};

-- Permissions.EMAIL: mail settings, templates and the e-mail log.
INSERT INTO admin_roles (role, permission) VALUES ('Full Administrator', 'email');
