-- The plan each product the addon created sells, one row per plan: its key stops two hosts on one database that
-- press Create at the same time from both creating the products (the second transaction fails and rolls back).
CREATE TABLE mod_jetpack_plan_products (
    plan VARCHAR(32) NOT NULL PRIMARY KEY,
    product_id BIGINT NOT NULL,
    created ${TIMESTAMP} NOT NULL
) ${TABLE_OPTIONS};
