-- The license keys the jetpack_licensing module issued, one row per license (a package change adds one). A row is
-- written before POST /license is sent (state INTENT, no key): after a lost answer or a crash, the next attempt finds
-- the intent and looks for the license at the API before issuing again. The unique key stops two services from
-- owning one license.
CREATE TABLE mod_jetpack_licenses (
    id ${ID},
    service_id BIGINT NOT NULL,
    product_slug VARCHAR(100) NOT NULL,
    state VARCHAR(16) NOT NULL,
    intent_at ${TIMESTAMP} NOT NULL,
    issue_sent_at ${TIMESTAMP},
    license_key VARCHAR(200),
    license_id VARCHAR(64),
    issued_at ${TIMESTAMP},
    site VARCHAR(2000),
    attached_at ${TIMESTAMP},
    attach_note VARCHAR(2000),
    revoked_at ${TIMESTAMP},
    last_error VARCHAR(2000),
    updated ${TIMESTAMP} NOT NULL
) ${TABLE_OPTIONS};
CREATE UNIQUE INDEX mod_jetpack_licenses_key ON mod_jetpack_licenses (license_key);
CREATE INDEX mod_jetpack_licenses_service ON mod_jetpack_licenses (service_id);
