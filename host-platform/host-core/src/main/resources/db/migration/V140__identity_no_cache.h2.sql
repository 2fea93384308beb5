-- H2 only: identities without a cache, and set at or above the stored rows. With H2's default cache (32), a
-- value of a freshly cached range could be committed in a row before the range was written to the file: after a
-- SIGKILL the counter came back behind the stored rows and inserts failed on the primary key until the gap was
-- burnt. New tables get NO CACHE from ${ID}; this script changes the existing ones and moves a counter that a
-- crash before this version left behind its table's largest id (never backwards: ids of deleted rows stay unused).
ALTER TABLE product_groups ALTER COLUMN id SET NO CACHE RESTART WITH (SELECT GREATEST(COALESCE(MAX(id), 0) + 1,
    (SELECT identity_base FROM information_schema.columns WHERE table_schema = CURRENT_SCHEMA
        AND table_name = 'PRODUCT_GROUPS' AND column_name = 'ID')) FROM product_groups);
ALTER TABLE products ALTER COLUMN id SET NO CACHE RESTART WITH (SELECT GREATEST(COALESCE(MAX(id), 0) + 1,
    (SELECT identity_base FROM information_schema.columns WHERE table_schema = CURRENT_SCHEMA
        AND table_name = 'PRODUCTS' AND column_name = 'ID')) FROM products);
ALTER TABLE custom_fields ALTER COLUMN id SET NO CACHE RESTART WITH (SELECT GREATEST(COALESCE(MAX(id), 0) + 1,
    (SELECT identity_base FROM information_schema.columns WHERE table_schema = CURRENT_SCHEMA
        AND table_name = 'CUSTOM_FIELDS' AND column_name = 'ID')) FROM custom_fields);
ALTER TABLE product_bundles ALTER COLUMN id SET NO CACHE RESTART WITH (SELECT GREATEST(COALESCE(MAX(id), 0) + 1,
    (SELECT identity_base FROM information_schema.columns WHERE table_schema = CURRENT_SCHEMA
        AND table_name = 'PRODUCT_BUNDLES' AND column_name = 'ID')) FROM product_bundles);
ALTER TABLE clients ALTER COLUMN id SET NO CACHE RESTART WITH (SELECT GREATEST(COALESCE(MAX(id), 0) + 1,
    (SELECT identity_base FROM information_schema.columns WHERE table_schema = CURRENT_SCHEMA
        AND table_name = 'CLIENTS' AND column_name = 'ID')) FROM clients);
ALTER TABLE admins ALTER COLUMN id SET NO CACHE RESTART WITH (SELECT GREATEST(COALESCE(MAX(id), 0) + 1,
    (SELECT identity_base FROM information_schema.columns WHERE table_schema = CURRENT_SCHEMA
        AND table_name = 'ADMINS' AND column_name = 'ID')) FROM admins);
ALTER TABLE api_credentials ALTER COLUMN id SET NO CACHE RESTART WITH (SELECT GREATEST(COALESCE(MAX(id), 0) + 1,
    (SELECT identity_base FROM information_schema.columns WHERE table_schema = CURRENT_SCHEMA
        AND table_name = 'API_CREDENTIALS' AND column_name = 'ID')) FROM api_credentials);
ALTER TABLE activity_log ALTER COLUMN id SET NO CACHE RESTART WITH (SELECT GREATEST(COALESCE(MAX(id), 0) + 1,
    (SELECT identity_base FROM information_schema.columns WHERE table_schema = CURRENT_SCHEMA
        AND table_name = 'ACTIVITY_LOG' AND column_name = 'ID')) FROM activity_log);
ALTER TABLE module_log ALTER COLUMN id SET NO CACHE RESTART WITH (SELECT GREATEST(COALESCE(MAX(id), 0) + 1,
    (SELECT identity_base FROM information_schema.columns WHERE table_schema = CURRENT_SCHEMA
        AND table_name = 'MODULE_LOG' AND column_name = 'ID')) FROM module_log);
ALTER TABLE orders ALTER COLUMN id SET NO CACHE RESTART WITH (SELECT GREATEST(COALESCE(MAX(id), 0) + 1,
    (SELECT identity_base FROM information_schema.columns WHERE table_schema = CURRENT_SCHEMA
        AND table_name = 'ORDERS' AND column_name = 'ID')) FROM orders);
ALTER TABLE invoices ALTER COLUMN id SET NO CACHE RESTART WITH (SELECT GREATEST(COALESCE(MAX(id), 0) + 1,
    (SELECT identity_base FROM information_schema.columns WHERE table_schema = CURRENT_SCHEMA
        AND table_name = 'INVOICES' AND column_name = 'ID')) FROM invoices);
ALTER TABLE services ALTER COLUMN id SET NO CACHE RESTART WITH (SELECT GREATEST(COALESCE(MAX(id), 0) + 1,
    (SELECT identity_base FROM information_schema.columns WHERE table_schema = CURRENT_SCHEMA
        AND table_name = 'SERVICES' AND column_name = 'ID')) FROM services);
ALTER TABLE invoice_items ALTER COLUMN id SET NO CACHE RESTART WITH (SELECT GREATEST(COALESCE(MAX(id), 0) + 1,
    (SELECT identity_base FROM information_schema.columns WHERE table_schema = CURRENT_SCHEMA
        AND table_name = 'INVOICE_ITEMS' AND column_name = 'ID')) FROM invoice_items);
ALTER TABLE payments ALTER COLUMN id SET NO CACHE RESTART WITH (SELECT GREATEST(COALESCE(MAX(id), 0) + 1,
    (SELECT identity_base FROM information_schema.columns WHERE table_schema = CURRENT_SCHEMA
        AND table_name = 'PAYMENTS' AND column_name = 'ID')) FROM payments);
ALTER TABLE jobs ALTER COLUMN id SET NO CACHE RESTART WITH (SELECT GREATEST(COALESCE(MAX(id), 0) + 1,
    (SELECT identity_base FROM information_schema.columns WHERE table_schema = CURRENT_SCHEMA
        AND table_name = 'JOBS' AND column_name = 'ID')) FROM jobs);
