-- Entry numbers without gaps within a shift: the log showed the global id, so a
-- shift's entries read #12, #15, #16 — a gap looks like a deletion. Each entry gets its number in
-- its shift (1, 2, 3 …), assigned when it is written, inside the write's transaction
-- (main/services/duty/duty-log.ts). Existing rows are numbered by shift, then id.
--
-- The number is not part of a seal's content (seal-content.ts lists the columns it hashes), so
-- shifts sealed before this column keep verifying; it is derived from the sealed order anyway.
ALTER TABLE duty_log_entries ADD COLUMN seq INTEGER;

DROP TRIGGER duty_log_entries_no_update;
UPDATE duty_log_entries SET seq = (
  SELECT count(*) FROM duty_log_entries e WHERE e.shift_id = duty_log_entries.shift_id AND e.id <= duty_log_entries.id
);
CREATE TRIGGER duty_log_entries_no_update BEFORE UPDATE ON duty_log_entries
BEGIN
  SELECT RAISE(ABORT, 'duty_log_entries is append-only');
END;

CREATE UNIQUE INDEX duty_log_entries_shift_seq ON duty_log_entries (shift_id, seq);
