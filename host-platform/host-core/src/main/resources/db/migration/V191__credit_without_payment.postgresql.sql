-- PostgreSQL variant of V191 (see V191__credit_without_payment.sql).
ALTER TABLE client_credits ALTER COLUMN invoice_id DROP NOT NULL;
ALTER TABLE client_credits ALTER COLUMN payment_id DROP NOT NULL;
