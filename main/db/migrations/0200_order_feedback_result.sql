-- 回访结果: the result of the feedback call (satisfied, basically_satisfied,
-- dissatisfied, unreachable) and when it was recorded, for the list filter and the satisfaction KPI
-- (counts per result over a period). NULL: no feedback yet, or given before this column.
ALTER TABLE orders ADD COLUMN feedback_result TEXT
  CHECK (feedback_result IN ('satisfied', 'basically_satisfied', 'dissatisfied', 'unreachable'));
ALTER TABLE orders ADD COLUMN feedback_at INTEGER;
CREATE INDEX orders_feedback_at ON orders (feedback_at) WHERE feedback_at IS NOT NULL;
