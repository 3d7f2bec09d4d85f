-- One open 督办 per order: pressing 督办 again on an order whose supervision still
-- awaits its reply adds a follow-up (催办) to that supervision instead of opening a second one. due_at is
-- the supervision's due time as this follow-up left it (unchanged unless the chief gave a new one).
CREATE TABLE order_supervision_followups (
  id INTEGER PRIMARY KEY,
  supervision_id INTEGER NOT NULL REFERENCES order_supervisions (id),
  note TEXT NOT NULL,
  due_at INTEGER NOT NULL,
  created_by INTEGER REFERENCES users (id),
  created_by_name TEXT NOT NULL,
  created_at INTEGER NOT NULL
) STRICT;
CREATE INDEX order_supervision_followups_supervision ON order_supervision_followups (supervision_id);
