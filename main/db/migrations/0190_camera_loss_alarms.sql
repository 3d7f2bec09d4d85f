-- The wall's video-loss alarm per camera group. A camera group is a grid (网格),
-- the camera tree's top level; a grid with no row here alarms with the defaults (on, 10 s). Set by
-- administrators (wall.lossAlarms.set, audited); each console raises and acknowledges its own alarms.
CREATE TABLE camera_loss_alarms (
  grid_id TEXT PRIMARY KEY REFERENCES org_units (id),
  enabled INTEGER NOT NULL CHECK (enabled IN (0, 1)),
  delay_s INTEGER NOT NULL CHECK (delay_s BETWEEN 0 AND 3600),
  updated_by INTEGER NOT NULL REFERENCES users (id),
  updated_at INTEGER NOT NULL
) STRICT;
