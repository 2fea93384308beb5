-- The logged-in sessions of the admin area and the client area, kept here rather than in one host's
-- memory so that a restart keeps people logged in and every host on this database accepts the same
-- cookie (no sticky sessions). id_hash is the SHA-256 (hex) of the cookie's value: whoever reads this
-- table cannot present it as a cookie. Times are epoch milliseconds; rows past the idle or absolute
-- time-out are refused when read and deleted by the hosts' periodic sweep.
CREATE TABLE web_sessions (
    id_hash VARCHAR(64) NOT NULL,
    area VARCHAR(16) NOT NULL,
    account_id BIGINT NOT NULL,
    csrf_token VARCHAR(64) NOT NULL,
    flash_kind VARCHAR(8),
    flash_text VARCHAR(2000),
    created BIGINT NOT NULL,
    last_access BIGINT NOT NULL,
    CONSTRAINT pk_web_sessions PRIMARY KEY (id_hash)
) ${TABLE_OPTIONS};
CREATE INDEX ix_web_sessions_last_access ON web_sessions (last_access);
CREATE INDEX ix_web_sessions_account ON web_sessions (area, account_id);
