import Database from 'better-sqlite3';
import type { RestorePreview } from '../../../common/contract/backups';
import type { Db } from '../../db/connection';

type Lost = RestorePreview['lost'];

/** What the backup holds of the tables a restore is judged by: the newest ids, and each order's last change. */
interface BackupFacts {
  maxOrderId: number;
  orderUpdatedAt: Map<number, number>;
  maxDutyLogId: number;
  maxAuditId: number;
}

function hasTable(db: Database.Database, table: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table) !== undefined;
}

function maxId(db: Database.Database, table: string): number {
  if (!hasTable(db, table)) return 0;
  const row = db.prepare(`SELECT coalesce(max(id), 0) AS id FROM ${table}`).get() as { id: number };
  return row.id;
}

/** Read from the backup file opened read-only (an older schema included: a table it lacks counts as empty). */
function backupFacts(file: string): BackupFacts {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const orders = hasTable(db, 'orders')
      ? (db.prepare('SELECT id, updated_at AS updatedAt FROM orders').all() as { id: number; updatedAt: number }[])
      : [];
    return {
      maxOrderId: orders.reduce((max, o) => Math.max(max, o.id), 0),
      orderUpdatedAt: new Map(orders.map((o) => [o.id, o.updatedAt])),
      maxDutyLogId: maxId(db, 'duty_log_entries'),
      maxAuditId: maxId(db, 'audit_log'),
    };
  } finally {
    db.close();
  }
}

/**
 * What restoring the backup `file` discards from the current database `db`: its rows the backup does not have
 * (ids above the backup's newest — every one of these tables only appends) and the orders the backup has
 * that changed since (their `updated_at` differs from the backup's). Compared by ids and the backup's own
 * rows, not by the time in the backup's name, so a clock that was moved does not hide anything.
 */
export function restoreLosses(db: Db, file: string): Lost {
  const facts = backupFacts(file);
  const count = (sql: string, ...args: number[]) => (db.prepare(sql).get(...args) as { n: number }).n;
  let ordersChanged = 0;
  const kept = db.prepare('SELECT id, updated_at AS updatedAt FROM orders WHERE id <= ?').iterate(facts.maxOrderId);
  for (const row of kept as IterableIterator<{ id: number; updatedAt: number }>) {
    const before = facts.orderUpdatedAt.get(row.id);
    if (before !== undefined && before !== row.updatedAt) ordersChanged += 1;
  }
  return {
    ordersCreated: count('SELECT count(*) AS n FROM orders WHERE id > ?', facts.maxOrderId),
    ordersChanged,
    dutyLogEntries: count('SELECT count(*) AS n FROM duty_log_entries WHERE id > ?', facts.maxDutyLogId),
    auditRows: count('SELECT count(*) AS n FROM audit_log WHERE id > ?', facts.maxAuditId),
  };
}
