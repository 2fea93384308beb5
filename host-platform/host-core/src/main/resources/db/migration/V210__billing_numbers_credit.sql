-- WHMCS's order number (ordernum): a 10-digit number per order. Orders placed from now on get a random one
-- (OrderService); the orders of before get one scrambled from their id: 982451653 is prime to 9,000,000,000,
-- so id -> 1,000,000,000 + id * 982451653 mod 9,000,000,000 gives every id below 9,000,000,000 its own number.
-- The column stays nullable for rows that tools write past OrderService (the benchmark seeders).
ALTER TABLE orders ADD COLUMN order_num BIGINT;
UPDATE orders SET order_num = 1000000000 + MOD(id * 982451653, 9000000000);
ALTER TABLE orders ADD CONSTRAINT uq_orders_order_num UNIQUE (order_num);

-- The invoice's sequential number (invoicenum), given when it is paid, and the client credit applied to it
-- (part of invoices.paid, as a payment is).
ALTER TABLE invoices ADD COLUMN invoice_num VARCHAR(64);
ALTER TABLE invoices ADD COLUMN credit DECIMAL(12,2) DEFAULT 0 NOT NULL;

-- The last sequential number handed out per counter: the row is updated in the transaction that gives the
-- number, so concurrent payments take turns on it and a rolled-back payment gives its number back.
CREATE TABLE billing_counters (
    name VARCHAR(32) NOT NULL PRIMARY KEY,
    last_value BIGINT NOT NULL
) ${TABLE_OPTIONS};
INSERT INTO billing_counters (name, last_value) VALUES ('invoice_number', 0);
