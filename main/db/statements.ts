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
