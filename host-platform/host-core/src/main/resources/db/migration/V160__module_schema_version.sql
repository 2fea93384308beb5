-- The schema history of module bundles: the migration scripts each bundle ships (manifest header
-- Billing-Migrations), recorded under the bundle's symbolic name with the checksum of the script applied.
CREATE TABLE module_schema_version (
    bundle VARCHAR(200) NOT NULL,
    version INT NOT NULL,
    name VARCHAR(200) NOT NULL,
    applied_at ${TIMESTAMP} NOT NULL,
    checksum VARCHAR(64) NOT NULL,
    PRIMARY KEY (bundle, version)
) ${TABLE_OPTIONS};
