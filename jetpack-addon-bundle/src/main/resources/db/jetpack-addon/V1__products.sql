-- The products the addon created, with the plan each sells. IF NOT EXISTS: a database the addon set up itself
-- before the host ran its scripts (the addon's own runner, table mod_jetpack_schema) has the table already.
CREATE TABLE IF NOT EXISTS mod_jetpack_products (
    product_id BIGINT NOT NULL PRIMARY KEY,
    plan VARCHAR(32) NOT NULL,
    created ${TIMESTAMP} NOT NULL,
    updated ${TIMESTAMP} NOT NULL
) ${TABLE_OPTIONS};
