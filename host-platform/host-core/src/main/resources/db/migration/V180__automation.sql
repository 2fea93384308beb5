-- The daily automation's runs and the customers' cancellation requests (issue 13).
-- scheduled_day is set for the runs the scheduler starts: its unique key lets exactly one host of those
-- sharing the database run a given day (NULL for runs started by hand, which are not limited). A running
-- run holds a lease (lease_owner until lease_until) that it renews as it works; when the lease ends (the
-- host died) another host takes the run over and goes on from step and cursor, the last item it committed.
CREATE TABLE automation_runs (
    id ${ID},
    scheduled_day DATE,
    state VARCHAR(16) NOT NULL,
    started BIGINT NOT NULL,
    ended BIGINT,
    step INT NOT NULL,
    cursor_id BIGINT NOT NULL,
    lease_owner VARCHAR(200),
    lease_until BIGINT,
    invoices INT NOT NULL,
    suspensions INT NOT NULL,
    terminations INT NOT NULL,
    cancellations INT NOT NULL,
    failures INT NOT NULL,
    last_error VARCHAR(2000),
    CONSTRAINT uq_automation_runs_day UNIQUE (scheduled_day)
) ${TABLE_OPTIONS};
CREATE INDEX ix_automation_runs_state ON automation_runs (state, lease_until);

-- One request per service (the unique key refuses a second one, also when two arrive at once);
-- effective_date: the day the automation terminates the service (the request's day for Immediate, the
-- end of the paid period for End of Billing Period).
CREATE TABLE cancel_requests (
    id ${ID},
    service_id BIGINT NOT NULL,
    client_id BIGINT NOT NULL,
    request_type VARCHAR(32) NOT NULL,
    reason VARCHAR(1000) NOT NULL,
    created BIGINT NOT NULL,
    effective_date DATE NOT NULL,
    CONSTRAINT uq_cancel_requests_service UNIQUE (service_id),
    CONSTRAINT fk_cancel_requests_service FOREIGN KEY (service_id) REFERENCES services (id) ON DELETE CASCADE
) ${TABLE_OPTIONS};
CREATE INDEX ix_cancel_requests_effective ON cancel_requests (effective_date);
