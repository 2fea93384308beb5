-- Password reset links (issue 16). Only the SHA-256 (hex) of the token is stored: the token itself is in
-- the e-mail alone. account: client or admin; a link works once (used_at) and until expires_at.
CREATE TABLE password_resets (
    id ${ID},
    account VARCHAR(8) NOT NULL,
    account_id BIGINT NOT NULL,
    token_hash VARCHAR(64) NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at BIGINT,
    created BIGINT NOT NULL,
    CONSTRAINT uq_password_resets_token UNIQUE (token_hash)
) ${TABLE_OPTIONS};
