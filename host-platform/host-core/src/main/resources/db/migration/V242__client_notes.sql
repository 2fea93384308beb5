-- Admins' notes on a client (issue 18), newest first by id; the author as the activity log names admins.
CREATE TABLE client_notes (
    id ${ID},
    client_id BIGINT NOT NULL,
    note VARCHAR(4000) NOT NULL,
    author VARCHAR(255) NOT NULL,
    created BIGINT NOT NULL,
    CONSTRAINT fk_client_notes_client FOREIGN KEY (client_id) REFERENCES clients (id)
) ${TABLE_OPTIONS};
CREATE INDEX ix_client_notes_client ON client_notes (client_id, id);
