-- Each order's KPI facts (common/domain/kpi OrderFacts, derived by orderFactsOf from the order's row and
-- its own history), kept at write time so the dashboard reads one row per order instead of deriving
-- every order from its history on every call (issue 14's benchmark). `facts` is the JSON of the facts
-- without `drill`: that flag follows the linked incident, whose exercise flag can change without
-- touching the order, so the reader resolves it from incident_orders as orderFactsOf does.
-- [first_at, last_at] spans every instant of the facts (steps, deadline, 督办 due, 回访); an order
-- still open (or stale, below) spans all time: the orders a period's KPIs may count are those whose
-- span meets it — a superset the pure KPI functions then filter exactly.
-- The rows are built by this migration's rebuild step (order-facts-store.ts) from the existing orders.
CREATE TABLE order_facts (
  order_id INTEGER PRIMARY KEY REFERENCES orders (id) ON DELETE CASCADE,
  -- null: stale, the reader derives this order from its history again
  facts TEXT,
  first_at INTEGER NOT NULL,
  last_at INTEGER NOT NULL
) STRICT;
CREATE INDEX order_facts_span ON order_facts (last_at, first_at);
-- Exactness under every writer: a new order, any change of a column the facts read and any new
-- history step mark the order's row stale (spanning all time) in the writing transaction. OrdersRepo
-- writes the fresh row right after (same transaction); a writer that does not (a raw statement) leaves
-- it stale, and the reader derives it from the history as before — stale facts are never read.
CREATE TRIGGER order_facts_new_order AFTER INSERT ON orders
BEGIN
  INSERT OR REPLACE INTO order_facts (order_id, facts, first_at, last_at) VALUES (NEW.id, NULL, 0, 8640000000000000);
END;
CREATE TRIGGER order_facts_row_changed AFTER UPDATE OF code, category_id, domain_id, source, station_id,
  workstation_id, state, handler_kind, handler_id, created_at, warn_at, deadline_at, feedback_result, feedback_at
  ON orders
BEGIN
  UPDATE order_facts SET facts = NULL, first_at = 0, last_at = 8640000000000000 WHERE order_id = NEW.id;
END;
CREATE TRIGGER order_facts_history_added AFTER INSERT ON order_history
BEGIN
  UPDATE order_facts SET facts = NULL, first_at = 0, last_at = 8640000000000000 WHERE order_id = NEW.order_id;
END;
