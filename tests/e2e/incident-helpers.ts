import path from 'node:path';
import Database from 'better-sqlite3';
import { hubNow } from './hub-clock';
import type { WebShellProcess } from './web-shell-process';

/**
 * The open initial report of an incident falls due in a few seconds, as the clock would make it after
 * the plan's minutes: the hub's own sweep (incidentSweepMs) then announces it — the test never waits
 * out real minutes. `inMs` from the hub's time (hub-clock.ts). Returns the report's id.
 */
export async function initialReportDueIn(shell: WebShellProcess, incidentId: number, inMs: number): Promise<number> {
  // The earlier of the hub's clock (a test may have moved it ahead) and this machine's, which the
  // console's countdowns read: the deadline has passed for both `inMs` after it.
  const now = Math.min(await hubNow(shell.url), Date.now());
  const db = new Database(path.join(shell.dataDir, 'cityops.sqlite'));
  try {
    db.pragma('busy_timeout = 5000');
    const row = db
      .prepare(
        `SELECT id FROM incident_reports
         WHERE incident_id = ? AND kind = 'initial' AND recorded_at IS NULL AND superseded_at IS NULL`,
      )
      .get(incidentId) as { id: number } | undefined;
    if (!row) throw new Error(`incident ${incidentId} has no open initial report`);
    db.prepare('UPDATE incident_reports SET due_at = ? WHERE id = ?').run(now + inMs, row.id);
    return row.id;
  } finally {
    db.close();
  }
}
