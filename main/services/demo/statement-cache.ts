import type Database from 'better-sqlite3';
import type { Db } from '../../db/connection';

/**
 * The connection with `prepare` remembered per SQL text. The repositories prepare their statements
 * on every call, which is right for a console's pace; replaying thousands of demo steps at once spent
 * most of its time compiling the same SQL again. Only for the demo seeding: the statements' modes
 * (pluck, raw) are shared by every caller of the same SQL text, and none of the services it drives
 * changes them.
 */
export function withStatementCache(db: Db): Db {
  const cache = new Map<string, Database.Statement>();
  const prepare = (sql: string): Database.Statement => {
    let statement = cache.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      cache.set(sql, statement);
    }
    return statement;
  };
  return new Proxy(db, {
    get(target, prop) {
      if (prop === 'prepare') return prepare;
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
