-- Orders, invoices, payments and services (CORE-FLOW). Times are epoch milliseconds (UTC) in BIGINT
-- columns: identical on H2, PostgreSQL and MariaDB, with no time-zone conversions by drivers.
CREATE TABLE orders (
    id ${ID},
    client_id BIGINT NOT NULL,
    status VARCHAR(20) NOT NULL,
    invoice_id BIGINT,
    total DECIMAL(12,2) NOT NULL,
    payment_method VARCHAR(64) NOT NULL,
    created BIGINT NOT NULL,
    updated BIGINT NOT NULL
) ${TABLE_OPTIONS};
CREATE INDEX ix_orders_client ON orders (client_id);
CREATE INDEX ix_orders_status ON orders (status);

CREATE TABLE invoices (
    id ${ID},
    client_id BIGINT NOT NULL,
    order_id BIGINT NOT NULL,
    status VARCHAR(20) NOT NULL,
    total DECIMAL(12,2) NOT NULL,
    paid DECIMAL(12,2) NOT NULL,
    created BIGINT NOT NULL,
    date_paid BIGINT,
    CONSTRAINT fk_invoices_order FOREIGN KEY (order_id) REFERENCES orders (id)
) ${TABLE_OPTIONS};
CREATE INDEX ix_invoices_client ON invoices (client_id);

CREATE TABLE services (
    id ${ID},
    client_id BIGINT NOT NULL,
    order_id BIGINT NOT NULL,
    product_id BIGINT NOT NULL,
    domain VARCHAR(255) NOT NULL,
    status VARCHAR(20) NOT NULL,
    amount DECIMAL(12,2) NOT NULL,
    created BIGINT NOT NULL,
    updated BIGINT NOT NULL,
    CONSTRAINT fk_services_order FOREIGN KEY (order_id) REFERENCES orders (id)
) ${TABLE_OPTIONS};
CREATE INDEX ix_services_client ON services (client_id);
CREATE INDEX ix_services_status ON services (status);
CREATE INDEX ix_services_order ON services (order_id);

CREATE TABLE invoice_items (
    id ${ID},
    invoice_id BIGINT NOT NULL,
    service_id BIGINT NOT NULL,
    description VARCHAR(255) NOT NULL,
    amount DECIMAL(12,2) NOT NULL,
    CONSTRAINT fk_invoice_items_invoice FOREIGN KEY (invoice_id) REFERENCES invoices (id)
) ${TABLE_OPTIONS};
CREATE INDEX ix_invoice_items_invoice ON invoice_items (invoice_id);

CREATE TABLE payments (
    id ${ID},
    invoice_id BIGINT NOT NULL,
    amount DECIMAL(12,2) NOT NULL,
    transaction_id VARCHAR(128) NOT NULL,
    gateway VARCHAR(64) NOT NULL,
    created BIGINT NOT NULL,
    CONSTRAINT uq_payments_transaction UNIQUE (transaction_id),
    CONSTRAINT fk_payments_invoice FOREIGN KEY (invoice_id) REFERENCES invoices (id)
) ${TABLE_OPTIONS};

ALTER TABLE custom_field_values ADD CONSTRAINT fk_field_values_service FOREIGN KEY (service_id) REFERENCES services (id);
