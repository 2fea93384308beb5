-- PostgreSQL variant of V171 (see V171__subscription_dates.sql).
ALTER TABLE invoices ALTER COLUMN order_id DROP NOT NULL;
UPDATE services SET registration_date = DATE '1970-01-01' + CAST(created / 86400000 AS INTEGER);
UPDATE services SET billing_day = EXTRACT(DAY FROM registration_date);
UPDATE invoices SET due_date = DATE '1970-01-01' + CAST(created / 86400000 AS INTEGER);
