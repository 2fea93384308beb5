-- Host-wide switches and values (e.g. module_log_enabled).
CREATE TABLE settings (
    name VARCHAR(190) NOT NULL PRIMARY KEY,
    setting_value ${TEXT} NOT NULL
) ${TABLE_OPTIONS};
