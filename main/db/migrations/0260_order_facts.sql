-- Each order's KPI facts (common/domain/kpi OrderFacts, derived by orderFactsOf from the order's row and
-- its own history), kept at write time so the dashboard reads one row per order instead of deriving
-- every order from its history on every call (issue 14's benchmark). The JSON is the facts without
-- `drill`: that flag follows the linked incident, whose exercise flag can change without touching the
-- order, so the reader resolves it from incident_orders as orderFactsOf does.
-- The table is rebuilt from the existing orders by this migration's rebuild step (order-facts-store.ts).
CREATE TABLE order_facts (
  order_id INTEGER PRIMARY KEY REFERENCES orders (id) ON DELETE CASCADE,
  facts TEXT NOT NULL
) STRICT;
-- Exactness under every writer: any change of a column the facts read, and any new history step,
-- drops the order's facts row in the writing transaction. OrdersRepo writes the new row right after
-- (same transaction); a writer that does not (a raw statement) leaves it missing, and the reader derives
-- a missing row from the history as before — stale facts can never be read.
CREATE TRIGGER order_facts_row_changed AFTER UPDATE OF id, code, category_id, domain_id, source, station_id,
  workstation_id, state, handler_kind, handler_id, created_at, warn_at, deadline_at, feedback_result, feedback_at
  ON orders
BEGIN
  DELETE FROM order_facts WHERE order_id IN (OLD.id, NEW.id);
END;
CREATE TRIGGER order_facts_history_added AFTER INSERT ON order_history
BEGIN
  DELETE FROM order_facts WHERE order_id = NEW.order_id;
END;
