-- The permissions of the daily automation's page and action, and of the cancellation requests
-- (Permissions.AUTOMATION, Permissions.CANCELLATION_REQUESTS).
INSERT INTO admin_roles (role, permission) VALUES ('Full Administrator', 'automation');
INSERT INTO admin_roles (role, permission) VALUES ('Full Administrator', 'cancelrequests');
INSERT INTO admin_roles (role, permission) VALUES ('Sales Operator', 'cancelrequests');
INSERT INTO admin_roles (role, permission) VALUES ('Support Operator', 'cancelrequests');
