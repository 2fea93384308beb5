-- MariaDB variant of V171 (see V171__subscription_dates.sql); dates are UTC days as in the H2 variant.
ALTER TABLE invoices MODIFY COLUMN order_id BIGINT NULL;
UPDATE services SET registration_date = DATE_ADD(DATE '1970-01-01', INTERVAL (created DIV 86400000) DAY);
UPDATE services SET billing_day = DAYOFMONTH(registration_date);
UPDATE invoices SET due_date = DATE_ADD(DATE '1970-01-01', INTERVAL (created DIV 86400000) DAY);
