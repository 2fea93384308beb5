-- A client's credit balance (WHMCS's credit), and the entries that make it up: the surplus of an
-- overpaid invoice, recorded with the payment that brought it.
ALTER TABLE clients ADD COLUMN credit DECIMAL(12,2) DEFAULT 0 NOT NULL;

CREATE TABLE client_credits (
    id ${ID},
    client_id BIGINT NOT NULL,
    amount DECIMAL(12,2) NOT NULL,
    description VARCHAR(255) NOT NULL,
    invoice_id BIGINT NOT NULL,
    payment_id BIGINT NOT NULL,
    created BIGINT NOT NULL,
    CONSTRAINT fk_client_credits_client FOREIGN KEY (client_id) REFERENCES clients (id),
    CONSTRAINT fk_client_credits_invoice FOREIGN KEY (invoice_id) REFERENCES invoices (id),
    CONSTRAINT fk_client_credits_payment FOREIGN KEY (payment_id) REFERENCES payments (id)
) ${TABLE_OPTIONS};
CREATE INDEX ix_client_credits_client ON client_credits (client_id, id);
