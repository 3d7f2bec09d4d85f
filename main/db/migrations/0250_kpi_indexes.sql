-- The KPIs' period reads (OrderFactsRepo.periodOrderIds, issue 14's benchmark): without these, finding
-- the orders a period touches scanned the whole history (millions of rows) and every order.
-- A step of an order's history in [from, to): a range of this index, covering the order id.
CREATE INDEX order_history_at ON order_history (at, order_id);
-- An order whose deadline falls in the period (应结案), open or closed (orders_deadline holds open ones only).
CREATE INDEX orders_deadline_all ON orders (deadline_at);
-- A 督办 reply due in the period (应回复).
CREATE INDEX order_supervisions_due ON order_supervisions (due_at, order_id);
-- The overview's counts of open orders (OrderCountsRepo.openGroups and the overdue total) read every
-- open order's state, light, place and pending approval: all in this index, so the few thousand
-- open orders cost a few index pages instead of one table page each (closed_at is listed too: without
-- it SQLite reads the table to test the WHERE, and the index does not cover).
CREATE INDEX orders_open_counts ON orders (deadline_at, warn_at, paused_at, state, station_id, workstation_id,
  pending_request, closed_at) WHERE closed_at IS NULL;
