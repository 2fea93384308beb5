-- The admin's sortable lists (issue 18): each sort key's columns, with the id that breaks ties, so a
-- sorted page reads LIMIT rows of an index instead of sorting the table (100,000 clients, services);
-- the dashboard reads the last 30 days of payments and orders by their time.
CREATE INDEX ix_clients_company ON clients (company_name, id);
CREATE INDEX ix_clients_created ON clients (created, id);
CREATE INDEX ix_orders_created ON orders (created, id);
CREATE INDEX ix_orders_total ON orders (total, id);
CREATE INDEX ix_orders_status_id ON orders (status, id);
CREATE INDEX ix_invoices_created ON invoices (created, id);
CREATE INDEX ix_invoices_due ON invoices (due_date, id);
CREATE INDEX ix_invoices_total ON invoices (total, id);
CREATE INDEX ix_services_domain ON services (domain, id);
CREATE INDEX ix_services_next_due ON services (next_due_date, id);
CREATE INDEX ix_services_amount ON services (amount, id);
CREATE INDEX ix_services_status_id ON services (status, id);
CREATE INDEX ix_payments_created ON payments (created);
