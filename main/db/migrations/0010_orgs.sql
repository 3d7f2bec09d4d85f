-- The organisation: center, joint-duty stations, responsibility grids, village/residential workstations.
CREATE TABLE org_units (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('center', 'station', 'grid', 'workstation')),
  name TEXT NOT NULL,
  parent_id TEXT REFERENCES org_units (id),
  station_id TEXT REFERENCES org_units (id),
  subtype TEXT CHECK (subtype IN ('village', 'residential')),
  sort INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX org_units_parent ON org_units (parent_id);

CREATE TABLE departments (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL,
  sort INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE TABLE categories (
  id TEXT PRIMARY KEY,
  parent_id TEXT REFERENCES categories (id),
  name TEXT NOT NULL,
  name_en TEXT,
  level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 3),
  note TEXT,
  sort INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX categories_parent ON categories (parent_id);

CREATE TABLE meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;
