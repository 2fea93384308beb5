-- The durable job queue (CORE-FLOW). state: pending (due at next_attempt_at), running (leased by
-- lease_owner until lease_until), failed (waits for an admin), done, resolved (succeeded after a
-- failure, or resolved by an admin).
CREATE TABLE jobs (
    id ${ID},
    service_id BIGINT NOT NULL,
    command VARCHAR(32) NOT NULL,
    custom_function VARCHAR(128) NOT NULL,
    state VARCHAR(16) NOT NULL,
    attempts INT NOT NULL,
    last_error VARCHAR(2000),
    next_attempt_at BIGINT NOT NULL,
    last_attempt_at BIGINT,
    lease_owner VARCHAR(200),
    lease_until BIGINT,
    created BIGINT NOT NULL,
    updated BIGINT NOT NULL,
    resolved_at BIGINT
) ${TABLE_OPTIONS};
CREATE INDEX ix_jobs_due ON jobs (state, next_attempt_at);
CREATE INDEX ix_jobs_service ON jobs (service_id);
