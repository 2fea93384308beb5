-- Newest-first pages read by id (monotonic); created serves date ranges, (client_id, id) a client's page.
CREATE TABLE activity_log (
    id ${ID},
    created ${TIMESTAMP} NOT NULL,
    message VARCHAR(4000) NOT NULL,
    client_id BIGINT NOT NULL DEFAULT 0,
    username VARCHAR(255) NOT NULL
) ${TABLE_OPTIONS};
CREATE INDEX ix_activity_log_created ON activity_log (created);
CREATE INDEX ix_activity_log_client ON activity_log (client_id, id);

CREATE TABLE module_log (
    id ${ID},
    created ${TIMESTAMP} NOT NULL,
    module VARCHAR(64) NOT NULL,
    action VARCHAR(255) NOT NULL,
    request ${TEXT} NOT NULL,
    response ${TEXT} NOT NULL,
    processed ${TEXT} NOT NULL
) ${TABLE_OPTIONS};
CREATE INDEX ix_module_log_created ON module_log (created);
