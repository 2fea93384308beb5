-- MariaDB variant of V191 (see V191__credit_without_payment.sql).
ALTER TABLE client_credits MODIFY COLUMN invoice_id BIGINT NULL;
ALTER TABLE client_credits MODIFY COLUMN payment_id BIGINT NULL;
