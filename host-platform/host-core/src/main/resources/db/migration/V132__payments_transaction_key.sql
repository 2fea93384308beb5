-- Transaction ids are unique whatever their letter case (ABC and abc are one transaction): the unique key is
-- on the lower-case id. Payments recorded before with ids differing only in case keep their own key (the id
-- of the later ones appended), so that no recorded payment is lost.
ALTER TABLE payments ADD COLUMN transaction_key VARCHAR(160);
UPDATE payments SET transaction_key = LOWER(transaction_id);
UPDATE payments SET transaction_key = CONCAT(transaction_key, '#', CAST(id AS VARCHAR(20)))
    WHERE id > (SELECT MIN(p.id) FROM payments p WHERE LOWER(p.transaction_id) = LOWER(payments.transaction_id));
ALTER TABLE payments ALTER COLUMN transaction_key SET NOT NULL;
ALTER TABLE payments ADD CONSTRAINT uq_payments_transaction_key UNIQUE (transaction_key);
