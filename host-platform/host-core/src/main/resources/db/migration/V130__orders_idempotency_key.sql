-- The idempotency key of an order (OrderRequest.idempotencyKey): a retried order with the same client and
-- key answers the first one. The unique key decides between two calls racing with the same key; NULL (no
-- key) never collides.
ALTER TABLE orders ADD COLUMN idempotency_key VARCHAR(64);
ALTER TABLE orders ADD CONSTRAINT uq_orders_idempotency_key UNIQUE (client_id, idempotency_key);
