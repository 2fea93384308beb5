-- GetClientsProducts filters by product (Services.list(ServiceFilter, ...)): no scan of the whole table.
CREATE INDEX ix_services_product ON services (product_id, id);
