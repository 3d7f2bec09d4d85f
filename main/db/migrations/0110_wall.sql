-- The video wall's saved views (保存的画面) and tours (轮巡). Wall windows are
-- not stored: they live exactly as long as their connection to the hub.

-- A view: a layout and the camera of each tile. Camera ids are kept as the registry spells them but
-- without a foreign key: deleting a camera must not delete (or be blocked by) the views that show
-- it; the wall shows its tile empty. owner_id is the creator; a shared view keeps its creator.
CREATE TABLE wall_views (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 40),
  scope TEXT NOT NULL CHECK (scope IN ('personal', 'shared')),
  owner_id INTEGER NOT NULL REFERENCES users (id),
  owner_name TEXT NOT NULL,
  layout TEXT NOT NULL CHECK (layout IN ('1', '4', '6', '8', '9', '12', '16', '25', '36')),
  -- JSON array, tile i = element i: a camera id or null.
  slots TEXT NOT NULL CHECK (json_valid(slots) AND json_type(slots) = 'array' AND json_array_length(slots) <= 36),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  updated_by_name TEXT NOT NULL
) STRICT;
-- Names are unique where people pick from one list: a person's own personal views, and all shared
-- views (everyone sees those in one list, whoever made them).
CREATE UNIQUE INDEX wall_views_personal_name ON wall_views (owner_id, name) WHERE scope = 'personal';
CREATE UNIQUE INDEX wall_views_shared_name ON wall_views (name) WHERE scope = 'shared';

-- A tour: cameras shown in turn for dwell_s seconds each step, on the whole wall (mode 'wall',
-- paging through in groups of the layout's tiles) or on one tile (mode 'tile', no layout).
CREATE TABLE wall_tours (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 40),
  scope TEXT NOT NULL CHECK (scope IN ('personal', 'shared')),
  owner_id INTEGER NOT NULL REFERENCES users (id),
  owner_name TEXT NOT NULL,
  mode TEXT NOT NULL CHECK (mode IN ('wall', 'tile')),
  layout TEXT CHECK (layout IS NULL OR layout IN ('1', '4', '6', '8', '9', '12', '16', '25', '36')),
  cameras TEXT NOT NULL CHECK (json_valid(cameras) AND json_type(cameras) = 'array' AND json_array_length(cameras) >= 1),
  dwell_s INTEGER NOT NULL CHECK (dwell_s BETWEEN 5 AND 600),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  updated_by_name TEXT NOT NULL,
  CHECK ((mode = 'wall') = (layout IS NOT NULL))
) STRICT;
CREATE UNIQUE INDEX wall_tours_personal_name ON wall_tours (owner_id, name) WHERE scope = 'personal';
CREATE UNIQUE INDEX wall_tours_shared_name ON wall_tours (name) WHERE scope = 'shared';
