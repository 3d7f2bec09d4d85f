-- Work orders, their append-only history, supervision, alerts, attachments, time limits, calendar.
CREATE TABLE orders (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  category_id TEXT NOT NULL REFERENCES categories (id),
  domain_id TEXT NOT NULL REFERENCES categories (id),
  workstation_id TEXT REFERENCES org_units (id),
  grid_id TEXT REFERENCES org_units (id),
  address TEXT NOT NULL DEFAULT '',
  lat REAL,
  lng REAL,
  source TEXT NOT NULL CHECK (source IN ('video', 'grid', 'hotline', 'village', 'patrol', 'open311')),
  reporter_name TEXT,
  reporter_phone TEXT,
  urgency TEXT NOT NULL CHECK (urgency IN ('normal', 'urgent', 'critical')),
  response_level TEXT NOT NULL CHECK (response_level IN ('patrol', 'joint', 'linkage')),
  state TEXT NOT NULL,
  previous_state TEXT,
  pending_request TEXT CHECK (pending_request IN ('extension', 'park')),
  pending_detail TEXT,
  handler_kind TEXT CHECK (handler_kind IN ('station', 'department', 'workstation')),
  handler_id TEXT,
  handler_name TEXT,
  -- The joint-duty station responsible (its users see and act on the order).
  station_id TEXT REFERENCES org_units (id),
  rework_count INTEGER NOT NULL DEFAULT 0,
  supervised INTEGER NOT NULL DEFAULT 0 CHECK (supervised IN (0, 1)),
  parent_id INTEGER REFERENCES orders (id),
  camera_id TEXT,
  created_by INTEGER REFERENCES users (id),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  closed_at INTEGER,
  -- The SLA clock (see common/domain/sla): the limit, and the instants at which the order turns
  -- yellow (80 %) and red (100 %), moved on by parking and extensions.
  limit_minutes INTEGER,
  limit_mode TEXT CHECK (limit_mode IN ('natural', 'working')),
  warn_at INTEGER,
  deadline_at INTEGER,
  paused_at INTEGER,
  alerted_yellow INTEGER NOT NULL DEFAULT 0,
  alerted_red INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX orders_created ON orders (created_at DESC, id DESC);
CREATE INDEX orders_state_created ON orders (state, created_at DESC, id DESC);
CREATE INDEX orders_station_created ON orders (station_id, created_at DESC, id DESC);
CREATE INDEX orders_category_created ON orders (category_id, created_at DESC, id DESC);
CREATE INDEX orders_domain_created ON orders (domain_id, created_at DESC, id DESC);
CREATE INDEX orders_workstation_created ON orders (workstation_id, created_at DESC, id DESC);
CREATE INDEX orders_deadline ON orders (deadline_at, id) WHERE closed_at IS NULL;
CREATE INDEX orders_warn ON orders (warn_at, id) WHERE closed_at IS NULL;
CREATE INDEX orders_handler ON orders (handler_kind, handler_id, created_at DESC);
CREATE INDEX orders_parent ON orders (parent_id) WHERE parent_id IS NOT NULL;

-- Per-day sequence for order codes (HQ20261126-0001).
CREATE TABLE order_code_seq (
  day TEXT PRIMARY KEY,
  last INTEGER NOT NULL
) STRICT;

-- Full-text search: the order's text as space-separated character bigrams (see
-- common/domain/text/bigrams.ts), so any term of two or more Chinese characters is a phrase query.
CREATE VIRTUAL TABLE orders_fts USING fts5 (grams, content = '', contentless_delete = 1, tokenize = 'unicode61');

CREATE TABLE order_history (
  id INTEGER PRIMARY KEY,
  order_id INTEGER NOT NULL REFERENCES orders (id),
  at INTEGER NOT NULL,
  actor_id INTEGER REFERENCES users (id),
  actor_name TEXT NOT NULL,
  action TEXT NOT NULL,
  from_state TEXT,
  to_state TEXT NOT NULL,
  reason TEXT,
  detail TEXT
) STRICT;
CREATE INDEX order_history_order ON order_history (order_id, id);
CREATE TRIGGER order_history_no_update BEFORE UPDATE ON order_history
BEGIN
  SELECT RAISE(ABORT, 'order_history is append-only');
END;
CREATE TRIGGER order_history_no_delete BEFORE DELETE ON order_history
BEGIN
  SELECT RAISE(ABORT, 'order_history is append-only');
END;

CREATE TABLE attachments (
  id INTEGER PRIMARY KEY,
  sha256 TEXT NOT NULL,
  name TEXT NOT NULL,
  mime TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('image', 'audio', 'video')),
  size INTEGER NOT NULL,
  created_by INTEGER REFERENCES users (id),
  created_at INTEGER NOT NULL
) STRICT;

CREATE TABLE order_attachments (
  order_id INTEGER NOT NULL REFERENCES orders (id),
  history_id INTEGER REFERENCES order_history (id),
  attachment_id INTEGER NOT NULL REFERENCES attachments (id),
  PRIMARY KEY (order_id, attachment_id)
) STRICT;

CREATE TABLE order_supervisions (
  id INTEGER PRIMARY KEY,
  order_id INTEGER NOT NULL REFERENCES orders (id),
  note TEXT NOT NULL,
  due_at INTEGER NOT NULL,
  created_by INTEGER REFERENCES users (id),
  created_by_name TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  reply TEXT,
  replied_by_name TEXT,
  replied_at INTEGER
) STRICT;
CREATE INDEX order_supervisions_order ON order_supervisions (order_id);

CREATE TABLE order_alerts (
  id INTEGER PRIMARY KEY,
  order_id INTEGER NOT NULL REFERENCES orders (id),
  kind TEXT NOT NULL CHECK (kind IN ('yellow', 'red', 'critical')),
  at INTEGER NOT NULL
) STRICT;
CREATE TABLE order_alert_acks (
  alert_id INTEGER NOT NULL REFERENCES order_alerts (id),
  user_id INTEGER NOT NULL REFERENCES users (id),
  at INTEGER NOT NULL,
  PRIMARY KEY (alert_id, user_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE time_limits (
  category_id TEXT NOT NULL,
  urgency TEXT NOT NULL CHECK (urgency IN ('normal', 'urgent', 'critical')),
  minutes INTEGER NOT NULL CHECK (minutes > 0),
  mode TEXT NOT NULL CHECK (mode IN ('natural', 'working')),
  PRIMARY KEY (category_id, urgency)
) STRICT;

CREATE TABLE calendar_days (
  date TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('holiday', 'workday')),
  name TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE api_keys (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  prefix TEXT NOT NULL,
  key_hash TEXT NOT NULL UNIQUE,
  created_by INTEGER REFERENCES users (id),
  created_by_name TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  revoked_at INTEGER,
  last_used_at INTEGER
) STRICT;
