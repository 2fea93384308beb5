-- Product welcome templates an admin adds (issue 16), besides the host's own product_welcome, and each
-- product's choice: welcome_email NULL sends the default product_welcome, 0 sends none, otherwise the id of
-- one of these templates (WHMCS's welcomeemail). A template a product names cannot be deleted (checked by the
-- host under the template's row lock, which saving a product takes too).
CREATE TABLE mail_welcome_templates (
    id ${ID},
    label VARCHAR(200) NOT NULL,
    subject VARCHAR(998) NOT NULL,
    body_text ${TEXT} NOT NULL,
    body_html ${TEXT} NOT NULL,
    updated BIGINT NOT NULL,
    CONSTRAINT uq_mail_welcome_templates_label UNIQUE (label)
) ${TABLE_OPTIONS};
ALTER TABLE products ADD COLUMN welcome_email BIGINT;
