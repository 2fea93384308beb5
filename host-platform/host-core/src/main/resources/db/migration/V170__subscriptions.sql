-- Subscriptions: prices per billing cycle, how each service is billed over time, and what each invoice line pays.
-- Cycles are stored by their API code (monthly, annually, onetime, free…); dates are DATE columns.
CREATE TABLE product_pricing (
    product_id BIGINT NOT NULL,
    cycle VARCHAR(16) NOT NULL,
    price DECIMAL(12,2) NOT NULL,
    setup_fee DECIMAL(12,2) NOT NULL,
    PRIMARY KEY (product_id, cycle),
    CONSTRAINT fk_product_pricing_product FOREIGN KEY (product_id) REFERENCES products (id) ON DELETE CASCADE
) ${TABLE_OPTIONS};
-- a product of the single-price catalog keeps its price: once for one-time, monthly for recurring
INSERT INTO product_pricing (product_id, cycle, price, setup_fee)
    SELECT id, 'onetime', price, 0 FROM products WHERE pay_type = 'onetime';
INSERT INTO product_pricing (product_id, cycle, price, setup_fee)
    SELECT id, 'monthly', price, 0 FROM products WHERE pay_type = 'recurring';

ALTER TABLE services ADD COLUMN billing_cycle VARCHAR(16) NOT NULL DEFAULT 'onetime';
ALTER TABLE services ADD COLUMN first_payment_amount DECIMAL(12,2) NOT NULL DEFAULT 0;
ALTER TABLE services ADD COLUMN registration_date DATE;
-- the start of the first unpaid period, and of the next period to invoice (NULL: not billed again)
ALTER TABLE services ADD COLUMN next_due_date DATE;
ALTER TABLE services ADD COLUMN next_invoice_date DATE;
-- the day of the month periods start on (31 stays 31 after a February)
ALTER TABLE services ADD COLUMN billing_day INT NOT NULL DEFAULT 1;
ALTER TABLE services ADD COLUMN termination_date DATE;
ALTER TABLE services ADD COLUMN payment_method VARCHAR(64) NOT NULL DEFAULT '';
ALTER TABLE services ADD COLUMN override_auto_suspend BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE services ADD COLUMN override_suspend_until DATE;
ALTER TABLE services ADD COLUMN suspend_reason VARCHAR(255) NOT NULL DEFAULT '';
-- services of a recurring product were billed once for their monthly price: monthly, not scheduled
-- (no next due date) until an admin sets one
UPDATE services SET billing_cycle = 'monthly'
    WHERE product_id IN (SELECT id FROM products WHERE pay_type = 'recurring');
UPDATE services SET billing_cycle = 'free', first_payment_amount = 0
    WHERE product_id IN (SELECT id FROM products WHERE pay_type = 'free');
UPDATE services SET first_payment_amount = amount WHERE billing_cycle <> 'free';
UPDATE services SET payment_method = (SELECT o.payment_method FROM orders o WHERE o.id = services.order_id);
CREATE INDEX ix_services_next_invoice ON services (next_invoice_date);
CREATE INDEX ix_services_status_due ON services (status, next_due_date);

ALTER TABLE invoices ADD COLUMN due_date DATE;
CREATE INDEX ix_invoices_status_due ON invoices (status, due_date);
ALTER TABLE invoice_items ADD COLUMN item_type VARCHAR(16) NOT NULL DEFAULT 'order';
ALTER TABLE invoice_items ADD COLUMN period_from DATE;
ALTER TABLE invoice_items ADD COLUMN period_to DATE;
-- a period of a service is billed once: two hosts' automation, or a run repeated after a crash, cannot both
-- invoice it (lines without a period, NULL, are not constrained)
ALTER TABLE invoice_items ADD CONSTRAINT uq_invoice_items_period UNIQUE (service_id, item_type, period_from);
CREATE INDEX ix_invoice_items_service ON invoice_items (service_id);
