-- What the server module provisioned for each service: the site identifier actually sent (Terminate and
-- Change Package act on it, not on whatever the Site URL field says later), its blog id once a status call gave it,
-- the plan, the state and dates.
CREATE TABLE mod_jetpack_provisioning (
    service_id BIGINT NOT NULL PRIMARY KEY,
    site VARCHAR(2000) NOT NULL,
    blog_id BIGINT,
    plan VARCHAR(32) NOT NULL,
    state VARCHAR(16) NOT NULL,
    provisioned_at ${TIMESTAMP},
    cancelled_at ${TIMESTAMP},
    last_error VARCHAR(2000),
    updated ${TIMESTAMP} NOT NULL
) ${TABLE_OPTIONS};
