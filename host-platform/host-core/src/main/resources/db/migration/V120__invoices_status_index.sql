-- The admin invoice list filters by status, newest first (Invoices.list).
CREATE INDEX ix_invoices_status_id ON invoices (status, id);
