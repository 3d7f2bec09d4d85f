-- The handover (交接班) of a shift: the frozen summary, the two chiefs' signatures, and each org
-- unit's checklist. A handover in progress may be called off (its rows are then deleted, the audit
-- log keeps the trace); once the shift is sealed the summary lives on in duty_seals and these rows
-- can no longer change.

CREATE TABLE duty_handovers (
  shift_id INTEGER PRIMARY KEY REFERENCES duty_shifts (id),
  started_by INTEGER NOT NULL REFERENCES users (id),
  started_by_name TEXT NOT NULL,
  started_at INTEGER NOT NULL,
  -- Canonical JSON of the summary (common/contract/duty-handover.ts), as sealed.
  summary TEXT NOT NULL CHECK (json_valid(summary))
) STRICT;

CREATE TABLE duty_handover_signatures (
  shift_id INTEGER NOT NULL REFERENCES duty_handovers (shift_id),
  side TEXT NOT NULL CHECK (side IN ('outgoing', 'incoming')),
  user_id INTEGER NOT NULL REFERENCES users (id),
  user_name TEXT NOT NULL,
  signed_at INTEGER NOT NULL,
  PRIMARY KEY (shift_id, side),
  UNIQUE (shift_id, user_id)
) STRICT;

CREATE TRIGGER duty_handovers_sealed_final BEFORE DELETE ON duty_handovers
WHEN (SELECT status FROM duty_shifts WHERE id = OLD.shift_id) = 'sealed'
BEGIN
  SELECT RAISE(ABORT, 'the shift is sealed');
END;
CREATE TRIGGER duty_handovers_no_update BEFORE UPDATE ON duty_handovers
BEGIN
  SELECT RAISE(ABORT, 'a handover summary is frozen');
END;
CREATE TRIGGER duty_handover_signatures_sealed_final BEFORE DELETE ON duty_handover_signatures
WHEN (SELECT status FROM duty_shifts WHERE id = OLD.shift_id) = 'sealed'
BEGIN
  SELECT RAISE(ABORT, 'the shift is sealed');
END;
CREATE TRIGGER duty_handover_signatures_no_update BEFORE UPDATE ON duty_handover_signatures
BEGIN
  SELECT RAISE(ABORT, 'a signature is final');
END;

-- A unit without a row uses the default checklist of its kind (main/services/duty/checklist.ts).
CREATE TABLE duty_checklists (
  org_unit_id TEXT PRIMARY KEY REFERENCES org_units (id),
  items TEXT NOT NULL CHECK (json_valid(items)),
  updated_at INTEGER NOT NULL
) STRICT;
