-- Invoice payment reminders and overdue notices (issue 16): the count of notices an automation run queued.
-- The step reads unpaid invoices by due date through ix_invoices_status_due (V170).
ALTER TABLE automation_runs ADD COLUMN notices INT DEFAULT 0 NOT NULL;
