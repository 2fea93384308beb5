-- The activity log's "contains" search (message ILIKE '%term%') reads the whole table without an index. A trigram
-- GIN index (contrib extension pg_trgm) answers the same predicate, so the results are those of the scan. Where the
-- extension is missing or may not be created by this user, the search keeps scanning: the migration still succeeds.
DO $$
DECLARE
    trgm_schema name;
BEGIN
    BEGIN
        -- in public, not in the host's schema: dropping a schema must not drop the extension others use
        CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public;
    EXCEPTION WHEN OTHERS THEN
        RAISE NOTICE 'pg_trgm cannot be created (%): the activity log search scans the table', SQLERRM;
    END;
    SELECT n.nspname INTO trgm_schema FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
        WHERE e.extname = 'pg_trgm';
    IF trgm_schema IS NOT NULL THEN
        EXECUTE format('CREATE INDEX ix_activity_log_message_trgm ON activity_log USING gin (message %I.gin_trgm_ops)',
                trgm_schema);
    END IF;
END
$$;
