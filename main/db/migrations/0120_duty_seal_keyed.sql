-- Keyed seals (main/services/duty/seal.ts): a seal of scheme cityops-duty-seal/2 is an
-- HMAC-SHA-256, under a key kept outside the database (main/security/hub-keys.ts), over everything the
-- console and the printed report show of the shift, and carries a per-unit sequence number.
-- legacy_hash keeps the SHA-256 seal of an upgraded cityops-duty-seal/1 row, as printed before.
ALTER TABLE duty_seals ADD COLUMN scheme TEXT NOT NULL DEFAULT 'cityops-duty-seal/1';
ALTER TABLE duty_seals ADD COLUMN seq INTEGER;
ALTER TABLE duty_seals ADD COLUMN legacy_hash TEXT;

-- Units whose /1 seals the hub re-seals once under /2 at its next start, if their chain verifies
-- intact then (main/services/duty/seal-upgrade.ts). Only this migration fills it.
CREATE TABLE duty_seal_upgrade (org_unit_id TEXT PRIMARY KEY) STRICT;
INSERT INTO duty_seal_upgrade (org_unit_id)
SELECT DISTINCT s.org_unit_id FROM duty_seals d JOIN duty_shifts s ON s.id = d.shift_id;

-- Seals stay append-only; the one exception is that upgrade, /1 → /2, of a unit listed above.
DROP TRIGGER duty_seals_no_update;
CREATE TRIGGER duty_seals_no_update BEFORE UPDATE ON duty_seals
WHEN NOT (
  OLD.scheme = 'cityops-duty-seal/1' AND NEW.scheme = 'cityops-duty-seal/2'
  AND NEW.shift_id = OLD.shift_id AND NEW.sealed_at = OLD.sealed_at
  AND NEW.summary = OLD.summary AND NEW.signed_by = OLD.signed_by
  AND EXISTS (
    SELECT 1 FROM duty_seal_upgrade u JOIN duty_shifts s ON s.org_unit_id = u.org_unit_id WHERE s.id = OLD.shift_id
  )
)
BEGIN
  SELECT RAISE(ABORT, 'duty_seals is append-only');
END;

-- The newest seal of each unit, with an HMAC under the seal key: deleting the newest seals (and
-- their shifts) leaves the head naming a seal that is gone, and a head cannot be rewritten without
-- the key. It only moves forward.
CREATE TABLE duty_seal_heads (
  org_unit_id TEXT PRIMARY KEY,
  seq INTEGER NOT NULL,
  seal_id INTEGER NOT NULL,
  shift_id INTEGER NOT NULL,
  shift_date TEXT NOT NULL,
  shift_code TEXT NOT NULL,
  shift_starts_at INTEGER NOT NULL,
  seal_hash TEXT NOT NULL,
  mac TEXT NOT NULL
) STRICT;

CREATE TRIGGER duty_seal_heads_forward BEFORE UPDATE ON duty_seal_heads
WHEN NEW.seq <= OLD.seq
BEGIN
  SELECT RAISE(ABORT, 'a chain head only moves forward');
END;
CREATE TRIGGER duty_seal_heads_no_delete BEFORE DELETE ON duty_seal_heads
BEGIN
  SELECT RAISE(ABORT, 'a chain head is never deleted');
END;
