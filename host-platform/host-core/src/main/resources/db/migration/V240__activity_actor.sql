-- Who did what (issue 18): each activity line records its actor (kind: system, admin, client, api,
-- visitor; the admin's, client's or credential's id; its name as shown) and the request's address. A
-- queued module command keeps the actor of whoever queued it, so its line is credited to them when it runs.
ALTER TABLE activity_log ADD COLUMN actor_type VARCHAR(16) DEFAULT 'system' NOT NULL;
ALTER TABLE activity_log ADD COLUMN actor_id BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE activity_log ADD COLUMN ip VARCHAR(64) DEFAULT '' NOT NULL;
-- The actor filter pages newest first within one kind (and one admin or client).
CREATE INDEX ix_activity_log_actor ON activity_log (actor_type, actor_id, id);

ALTER TABLE jobs ADD COLUMN actor_type VARCHAR(16) DEFAULT 'system' NOT NULL;
ALTER TABLE jobs ADD COLUMN actor_id BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE jobs ADD COLUMN actor_name VARCHAR(255) DEFAULT '' NOT NULL;
ALTER TABLE jobs ADD COLUMN actor_ip VARCHAR(64) DEFAULT '' NOT NULL;
