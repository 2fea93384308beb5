-- H2 variant (PostgreSQL and MariaDB have their own): renewal and upgrade invoices belong to no order, and the
-- dates of what existed before subscriptions come from the creation times (epoch milliseconds: the UTC day).
ALTER TABLE invoices ALTER COLUMN order_id SET NULL;
UPDATE services SET registration_date = DATEADD(DAY, created / 86400000, DATE '1970-01-01');
UPDATE services SET billing_day = EXTRACT(DAY FROM registration_date);
UPDATE invoices SET due_date = DATEADD(DAY, created / 86400000, DATE '1970-01-01');
