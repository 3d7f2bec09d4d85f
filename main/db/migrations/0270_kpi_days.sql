-- Per-day KPI counts kept exact in the order's write transaction (issue 14's benchmark: the dashboard
-- of a whole scope over 30 or 365 days reads a few thousand counts instead of every order's facts).
-- Each order adds its parts (common/domain/kpi/day-parts.ts: one per counted step, at the instant the
-- KPI counts it by) to the counts of its station and the part's Shanghai day; OrderFactsStore.refresh
-- takes the order's previous parts away and adds the new ones in the same transaction as the order.
-- family: k (the KPI cards), c (the chief score per actor), d (series per day of report), s (series of
-- the period), h (处置时长 histogram); K, C, S, H the same per block of 16 days. actor: the 值班长's
-- per-actor parts ('' otherwise). station: '' for orders of no station. grain: '' (every order), or the one
-- dashboard filter the count is kept for — d:<domain>, o:<source>, w:<workstation>, p:<department now>.
CREATE TABLE kpi_days (
  family TEXT NOT NULL,
  grain TEXT NOT NULL,
  day INTEGER NOT NULL,
  station TEXT NOT NULL,
  metric TEXT NOT NULL,
  actor TEXT NOT NULL,
  actor_name TEXT NOT NULL,
  n INTEGER NOT NULL,
  ms INTEGER NOT NULL,
  PRIMARY KEY (family, grain, day, station, metric, actor)
) STRICT, WITHOUT ROWID;
-- The 处置时长 of each order whose handling stands (the P90's exact value inside its histogram bucket).
CREATE TABLE order_handling (
  order_id INTEGER PRIMARY KEY REFERENCES orders (id) ON DELETE CASCADE,
  station TEXT NOT NULL,
  day INTEGER NOT NULL,
  bucket INTEGER NOT NULL,
  ms INTEGER NOT NULL,
  -- the dashboard's filters (as the order's facts hold them)
  domain TEXT NOT NULL,
  source TEXT NOT NULL,
  workstation TEXT,
  department TEXT
) STRICT;
CREATE INDEX order_handling_bucket ON order_handling (bucket, day, station, ms);
-- The chief's step limits the on-time parts were counted with: a hub started with other limits
-- rebuilds every order's parts (KpiDaysStore.ensureLimits).
CREATE TABLE kpi_days_meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;
-- What an order's parts were made of beyond its facts (its station, closing, pause, and who filed and
-- closed it): its parts can be made again to take them away. null: the order has no parts counted.
ALTER TABLE order_facts ADD COLUMN part_inputs TEXT;
-- A stale row now keeps its facts (the parts counted from them must be taken away by the next refresh
-- or by the reader): stale = 1 replaces facts = NULL as the mark. A new order's row has no facts yet.
ALTER TABLE order_facts ADD COLUMN stale INTEGER NOT NULL DEFAULT 0;
CREATE INDEX order_facts_stale ON order_facts (order_id) WHERE stale = 1;
DROP TRIGGER order_facts_new_order;
DROP TRIGGER order_facts_row_changed;
DROP TRIGGER order_facts_history_added;
CREATE TRIGGER order_facts_new_order AFTER INSERT ON orders
BEGIN
  INSERT OR REPLACE INTO order_facts (order_id, facts, first_at, last_at, part_inputs, stale)
  VALUES (NEW.id, NULL, 0, 8640000000000000, NULL, 1);
END;
CREATE TRIGGER order_facts_row_changed AFTER UPDATE OF code, category_id, domain_id, source, station_id,
  workstation_id, state, handler_kind, handler_id, created_at, warn_at, deadline_at, feedback_result, feedback_at,
  closed_at, paused_at
  ON orders
BEGIN
  UPDATE order_facts SET stale = 1, first_at = 0, last_at = 8640000000000000 WHERE order_id = NEW.id;
END;
CREATE TRIGGER order_facts_history_added AFTER INSERT ON order_history
BEGIN
  UPDATE order_facts SET stale = 1, first_at = 0, last_at = 8640000000000000 WHERE order_id = NEW.order_id;
END;
-- The open orders' SLA lights by day of report and 在办超期 now (DayCountsRepo.runningLights, overdueNow):
-- every column they read, so the few thousand open orders cost index pages, not a table page each.
CREATE INDEX orders_open_created ON orders (created_at, deadline_at, warn_at, paused_at, state, station_id)
  WHERE closed_at IS NULL;
