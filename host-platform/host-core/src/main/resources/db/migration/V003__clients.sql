CREATE TABLE clients (
    id ${ID},
    first_name VARCHAR(255) NOT NULL,
    last_name VARCHAR(255) NOT NULL,
    email VARCHAR(255) NOT NULL,
    -- lower-case e-mail: one account per address whatever its case, on every database
    email_key VARCHAR(255) NOT NULL,
    company_name VARCHAR(255) NOT NULL,
    address1 VARCHAR(255) NOT NULL,
    city VARCHAR(255) NOT NULL,
    state VARCHAR(255) NOT NULL,
    postcode VARCHAR(64) NOT NULL,
    country VARCHAR(64) NOT NULL,
    phone_number VARCHAR(64) NOT NULL,
    status VARCHAR(32) NOT NULL,
    password_hash VARCHAR(255) NOT NULL,
    created ${TIMESTAMP} NOT NULL,
    CONSTRAINT uq_clients_email UNIQUE (email_key)
) ${TABLE_OPTIONS};
CREATE INDEX ix_clients_name ON clients (last_name, first_name);
