import type { DutyEntryRef, DutyLogKind, DutyShift } from '../../../common/contract/duty-log';
import type { ShiftInstance } from '../../../common/domain/duty';
import { SqlRepo } from '../../db/statements';

/** A duty log entry as stored; `links` is the canonical JSON written with it (sealed). */
export interface EntryRow {
  id: number;
  shiftId: number;
  seq: number;
  at: number;
  authorId: number | null;
  authorName: string;
  kind: DutyLogKind;
  text: string;
  correctsId: number | null;
  links: string | null;
}

export type SearchRow = EntryRow & { orgUnitId: string; shiftDate: string; shiftCode: string };

export type NewEntry = Omit<EntryRow, 'id' | 'seq'> & {
  /** The text's search grams (duty_log_fts). */
  grams: string;
};

/** The conditions a search may combine; each is one fixed SQL condition. */
export interface EntryFilter {
  /** An FTS MATCH query (already built by toMatchQuery). */
  match?: string | undefined;
  orgUnitId?: string | undefined;
  from?: number | undefined;
  to?: number | undefined;
  kind?: DutyLogKind | undefined;
}

export const SHIFT_COLUMNS = `id, org_unit_id AS orgUnitId, date, code, starts_at AS startsAt, ends_at AS endsAt, status`;
const ENTRY_COLUMNS = `e.id, e.shift_id AS shiftId, COALESCE(e.seq, 0) AS seq, e.at, e.author_id AS authorId, e.author_name AS authorName,
  e.kind, e.text, e.corrects_id AS correctsId, e.links`;

/** SQL of duty shifts and duty log entries (with their search index); DutyLog holds the rules. */
export class DutyLogRepo extends SqlRepo {
  shift(id: number): DutyShift | undefined {
    return this.sql(`SELECT ${SHIFT_COLUMNS} FROM duty_shifts WHERE id = ?`).get(id) as DutyShift | undefined;
  }

  /** The row of a shift instance, inserted (status open) if it is not there yet. */
  ensureShift(orgUnitId: string, instance: ShiftInstance): DutyShift {
    this.sql(
      `INSERT OR IGNORE INTO duty_shifts (org_unit_id, date, code, starts_at, ends_at) VALUES (?, ?, ?, ?, ?)`,
    ).run(orgUnitId, instance.date, instance.code, instance.startsAt, instance.endsAt);
    return this.sql(`SELECT ${SHIFT_COLUMNS} FROM duty_shifts WHERE org_unit_id = ? AND date = ? AND code = ?`).get(
      orgUnitId,
      instance.date,
      instance.code,
    ) as DutyShift;
  }

  /** The org unit whose log holds entry `id`, if it exists. */
  entryOrgUnit(id: number): string | undefined {
    const row = this.sql(
      `SELECT s.org_unit_id AS orgUnitId FROM duty_log_entries e JOIN duty_shifts s ON s.id = e.shift_id WHERE e.id = ?`,
    ).get(id) as { orgUnitId: string } | undefined;
    return row?.orgUnitId;
  }

  /**
   * Writes an entry with the next number of its shift and indexes its text. The number is taken in
   * the same transaction as the insert (callers run it in one), so two writers never share a number
   * and none is skipped; the unique index backs it up.
   */
  insert(e: NewEntry): number {
    const seq = (
      this.sql('SELECT COALESCE(MAX(seq), 0) + 1 AS n FROM duty_log_entries WHERE shift_id = ?').get(e.shiftId) as {
        n: number;
      }
    ).n;
    const { lastInsertRowid } = this.sql(
      `INSERT INTO duty_log_entries (shift_id, seq, at, author_id, author_name, kind, text, corrects_id, links)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(e.shiftId, seq, e.at, e.authorId, e.authorName, e.kind, e.text, e.correctsId, e.links);
    const id = Number(lastInsertRowid);
    this.sql('INSERT INTO duty_log_fts (rowid, grams) VALUES (?, ?)').run(id, e.grams);
    return id;
  }

  entry(id: number): EntryRow | undefined {
    return this.sql(`SELECT ${ENTRY_COLUMNS} FROM duty_log_entries e WHERE e.id = ?`).get(id) as EntryRow | undefined;
  }

  /** The entries of a shift in the order they were written. */
  entries(shiftId: number): EntryRow[] {
    return this.sql(`SELECT ${ENTRY_COLUMNS} FROM duty_log_entries e WHERE e.shift_id = ? ORDER BY e.id`).all(
      shiftId,
    ) as EntryRow[];
  }

  /** The shift's 交办事项 (kind 'assigned'), oldest first. */
  assigned(shiftId: number): { entryId: number; at: number; authorName: string; text: string }[] {
    return this.sql(
      `SELECT id AS entryId, at, author_name AS authorName, text FROM duty_log_entries
       WHERE shift_id = ? AND kind = 'assigned' ORDER BY id`,
    ).all(shiftId) as { entryId: number; at: number; authorName: string; text: string }[];
  }

  /** Entries by number and shift, for the two ends of a correction. */
  refs(ids: readonly number[]): DutyEntryRef[] {
    if (ids.length === 0) return [];
    return this.sql(
      `SELECT e.id, COALESCE(e.seq, 0) AS seq, e.shift_id AS shiftId, s.date AS shiftDate, s.code AS shiftCode
       FROM duty_log_entries e JOIN duty_shifts s ON s.id = e.shift_id
       WHERE e.id IN (SELECT value FROM json_each(?))`,
    ).all(JSON.stringify([...new Set(ids)])) as DutyEntryRef[];
  }

  /** The entries correcting any of `ids`, oldest first. */
  corrections(ids: readonly number[]): { id: number; correctsId: number }[] {
    if (ids.length === 0) return [];
    return this.sql(
      `SELECT id, corrects_id AS correctsId FROM duty_log_entries
       WHERE corrects_id IN (SELECT value FROM json_each(?)) ORDER BY id`,
    ).all(JSON.stringify(ids)) as { id: number; correctsId: number }[];
  }

  /** Entries matching every condition given, newest first, at most `limit`. */
  search(filter: EntryFilter, limit: number): SearchRow[] {
    const where: string[] = [];
    const args: (string | number)[] = [];
    let from = 'duty_log_entries e JOIN duty_shifts s ON s.id = e.shift_id';
    if (filter.match !== undefined) {
      from = `duty_log_fts f CROSS JOIN duty_log_entries e ON e.id = f.rowid JOIN duty_shifts s ON s.id = e.shift_id`;
      where.push('duty_log_fts MATCH ?');
      args.push(filter.match);
    }
    const conditions: [string, string | number | undefined][] = [
      ['s.org_unit_id = ?', filter.orgUnitId],
      ['e.at >= ?', filter.from],
      ['e.at < ?', filter.to],
      ['e.kind = ?', filter.kind],
    ];
    for (const [condition, value] of conditions) {
      if (value === undefined) continue;
      where.push(condition);
      args.push(value);
    }
    return this.sql(
      `SELECT ${ENTRY_COLUMNS}, s.org_unit_id AS orgUnitId, s.date AS shiftDate, s.code AS shiftCode
       FROM ${from} ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY e.at DESC, e.id DESC LIMIT ?`,
    ).all(...args, limit) as SearchRow[];
  }
}
