-- The "recently updated" sort of the order list (order-query.ts uses it when present).
CREATE INDEX orders_updated ON orders (updated_at DESC, id DESC);
