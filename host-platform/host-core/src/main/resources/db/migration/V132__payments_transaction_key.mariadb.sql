-- MariaDB variant of V132 (see V132__payments_transaction_key.sql): MariaDB cannot read the table an UPDATE
-- writes in a subquery, so the first payment of each key comes from a derived table; NOT NULL is set by MODIFY.
ALTER TABLE payments ADD COLUMN transaction_key VARCHAR(160);
UPDATE payments p
    JOIN (SELECT LOWER(transaction_id) AS k, MIN(id) AS first_id FROM payments GROUP BY LOWER(transaction_id)) f
    ON LOWER(p.transaction_id) = f.k
    SET p.transaction_key = CASE WHEN p.id = f.first_id THEN f.k ELSE CONCAT(f.k, '#', p.id) END;
ALTER TABLE payments MODIFY COLUMN transaction_key VARCHAR(160) NOT NULL;
ALTER TABLE payments ADD CONSTRAINT uq_payments_transaction_key UNIQUE (transaction_key);
