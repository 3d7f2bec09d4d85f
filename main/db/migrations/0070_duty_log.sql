-- The duty log (值班日志) and the handover seals (docs/ledger-seal.md#the-append-only-log).
-- Both tables are append-only: a correction is a new entry pointing at the one it corrects, and a
-- sealed shift is final. The triggers stop the console's own code; a hand edit that drops them is
-- caught by the hash chain (main/services/duty/seal.ts, `npm run verify-ledger`).

CREATE TABLE duty_log_entries (
  id INTEGER PRIMARY KEY,
  shift_id INTEGER NOT NULL REFERENCES duty_shifts (id),
  at INTEGER NOT NULL,
  author_id INTEGER REFERENCES users (id),
  author_name TEXT NOT NULL,
  -- 值班记录 / 来电 / 上级指令 / 重要事项 / 设备故障 / 交办事项 / logged by the system
  kind TEXT NOT NULL CHECK (kind IN ('duty', 'call', 'instruction', 'important', 'equipment', 'assigned', 'system')),
  text TEXT NOT NULL CHECK (length(trim(text)) > 0),
  corrects_id INTEGER REFERENCES duty_log_entries (id),
  -- JSON {"orderIds":[…],"cameraIds":[…],"incidentId":…} with sorted keys, or NULL
  links TEXT
) STRICT;
CREATE INDEX duty_log_entries_shift ON duty_log_entries (shift_id, id);
CREATE INDEX duty_log_entries_at ON duty_log_entries (at);
CREATE INDEX duty_log_entries_corrects ON duty_log_entries (corrects_id) WHERE corrects_id IS NOT NULL;

CREATE TRIGGER duty_log_entries_no_update BEFORE UPDATE ON duty_log_entries
BEGIN
  SELECT RAISE(ABORT, 'duty_log_entries is append-only');
END;
CREATE TRIGGER duty_log_entries_no_delete BEFORE DELETE ON duty_log_entries
BEGIN
  SELECT RAISE(ABORT, 'duty_log_entries is append-only');
END;
CREATE TRIGGER duty_log_entries_not_sealed BEFORE INSERT ON duty_log_entries
WHEN (SELECT status FROM duty_shifts WHERE id = NEW.shift_id) = 'sealed'
BEGIN
  SELECT RAISE(ABORT, 'the shift is sealed');
END;

-- Full-text search of the entries' text as character bigrams (common/domain/text/bigrams.ts);
-- rowid = duty_log_entries.id. Entries never change, so rows are only ever inserted.
CREATE VIRTUAL TABLE duty_log_fts USING fts5 (grams, content = '', tokenize = 'unicode61');

-- One seal per sealed shift, chained per org unit: seal_hash covers the entries' hash, the frozen
-- summary, the signers, the shift and the previous seal's hash.
CREATE TABLE duty_seals (
  id INTEGER PRIMARY KEY,
  shift_id INTEGER NOT NULL UNIQUE REFERENCES duty_shifts (id),
  sealed_at INTEGER NOT NULL,
  summary TEXT NOT NULL,
  entries_hash TEXT NOT NULL,
  prev_seal_hash TEXT NOT NULL,
  seal_hash TEXT NOT NULL,
  signed_by TEXT NOT NULL
) STRICT;

CREATE TRIGGER duty_seals_no_update BEFORE UPDATE ON duty_seals
BEGIN
  SELECT RAISE(ABORT, 'duty_seals is append-only');
END;
CREATE TRIGGER duty_seals_no_delete BEFORE DELETE ON duty_seals
BEGIN
  SELECT RAISE(ABORT, 'duty_seals is append-only');
END;

-- A sealed shift is final: no column of it changes any more.
CREATE TRIGGER duty_shifts_sealed_final BEFORE UPDATE ON duty_shifts
WHEN OLD.status = 'sealed'
BEGIN
  SELECT RAISE(ABORT, 'the shift is sealed');
END;
CREATE TRIGGER duty_shifts_sealed_no_delete BEFORE DELETE ON duty_shifts
WHEN OLD.status = 'sealed'
BEGIN
  SELECT RAISE(ABORT, 'the shift is sealed');
END;
