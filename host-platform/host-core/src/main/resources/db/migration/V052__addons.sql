-- Addon modules' state and settings (CORE-FLOW); kept when an addon's bundle is gone.
CREATE TABLE addon_modules (
    name VARCHAR(64) PRIMARY KEY,
    active BOOLEAN NOT NULL,
    installed_version VARCHAR(64),
    access_roles VARCHAR(1000) NOT NULL,
    updated BIGINT NOT NULL
) ${TABLE_OPTIONS};

CREATE TABLE addon_settings (
    module VARCHAR(64) NOT NULL,
    setting VARCHAR(128) NOT NULL,
    setting_value VARCHAR(4000) NOT NULL,
    secret BOOLEAN NOT NULL,
    PRIMARY KEY (module, setting)
) ${TABLE_OPTIONS};
