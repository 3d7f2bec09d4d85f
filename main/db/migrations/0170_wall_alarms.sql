-- Alarm to the wall, kept: alarms pushed to alarm windows survive a hub restart,
-- and what a 特急 order sends to the wall is decided in one place every way of making one goes through.

-- Every alarm pushed to an alarm window. Unacknowledged ones are given again to their owner's alarm
-- window of the same name when it registers (a new connection after a restart or a reload: a new
-- window id, hence window_id is updated then). Acknowledged ones stay, with who and when.
CREATE TABLE wall_alarms (
  id TEXT PRIMARY KEY,
  window_id TEXT NOT NULL,
  window_name TEXT NOT NULL,
  -- The window's owner when it was pushed: who (or whose chief) may acknowledge it.
  user_id INTEGER NOT NULL REFERENCES users (id),
  org_unit_id TEXT NOT NULL REFERENCES org_units (id),
  -- WallAlarmReason as JSON ({kind:'order',…} | {kind:'incident',…}).
  reason TEXT NOT NULL CHECK (json_valid(reason)),
  -- The cameras as resolved when pushed (a JSON array of ids), and the preset view's layout or NULL.
  cameras TEXT NOT NULL CHECK (json_valid(cameras)),
  layout TEXT,
  by_user_id INTEGER REFERENCES users (id),
  by_name TEXT,
  at INTEGER NOT NULL,
  acked_at INTEGER,
  acked_by INTEGER REFERENCES users (id),
  acked_by_name TEXT,
  CHECK ((acked_at IS NULL) = (acked_by IS NULL))
) STRICT;
CREATE INDEX wall_alarms_pending ON wall_alarms (user_id, window_name, at) WHERE acked_at IS NULL;

-- 特急 orders still to alarm, written by the database itself: an order inserted as 特急 (console,
-- Open311, any import) or later raised to 特急 is queued in the same transaction that saved it, and
-- the hub sends the alarms after the commit (WallAlarmRouter.drainOrders). One row per order, ever:
-- an order alarms once, however often its urgency changes.
CREATE TABLE wall_alarm_orders (
  order_id INTEGER PRIMARY KEY REFERENCES orders (id),
  -- The order's creator when it was created 特急 (NULL: Open311, or raised later by the hub's paths).
  by_user_id INTEGER REFERENCES users (id),
  queued_at INTEGER NOT NULL,
  alarmed_at INTEGER
) STRICT;
CREATE INDEX wall_alarm_orders_due ON wall_alarm_orders (order_id) WHERE alarmed_at IS NULL;

CREATE TRIGGER wall_alarm_order_created AFTER INSERT ON orders
WHEN NEW.urgency = 'critical'
BEGIN
  INSERT OR IGNORE INTO wall_alarm_orders (order_id, by_user_id, queued_at)
  VALUES (NEW.id, NEW.created_by, NEW.created_at);
END;

CREATE TRIGGER wall_alarm_order_raised AFTER UPDATE OF urgency ON orders
WHEN NEW.urgency = 'critical' AND OLD.urgency <> 'critical'
BEGIN
  INSERT OR IGNORE INTO wall_alarm_orders (order_id, by_user_id, queued_at)
  VALUES (NEW.id, NULL, NEW.updated_at);
END;
