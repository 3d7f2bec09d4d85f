import path from 'node:path';
import Database from 'better-sqlite3';
import { advanceHubClock, hubNow } from './hub-clock';
import type { WebShellProcess } from './web-shell-process';

/**
 * The open initial report of an incident falls due now, as the clock would make it after the plan's
 * minutes, and the hub's clock is nudged so that its report sweep runs at once (hub-clock.ts) — the
 * test waits neither for real minutes nor for the sweep's next tick. Returns the report's id.
 */
export async function initialReportFallsDue(shell: WebShellProcess, incidentId: number): Promise<number> {
  // The earlier of the hub's clock (a test may have moved it ahead) and this machine's, which the
  // console's countdowns read: the deadline has passed for both.
  const now = Math.min(await hubNow(shell.url), Date.now());
  const db = new Database(path.join(shell.dataDir, 'cityops.sqlite'));
  let reportId: number;
  try {
    db.pragma('busy_timeout = 5000');
    const row = db
      .prepare(
        `SELECT id FROM incident_reports
         WHERE incident_id = ? AND kind = 'initial' AND recorded_at IS NULL AND superseded_at IS NULL`,
      )
      .get(incidentId) as { id: number } | undefined;
    if (!row) throw new Error(`incident ${incidentId} has no open initial report`);
    db.prepare('UPDATE incident_reports SET due_at = ? WHERE id = ?').run(now, row.id);
    reportId = row.id;
  } finally {
    db.close();
  }
  await advanceHubClock(shell.url, 1);
  return reportId;
}
