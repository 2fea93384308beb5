CREATE TABLE product_groups (
    id ${ID},
    name VARCHAR(255) NOT NULL,
    hidden BOOLEAN NOT NULL DEFAULT FALSE,
    created ${TIMESTAMP} NOT NULL,
    CONSTRAINT uq_product_groups_name UNIQUE (name)
) ${TABLE_OPTIONS};

CREATE TABLE products (
    id ${ID},
    group_id BIGINT NOT NULL,
    name VARCHAR(255) NOT NULL,
    description ${TEXT} NOT NULL,
    product_type VARCHAR(32) NOT NULL,
    hidden BOOLEAN NOT NULL DEFAULT FALSE,
    pay_type VARCHAR(16) NOT NULL,
    price DECIMAL(12,2) NOT NULL,
    module VARCHAR(64) NOT NULL,
    auto_setup VARCHAR(16) NOT NULL,
    created ${TIMESTAMP} NOT NULL,
    CONSTRAINT fk_products_group FOREIGN KEY (group_id) REFERENCES product_groups (id)
) ${TABLE_OPTIONS};
CREATE INDEX ix_products_module ON products (module);

-- configoption1..24 of a product (n = 1..24); missing rows read as empty strings
CREATE TABLE product_config_options (
    product_id BIGINT NOT NULL,
    n INT NOT NULL,
    option_value VARCHAR(1000) NOT NULL,
    PRIMARY KEY (product_id, n),
    CONSTRAINT fk_config_options_product FOREIGN KEY (product_id) REFERENCES products (id) ON DELETE CASCADE
) ${TABLE_OPTIONS};

CREATE TABLE custom_fields (
    id ${ID},
    product_id BIGINT NOT NULL,
    name VARCHAR(255) NOT NULL,
    field_type VARCHAR(16) NOT NULL,
    description VARCHAR(1000) NOT NULL,
    validation_regex VARCHAR(1000) NOT NULL,
    -- dropdown choices, comma-separated as WHMCS stores them
    field_options VARCHAR(4000) NOT NULL,
    admin_only BOOLEAN NOT NULL DEFAULT FALSE,
    required BOOLEAN NOT NULL DEFAULT FALSE,
    show_on_order BOOLEAN NOT NULL DEFAULT FALSE,
    show_on_invoice BOOLEAN NOT NULL DEFAULT FALSE,
    sort_order INT NOT NULL DEFAULT 0,
    CONSTRAINT uq_custom_fields_name UNIQUE (product_id, name),
    CONSTRAINT fk_custom_fields_product FOREIGN KEY (product_id) REFERENCES products (id) ON DELETE CASCADE
) ${TABLE_OPTIONS};

-- service_id refers to services (created by a later migration, which adds that foreign key)
CREATE TABLE custom_field_values (
    field_id BIGINT NOT NULL,
    service_id BIGINT NOT NULL,
    field_value ${TEXT} NOT NULL,
    PRIMARY KEY (field_id, service_id),
    CONSTRAINT fk_field_values_field FOREIGN KEY (field_id) REFERENCES custom_fields (id) ON DELETE CASCADE
) ${TABLE_OPTIONS};
CREATE INDEX ix_custom_field_values_service ON custom_field_values (service_id);

CREATE TABLE product_bundles (
    id ${ID},
    name VARCHAR(255) NOT NULL,
    description ${TEXT} NOT NULL,
    created ${TIMESTAMP} NOT NULL,
    CONSTRAINT uq_product_bundles_name UNIQUE (name)
) ${TABLE_OPTIONS};

CREATE TABLE product_bundle_items (
    bundle_id BIGINT NOT NULL,
    item_order INT NOT NULL,
    product_id BIGINT NOT NULL,
    PRIMARY KEY (bundle_id, item_order),
    CONSTRAINT fk_bundle_items_bundle FOREIGN KEY (bundle_id) REFERENCES product_bundles (id) ON DELETE CASCADE,
    CONSTRAINT fk_bundle_items_product FOREIGN KEY (product_id) REFERENCES products (id)
) ${TABLE_OPTIONS};
