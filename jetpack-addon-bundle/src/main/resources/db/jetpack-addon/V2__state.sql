-- The addon's state across restarts (e.g. that the partner credentials changed). IF NOT EXISTS as in V1.
CREATE TABLE IF NOT EXISTS mod_jetpack_state (
    name VARCHAR(64) NOT NULL PRIMARY KEY,
    state_value VARCHAR(1000) NOT NULL,
    updated ${TIMESTAMP} NOT NULL
) ${TABLE_OPTIONS};
