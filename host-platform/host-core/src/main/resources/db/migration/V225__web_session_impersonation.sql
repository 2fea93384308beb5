-- "Login as Client" (issue 18): a client-area session an admin opened as the client names the admin's own
-- session (the SHA-256 of its id, as id_hash) and the admin. It lives only while that admin session does: the
-- client area checks it on every request, and the admin's logout deletes the sessions it opened.
ALTER TABLE web_sessions ADD COLUMN admin_session VARCHAR(64);
ALTER TABLE web_sessions ADD COLUMN admin_id BIGINT DEFAULT 0 NOT NULL;
CREATE INDEX ix_web_sessions_admin_session ON web_sessions (admin_session);
