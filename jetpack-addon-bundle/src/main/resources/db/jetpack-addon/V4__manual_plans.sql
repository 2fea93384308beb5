-- The plans staff provisioned by hand (Provision Jetpack Plans), one row per site, so that the page can list them
-- and cancel them.
CREATE TABLE mod_jetpack_manual_plans (
    id ${ID},
    site VARCHAR(2000) NOT NULL,
    plan VARCHAR(32) NOT NULL,
    provisioned_by VARCHAR(255) NOT NULL,
    provisioned ${TIMESTAMP} NOT NULL,
    cancelled ${TIMESTAMP}
) ${TABLE_OPTIONS};
