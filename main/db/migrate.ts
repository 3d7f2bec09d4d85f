import type { Database } from 'better-sqlite3';
import { apiError } from '../../common/contract';
import type { Migration } from './migrations';

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Applies every migration newer than `PRAGMA user_version` in one transaction, so a failed
 * upgrade leaves the database as it was (a migration's `after` step, its data rebuild, included). A database written by newer code is refused.
 * `beforeUpgrade` runs first when an existing database (version above 0) is about to change: the
 * hub's backup of the old file; when it throws nothing is migrated.
 */
export function migrate(
  db: Database,
  migrations: readonly Migration[],
  beforeUpgrade?: (from: number) => void,
): { from: number; to: number } {
  const latest = migrations.at(-1)?.version ?? 0;
  const from = schemaVersion(db);
  if (from > latest) {
    throw apiError(
      'E_CONFLICT',
      `数据库版本 ${from} 高于本程序支持的版本 ${latest}，请升级程序后再打开（不会修改该数据库）。`,
      `Database schema version ${from} is newer than this program supports (${latest}); upgrade the program. The database was not modified.`,
    );
  }
  const pending = migrations.filter((m) => m.version > from);
  if (pending.length === 0) return { from, to: from };
  if (from > 0) beforeUpgrade?.(from);
  db.transaction(() => {
    for (const m of pending) {
      db.exec(m.sql);
      m.after?.(db);
      db.pragma(`user_version = ${m.version}`);
    }
  })();
  return { from, to: latest };
}
