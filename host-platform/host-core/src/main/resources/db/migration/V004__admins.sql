-- Roles are the set of their permissions; the three default roles of WHMCS are seeded here.
CREATE TABLE admin_roles (
    role VARCHAR(100) NOT NULL,
    permission VARCHAR(100) NOT NULL,
    PRIMARY KEY (role, permission)
) ${TABLE_OPTIONS};

INSERT INTO admin_roles (role, permission) VALUES ('Full Administrator', 'configaddonmods');
INSERT INTO admin_roles (role, permission) VALUES ('Full Administrator', 'configproducts');
INSERT INTO admin_roles (role, permission) VALUES ('Full Administrator', 'clients');
INSERT INTO admin_roles (role, permission) VALUES ('Full Administrator', 'orders');
INSERT INTO admin_roles (role, permission) VALUES ('Full Administrator', 'invoices');
INSERT INTO admin_roles (role, permission) VALUES ('Full Administrator', 'services');
INSERT INTO admin_roles (role, permission) VALUES ('Full Administrator', 'systemlogs');
INSERT INTO admin_roles (role, permission) VALUES ('Full Administrator', 'modulequeue');
INSERT INTO admin_roles (role, permission) VALUES ('Full Administrator', 'adminusers');
INSERT INTO admin_roles (role, permission) VALUES ('Full Administrator', 'apicredentials');
INSERT INTO admin_roles (role, permission) VALUES ('Sales Operator', 'clients');
INSERT INTO admin_roles (role, permission) VALUES ('Sales Operator', 'orders');
INSERT INTO admin_roles (role, permission) VALUES ('Sales Operator', 'invoices');
INSERT INTO admin_roles (role, permission) VALUES ('Sales Operator', 'services');
INSERT INTO admin_roles (role, permission) VALUES ('Support Operator', 'clients');
INSERT INTO admin_roles (role, permission) VALUES ('Support Operator', 'services');
INSERT INTO admin_roles (role, permission) VALUES ('Support Operator', 'systemlogs');
INSERT INTO admin_roles (role, permission) VALUES ('Support Operator', 'modulequeue');

CREATE TABLE admins (
    id ${ID},
    username VARCHAR(100) NOT NULL,
    email VARCHAR(255) NOT NULL,
    password_hash VARCHAR(255) NOT NULL,
    role VARCHAR(100) NOT NULL,
    disabled BOOLEAN NOT NULL DEFAULT FALSE,
    created ${TIMESTAMP} NOT NULL,
    CONSTRAINT uq_admins_username UNIQUE (username)
) ${TABLE_OPTIONS};

-- secret_hash: SHA-256 (hex) of the secret; the secret itself is never stored
CREATE TABLE api_credentials (
    id ${ID},
    identifier VARCHAR(100) NOT NULL,
    secret_hash VARCHAR(64) NOT NULL,
    admin_id BIGINT NOT NULL,
    description VARCHAR(255) NOT NULL,
    -- comma-separated action names; empty for every action
    allowed_actions VARCHAR(4000) NOT NULL,
    created ${TIMESTAMP} NOT NULL,
    CONSTRAINT uq_api_credentials_identifier UNIQUE (identifier),
    CONSTRAINT fk_api_credentials_admin FOREIGN KEY (admin_id) REFERENCES admins (id)
) ${TABLE_OPTIONS};
