-- Upgrades and downgrades: each requested change of a service's product or cycle, its proration and where it
-- stands (pending, applied, failed, cancelled). pending_service_id is the service id while the change is
-- pending and NULL after: the unique key lets a service have one pending change, also when two requests race.
CREATE TABLE service_upgrades (
    id ${ID},
    service_id BIGINT NOT NULL,
    client_id BIGINT NOT NULL,
    invoice_id BIGINT,
    old_product_id BIGINT NOT NULL,
    new_product_id BIGINT NOT NULL,
    old_cycle VARCHAR(16) NOT NULL,
    new_cycle VARCHAR(16) NOT NULL,
    credit DECIMAL(12,2) NOT NULL,
    charge DECIMAL(12,2) NOT NULL,
    amount DECIMAL(12,2) NOT NULL,
    new_recurring DECIMAL(12,2) NOT NULL,
    -- TRUE when applying sets next_due_date (and next_invoice_date) to new_next_due_date: the service did not
    -- recur before, or will not after; otherwise the next due date stays (WHMCS)
    moves_due_date BOOLEAN NOT NULL,
    new_next_due_date DATE,
    payment_method VARCHAR(64) NOT NULL,
    state VARCHAR(16) NOT NULL,
    pending_service_id BIGINT,
    reason VARCHAR(2000) NOT NULL,
    refund BOOLEAN NOT NULL,
    created BIGINT NOT NULL,
    updated BIGINT NOT NULL,
    CONSTRAINT uq_service_upgrades_pending UNIQUE (pending_service_id),
    CONSTRAINT fk_service_upgrades_service FOREIGN KEY (service_id) REFERENCES services (id),
    CONSTRAINT fk_service_upgrades_invoice FOREIGN KEY (invoice_id) REFERENCES invoices (id)
) ${TABLE_OPTIONS};
CREATE INDEX ix_service_upgrades_service ON service_upgrades (service_id, id);
CREATE INDEX ix_service_upgrades_invoice ON service_upgrades (invoice_id);
