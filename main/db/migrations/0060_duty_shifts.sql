-- Concrete shifts of an org unit (one row per shift that someone worked or logged in), shared by
-- the roster, check-in, the duty log and the handover seal.
CREATE TABLE duty_shifts (
  id INTEGER PRIMARY KEY,
  org_unit_id TEXT NOT NULL REFERENCES org_units (id),
  date TEXT NOT NULL,
  code TEXT NOT NULL,
  starts_at INTEGER NOT NULL,
  ends_at INTEGER NOT NULL,
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'handover', 'sealed')),
  UNIQUE (org_unit_id, date, code)
) STRICT;
CREATE INDEX duty_shifts_time ON duty_shifts (org_unit_id, starts_at);
