-- H2 variant (PostgreSQL and MariaDB have their own): a downgrade's credit comes from no invoice and no payment.
ALTER TABLE client_credits ALTER COLUMN invoice_id SET NULL;
ALTER TABLE client_credits ALTER COLUMN payment_id SET NULL;
