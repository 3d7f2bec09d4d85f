-- Shift patterns per org unit, the roster (people on posts per shift), check-ins and the
-- missing-check-in alerts already raised. Shifts are named by (org unit, start date, shift code);
-- their times come from the unit's pattern.

-- A unit without a row runs the default pattern of its kind (common/domain/duty/shift-templates.ts).
CREATE TABLE duty_patterns (
  org_unit_id TEXT PRIMARY KEY REFERENCES org_units (id),
  pattern TEXT NOT NULL CHECK (json_valid(pattern)),
  updated_at INTEGER NOT NULL
) STRICT;

CREATE TABLE roster_assignments (
  id INTEGER PRIMARY KEY,
  org_unit_id TEXT NOT NULL REFERENCES org_units (id),
  date TEXT NOT NULL,
  shift_code TEXT NOT NULL,
  post_code TEXT NOT NULL,
  user_id INTEGER NOT NULL REFERENCES users (id),
  -- The name when rostered, so a printed roster stays as it was.
  user_name TEXT NOT NULL,
  created_by INTEGER REFERENCES users (id),
  created_at INTEGER NOT NULL,
  UNIQUE (org_unit_id, date, shift_code, post_code, user_id)
) STRICT;
CREATE INDEX roster_assignments_unit_date ON roster_assignments (org_unit_id, date);
CREATE INDEX roster_assignments_user_date ON roster_assignments (user_id, date);

-- One check-in per person and shift; checked_out_at stays NULL while on duty.
CREATE TABLE duty_checkins (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users (id),
  org_unit_id TEXT NOT NULL REFERENCES org_units (id),
  date TEXT NOT NULL,
  shift_code TEXT NOT NULL,
  post_code TEXT NOT NULL,
  checked_in_at INTEGER NOT NULL,
  checked_out_at INTEGER,
  UNIQUE (user_id, org_unit_id, date, shift_code),
  CHECK (checked_out_at IS NULL OR checked_out_at >= checked_in_at)
) STRICT;
CREATE INDEX duty_checkins_shift ON duty_checkins (org_unit_id, date, shift_code);

-- A missing check-in is reported to the chief once.
CREATE TABLE duty_missing_alerts (
  org_unit_id TEXT NOT NULL REFERENCES org_units (id),
  date TEXT NOT NULL,
  shift_code TEXT NOT NULL,
  post_code TEXT NOT NULL,
  user_id INTEGER NOT NULL REFERENCES users (id),
  at INTEGER NOT NULL,
  PRIMARY KEY (org_unit_id, date, shift_code, post_code, user_id)
) STRICT, WITHOUT ROWID;
