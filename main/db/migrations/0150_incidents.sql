-- Incident mode (平急融合): plans (预案) as data, incidents with their checklist, report
-- deadlines, linked orders, and the timeline (like ICS 214), which is append-only as the duty log is.

CREATE TABLE incident_plans (
  id INTEGER PRIMARY KEY,
  -- one plan per incident type; 'generic' serves the types without their own
  type TEXT NOT NULL UNIQUE CHECK (type IN ('flood', 'fire', 'gas', 'utility', 'traffic', 'crowd', 'other', 'generic')),
  name TEXT NOT NULL CHECK (length(trim(name)) > 0),
  -- JSON {"IV":{checklist,notify,reports,presetViewId},"III":…,"II":…,"I":…} (common/domain/incidents/plan.ts)
  levels TEXT NOT NULL,
  updated_at INTEGER NOT NULL,
  updated_by_name TEXT
) STRICT;

CREATE TABLE incidents (
  id INTEGER PRIMARY KEY,
  -- the center running it: one real incident at a time per center (index below)
  center_id TEXT NOT NULL REFERENCES org_units (id),
  type TEXT NOT NULL CHECK (type IN ('flood', 'fire', 'gas', 'utility', 'traffic', 'crowd', 'other')),
  name TEXT NOT NULL CHECK (length(trim(name)) > 0),
  level TEXT NOT NULL CHECK (level IN ('IV', 'III', 'II', 'I')),
  -- 演练: marked everywhere, outside the one-active rule and every statistic
  drill INTEGER NOT NULL CHECK (drill IN (0, 1)),
  situation TEXT NOT NULL,
  -- JSON array of the affected org units (workstations, grids, stations, or the center = the whole town)
  area_ids TEXT NOT NULL,
  -- JSON array of the stations those areas belong to: who else may open the incident
  station_ids TEXT NOT NULL,
  commander_name TEXT NOT NULL,
  commander_user_id INTEGER REFERENCES users (id),
  plan_id INTEGER REFERENCES incident_plans (id),
  started_at INTEGER NOT NULL,
  started_by_id INTEGER REFERENCES users (id),
  started_by_name TEXT NOT NULL,
  level_changed_at INTEGER NOT NULL,
  closed_at INTEGER,
  closed_by_id INTEGER REFERENCES users (id),
  closed_by_name TEXT,
  summary TEXT,
  CHECK ((closed_at IS NULL) = (summary IS NULL))
) STRICT;
CREATE UNIQUE INDEX incidents_one_active ON incidents (center_id) WHERE drill = 0 AND closed_at IS NULL;
CREATE INDEX incidents_started ON incidents (started_at);
CREATE INDEX incidents_open ON incidents (id) WHERE closed_at IS NULL;

-- A closed incident is final; none is ever deleted (the timeline and the reports refer to it).
CREATE TRIGGER incidents_closed_final BEFORE UPDATE ON incidents
WHEN OLD.closed_at IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'the incident is closed');
END;
CREATE TRIGGER incidents_no_delete BEFORE DELETE ON incidents
BEGIN
  SELECT RAISE(ABORT, 'incidents are never deleted');
END;

CREATE TABLE incident_timeline (
  id INTEGER PRIMARY KEY,
  incident_id INTEGER NOT NULL REFERENCES incidents (id),
  at INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('activated', 'level', 'checklist', 'order_linked', 'notified', 'confirmed',
    'report', 'note', 'closed', 'report_missed')),
  text TEXT NOT NULL CHECK (length(trim(text)) > 0),
  by_user_id INTEGER REFERENCES users (id),
  by_name TEXT NOT NULL,
  -- JSON {"orderId":…,"reportId":…,"itemId":…,"notificationId":…,"contactId":…,"level":…,"fromLevel":…} or NULL
  ref TEXT
) STRICT;
CREATE INDEX incident_timeline_incident ON incident_timeline (incident_id, id);

CREATE TRIGGER incident_timeline_no_update BEFORE UPDATE ON incident_timeline
BEGIN
  SELECT RAISE(ABORT, 'incident_timeline is append-only');
END;
CREATE TRIGGER incident_timeline_no_delete BEFORE DELETE ON incident_timeline
BEGIN
  SELECT RAISE(ABORT, 'incident_timeline is append-only');
END;

CREATE TABLE incident_checklist (
  id INTEGER PRIMARY KEY,
  incident_id INTEGER NOT NULL REFERENCES incidents (id),
  -- the level whose plan added it (items of earlier levels stay after a level change)
  level TEXT NOT NULL CHECK (level IN ('IV', 'III', 'II', 'I')),
  key TEXT NOT NULL,
  text TEXT NOT NULL,
  added_at INTEGER NOT NULL,
  done INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1)),
  done_at INTEGER,
  done_by_id INTEGER REFERENCES users (id),
  done_by_name TEXT,
  UNIQUE (incident_id, key)
) STRICT;

CREATE TABLE incident_reports (
  id INTEGER PRIMARY KEY,
  incident_id INTEGER NOT NULL REFERENCES incidents (id),
  level TEXT NOT NULL CHECK (level IN ('IV', 'III', 'II', 'I')),
  kind TEXT NOT NULL CHECK (kind IN ('initial', 'written', 'update')),
  due_at INTEGER NOT NULL,
  recorded_at INTEGER,
  recorded_by_id INTEGER REFERENCES users (id),
  recorded_by_name TEXT,
  text TEXT,
  -- JSON array of attachment ids, or NULL
  attachment_ids TEXT,
  -- replaced by a level change or ended by the close before it was due
  superseded_at INTEGER,
  -- when the sweep announced 'soon' and 'due'/'missed' (each once)
  soon_alerted_at INTEGER,
  due_alerted_at INTEGER,
  CHECK ((recorded_at IS NULL) = (text IS NULL))
) STRICT;
CREATE INDEX incident_reports_incident ON incident_reports (incident_id, due_at);
CREATE INDEX incident_reports_open ON incident_reports (due_at) WHERE recorded_at IS NULL AND superseded_at IS NULL;

-- A recorded report is final.
CREATE TRIGGER incident_reports_recorded_final BEFORE UPDATE ON incident_reports
WHEN OLD.recorded_at IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'the report is recorded');
END;

CREATE TABLE incident_orders (
  incident_id INTEGER NOT NULL REFERENCES incidents (id),
  -- an order belongs to one incident at most
  order_id INTEGER NOT NULL UNIQUE REFERENCES orders (id),
  linked_at INTEGER NOT NULL,
  linked_by_id INTEGER REFERENCES users (id),
  linked_by_name TEXT NOT NULL,
  -- 1 when orders.create linked it by itself (created while the incident was active)
  auto INTEGER NOT NULL CHECK (auto IN (0, 1)),
  PRIMARY KEY (incident_id, order_id)
) STRICT;
