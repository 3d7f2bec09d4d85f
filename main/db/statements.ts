import type Database from 'better-sqlite3';
import type { Db } from './connection';

/**
 * A repository's statements, each prepared the first time it is used and kept after that. Lazily,
 * so a repository can be built before the tables of a later migration exist (tests build services
 * on a bare schema and migrate afterwards).
 */
export function statements(db: Db): (sql: string) => Database.Statement {
  const prepared = new Map<string, Database.Statement>();
  return (sql) => {
    let s = prepared.get(sql);
    if (!s) {
      s = db.prepare(sql);
      prepared.set(sql, s);
    }
    return s;
  };
}

/** What a repository built on `statements` shares: its prepared statements and transactions. */
export abstract class SqlRepo {
  protected readonly sql: (sql: string) => Database.Statement;

  constructor(protected readonly db: Db) {
    this.sql = statements(db);
  }

  /** Runs `fn` in one transaction (nested calls join the caller's). */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }
}

/**
 * The rows a fixed `sql` answers for the distinct `ids` (bound once as a JSON array: write the
 * condition `id IN (SELECT value FROM json_each(?))`), by id; unknown ids are left out.
 */
export function rowsById<K extends number | string, R extends { id: K }>(
  db: Db,
  sql: string,
  ids: readonly K[],
): Map<K, R> {
  if (ids.length === 0) return new Map();
  const rows = db.prepare(sql).all(JSON.stringify([...new Set(ids)])) as R[];
  return new Map(rows.map((r) => [r.id, r]));
}

/**
 * The ids among `ids` for which `condition` holds: SQL in which `x.value` is the id (the distinct ids
 * are bound once as a JSON array, then `params`). How a domain answers "which of these hang on a
 * record of mine that the viewer may see" (attachments/attachment-visibility.ts).
 */
export function idsWhere(
  db: Db,
  ids: readonly number[],
  condition: string,
  params: readonly (string | number)[] = [],
): Set<number> {
  if (ids.length === 0) return new Set();
  const rows = db
    .prepare(`SELECT x.value AS id FROM json_each(?) x WHERE ${condition}`)
    .all(JSON.stringify([...new Set(ids)]), ...params) as { id: number }[];
  return new Set(rows.map((r) => r.id));
}
