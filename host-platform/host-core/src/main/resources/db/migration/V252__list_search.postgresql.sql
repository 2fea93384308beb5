-- Trigram GIN indexes for the "contains" searches of the admin's lists and global search (ILIKE '%term%'), which
-- otherwise read every client and service: each index is on the very expression the query filters
-- (org.billinghost.core.internal.db.Sorting.clientFields: the full name joined with ||, company, e-mail;
-- ServiceStore.search: domain and custom field values). Without pg_trgm (V250 tried to create it) the searches
-- scan as before and the migration still succeeds. fastupdate = off: with GIN's default pending list, rows not yet
-- merged by a VACUUM are read one by one at every search and make the planner price the index too high (measured:
-- 100,000 freshly added clients, the global search 190 ms instead of 25 ms); these tables are written one row per
-- sign-up or service, so the extra cost of merging each row at once is small.
DO $$
DECLARE
    trgm_schema name;
BEGIN
    SELECT n.nspname INTO trgm_schema FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
        WHERE e.extname = 'pg_trgm';
    IF trgm_schema IS NULL THEN
        RAISE NOTICE 'pg_trgm is not installed: the list searches scan their tables';
        RETURN;
    END IF;
    EXECUTE format('CREATE INDEX ix_clients_name_trgm ON clients USING gin'
            || ' ((first_name || '' '' || last_name) %I.gin_trgm_ops) WITH (fastupdate = off)', trgm_schema);
    EXECUTE format('CREATE INDEX ix_clients_company_trgm ON clients USING gin (company_name %I.gin_trgm_ops)'
            || ' WITH (fastupdate = off)', trgm_schema);
    EXECUTE format('CREATE INDEX ix_clients_email_trgm ON clients USING gin (email %I.gin_trgm_ops)'
            || ' WITH (fastupdate = off)', trgm_schema);
    EXECUTE format('CREATE INDEX ix_services_domain_trgm ON services USING gin (domain %I.gin_trgm_ops)'
            || ' WITH (fastupdate = off)', trgm_schema);
    EXECUTE format('CREATE INDEX ix_custom_field_values_value_trgm ON custom_field_values USING gin'
            || ' (field_value %I.gin_trgm_ops) WITH (fastupdate = off)', trgm_schema);
END
$$;
