-- The camera registry: cameras placed at workstations, the credentials of their stream
-- URLs kept apart, and the record of who watched which camera when.

-- Stream URLs are stored masked: user-info and secret query values read `***` (see
-- common/domain/cameras/stream-url.ts). The grid and station come from the workstation's org unit,
-- so a re-drawn grid moves its cameras with it.
CREATE TABLE cameras (
  -- Row number for stable ordering; `id` is the name people use (CAM-0001, the number on the pole).
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(id) BETWEEN 1 AND 32),
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 60),
  -- GB/T 28181 device id: 20 digits when present.
  code TEXT UNIQUE CHECK (code IS NULL OR (length(code) = 20 AND code NOT GLOB '*[^0-9]*')),
  workstation_id TEXT NOT NULL REFERENCES org_units (id),
  main_url TEXT NOT NULL,
  sub_url TEXT,
  protocol TEXT NOT NULL CHECK (protocol IN ('hls', 'webrtc', 'rtsp')),
  tags TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(tags) AND json_type(tags) = 'array'),
  enabled INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;
CREATE INDEX cameras_workstation ON cameras (workstation_id);

-- Credentials taken out of a stream URL: {"userinfo": "user:pass" | null, "params": [[name, value]…]}.
-- Only the hub's playback path reads this table; no API method returns it and no audit row holds it.
CREATE TABLE camera_secrets (
  camera_seq INTEGER NOT NULL REFERENCES cameras (seq) ON DELETE CASCADE,
  stream TEXT NOT NULL CHECK (stream IN ('main', 'sub')),
  secret TEXT NOT NULL CHECK (json_valid(secret)),
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (camera_seq, stream)
) STRICT, WITHOUT ROWID;

-- Who opened which camera when, and for how long. No foreign key to cameras: the
-- record outlives a deleted camera, so the camera's id and name are copied in.
CREATE TABLE camera_views (
  id INTEGER PRIMARY KEY,
  camera_id TEXT NOT NULL,
  camera_name TEXT NOT NULL,
  stream TEXT NOT NULL CHECK (stream IN ('main', 'sub')),
  user_id INTEGER NOT NULL REFERENCES users (id),
  user_name TEXT NOT NULL,
  -- sessions.token_hash of the viewer's session and the console connection: views left open are
  -- closed when either ends.
  session_hash TEXT,
  connection_id TEXT,
  started_at INTEGER NOT NULL,
  ended_at INTEGER,
  -- 'viewer' (the tile said so), 'disconnect', 'session' (signed out or expired), 'timeout' (max duration).
  closed_by TEXT CHECK (closed_by IN ('viewer', 'disconnect', 'session', 'timeout')),
  CHECK ((ended_at IS NULL) = (closed_by IS NULL)),
  CHECK (ended_at IS NULL OR ended_at >= started_at)
) STRICT;
CREATE INDEX camera_views_started ON camera_views (started_at);
CREATE INDEX camera_views_open ON camera_views (started_at) WHERE ended_at IS NULL;
CREATE INDEX camera_views_connection ON camera_views (connection_id) WHERE ended_at IS NULL;
