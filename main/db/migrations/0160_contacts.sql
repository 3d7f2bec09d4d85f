-- 通讯录 and incident notifications.

-- Departments and people to call. A person may sit under a department row (parent_id) and may be a
-- console user (user_id), who can then be notified in the console itself. Rows are never deleted:
-- a notification names its contact for good, so "delete" sets deleted_at and hides the row.
CREATE TABLE contacts (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('department', 'person')),
  name TEXT NOT NULL CHECK (length(trim(name)) > 0),
  parent_id INTEGER REFERENCES contacts (id),
  -- 职务 / role ("站长", "值班电话" …)
  title TEXT,
  org_unit_id TEXT REFERENCES org_units (id),
  phone TEXT,
  mobile TEXT,
  note TEXT,
  user_id INTEGER REFERENCES users (id),
  -- Where a seeded row came from ('dept:DEP-GA', 'unit:HQ-S1', 'user:3'); NULL for rows an
  -- administrator added. Seeding is INSERT OR IGNORE on this key, so edits and deletions survive.
  seed_key TEXT UNIQUE,
  sort INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  deleted_at INTEGER,
  CHECK (kind = 'person' OR (parent_id IS NULL AND user_id IS NULL))
) STRICT;
CREATE INDEX contacts_parent ON contacts (parent_id) WHERE parent_id IS NOT NULL;
CREATE INDEX contacts_org_unit ON contacts (org_unit_id) WHERE org_unit_id IS NOT NULL;
-- One live contact per console user: a console notification must reach exactly one person.
CREATE UNIQUE INDEX contacts_user ON contacts (user_id) WHERE user_id IS NOT NULL AND deleted_at IS NULL;

-- Who was told about an incident, by whom, how and when, and when they confirmed. The contact's
-- name, title and number are copied as they were when told, so later edits of the 通讯录 do not
-- rewrite the record. Only the confirmation may be filled in, once; rows are never deleted.
CREATE TABLE incident_notifications (
  id INTEGER PRIMARY KEY,
  incident_id INTEGER NOT NULL REFERENCES incidents (id),
  contact_id INTEGER NOT NULL REFERENCES contacts (id),
  contact_name TEXT NOT NULL,
  contact_title TEXT,
  contact_phone TEXT,
  -- The console user told (channel 'console'); NULL for the other channels.
  user_id INTEGER REFERENCES users (id),
  by_user_id INTEGER NOT NULL REFERENCES users (id),
  by_name TEXT NOT NULL,
  channel TEXT NOT NULL CHECK (channel IN ('phone', 'sms', 'in_person', 'console')),
  note TEXT,
  at INTEGER NOT NULL,
  confirmed_at INTEGER,
  confirmed_by_user_id INTEGER REFERENCES users (id),
  confirmed_by_name TEXT,
  confirm_note TEXT,
  CHECK (channel <> 'console' OR user_id IS NOT NULL),
  CHECK ((confirmed_at IS NULL) = (confirmed_by_name IS NULL))
) STRICT;
CREATE INDEX incident_notifications_incident ON incident_notifications (incident_id, id);
CREATE INDEX incident_notifications_user_open ON incident_notifications (user_id)
  WHERE user_id IS NOT NULL AND confirmed_at IS NULL;

CREATE TRIGGER incident_notifications_no_delete BEFORE DELETE ON incident_notifications
BEGIN
  SELECT RAISE(ABORT, 'incident_notifications is append-only');
END;
CREATE TRIGGER incident_notifications_confirm_only BEFORE UPDATE ON incident_notifications
WHEN OLD.confirmed_at IS NOT NULL
  OR NEW.id IS NOT OLD.id
  OR NEW.incident_id IS NOT OLD.incident_id
  OR NEW.contact_id IS NOT OLD.contact_id
  OR NEW.contact_name IS NOT OLD.contact_name
  OR NEW.contact_title IS NOT OLD.contact_title
  OR NEW.contact_phone IS NOT OLD.contact_phone
  OR NEW.user_id IS NOT OLD.user_id
  OR NEW.by_user_id IS NOT OLD.by_user_id
  OR NEW.by_name IS NOT OLD.by_name
  OR NEW.channel IS NOT OLD.channel
  OR NEW.note IS NOT OLD.note
  OR NEW.at IS NOT OLD.at
BEGIN
  SELECT RAISE(ABORT, 'incident_notifications: only an open notification''s confirmation may be written');
END;
