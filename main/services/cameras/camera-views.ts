import { apiError, type CameraStream, type CameraViewsReport } from '../../../common/contract';
import type { Db } from '../../db/connection';
import type { SessionsRepo } from '../auth/sessions-repo';

/** One viewing of a camera by a console tile. */
export interface ViewRecord {
  viewId: number;
  cameraId: string;
  stream: CameraStream;
  startedAt: number;
  endedAt: number | null;
  durationMs: number | null;
}

export interface ViewStart {
  cameraId: string;
  cameraName: string;
  stream: CameraStream;
  userId: number;
  userName: string;
  /** sessions.token_hash of the viewer's session. */
  sessionHash: string | null;
  connectionId: string | null;
}

interface ViewRow {
  id: number;
  cameraId: string;
  stream: CameraStream;
  userId: number;
  startedAt: number;
  endedAt: number | null;
}

function toRecord(r: ViewRow): ViewRecord {
  return {
    viewId: r.id,
    cameraId: r.cameraId,
    stream: r.stream,
    startedAt: r.startedAt,
    endedAt: r.endedAt,
    durationMs: r.endedAt === null ? null : r.endedAt - r.startedAt,
  };
}

const SELECT_VIEW = `SELECT id, camera_id AS cameraId, stream, user_id AS userId, started_at AS startedAt,
  ended_at AS endedAt FROM camera_views`;

/**
 * The viewing record. A tile opens a view when it starts showing a camera and closes it when it
 * stops; views nobody closed (a crashed window, a lost network) are closed when their connection
 * or session ends, and at the latest `maxViewMs` after they began, so no view runs for ever.
 */
export class CameraViews {
  constructor(
    private readonly db: Db,
    private readonly maxViewMs: number,
    /** The sessions' ends are the auth domain's (SessionsRepo). */
    private readonly sessions: Pick<SessionsRepo, 'endedAt'>,
  ) {}

  start(v: ViewStart, now: number): ViewRecord {
    const { lastInsertRowid } = this.db
      .prepare(
        `INSERT INTO camera_views (camera_id, camera_name, stream, user_id, user_name, session_hash, connection_id,
                                   started_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(v.cameraId, v.cameraName, v.stream, v.userId, v.userName, v.sessionHash, v.connectionId, now);
    return toRecord({ id: Number(lastInsertRowid), ...v, startedAt: now, endedAt: null });
  }

  /** Closes the caller's own view; closing it again answers the record as it is. */
  end(viewId: number, userId: number, now: number): ViewRecord {
    const row = this.db.prepare(`${SELECT_VIEW} WHERE id = ?`).get(viewId) as ViewRow | undefined;
    // Someone else's view answers like one that does not exist: views are personal records.
    if (!row || row.userId !== userId)
      throw apiError('E_NOT_FOUND', `观看记录 #${viewId} 不存在`, `No view #${viewId}`);
    if (row.endedAt !== null) return toRecord(row);
    const endedAt = Math.max(row.startedAt, now);
    this.db.prepare("UPDATE camera_views SET ended_at = ?, closed_by = 'viewer' WHERE id = ?").run(endedAt, viewId);
    return toRecord({ ...row, endedAt });
  }

  /** Views of a console connection that went away (socket closed, window destroyed). */
  closeConnection(connectionId: string, now: number): number {
    return this.db
      .prepare(
        `UPDATE camera_views SET ended_at = max(started_at, min(?, started_at + ?)), closed_by = 'disconnect'
         WHERE connection_id = ? AND ended_at IS NULL`,
      )
      .run(now, this.maxViewMs, connectionId).changes;
  }

  /**
   * Closes views whose session is over (signed out, expired, ended by an administrator) at the
   * session's end, and views open longer than the maximum at that maximum. Returns how many.
   */
  closeStale(now: number): number {
    const params = { now, max: this.maxViewMs };
    return this.db.transaction(() => {
      const open = this.db
        .prepare(
          'SELECT id, session_hash AS sessionHash FROM camera_views WHERE ended_at IS NULL AND session_hash IS NOT NULL',
        )
        .all() as { id: number; sessionHash: string }[];
      const ends = this.sessions.endedAt(
        open.map((v) => v.sessionHash),
        now,
      );
      const close = this.db.prepare(
        `UPDATE camera_views SET ended_at = max(started_at, min(@now, @end, started_at + @max)), closed_by = 'session'
         WHERE id = @id`,
      );
      let bySession = 0;
      for (const view of open) {
        const end = ends.get(view.sessionHash);
        if (end !== undefined) bySession += close.run({ ...params, end, id: view.id }).changes;
      }
      const byAge = this.db
        .prepare(
          `UPDATE camera_views SET ended_at = started_at + @max, closed_by = 'timeout'
           WHERE ended_at IS NULL AND started_at + @max <= @now`,
        )
        .run(params).changes;
      return bySession + byAge;
    })();
  }

  /**
   * Viewing time per camera and user inside [from, to): each view counts only its part inside the
   * range; a view still open counts up to now (never past the maximum duration).
   */
  report(q: { from: number; to: number; cameraId?: string | undefined; userId?: number | undefined }, now: number) {
    const params = { from: q.from, to: q.to, now, max: this.maxViewMs, lower: q.from - this.maxViewMs };
    const extra = [
      q.cameraId === undefined ? '' : 'AND camera_id = @cameraId',
      q.userId === undefined ? '' : 'AND user_id = @userId',
    ];
    const args = {
      ...params,
      ...(q.cameraId === undefined ? {} : { cameraId: q.cameraId }),
      ...(q.userId === undefined ? {} : { userId: q.userId }),
    };
    // A view's effective end: when it ended, or for an open one now (capped at the maximum duration).
    const end = 'coalesce(ended_at, min(@now, started_at + @max))';
    // Every view lasts at most maxViewMs, so the started_at bound lets the index do the work.
    const where = `started_at >= @lower AND started_at < @to AND ${end} >= @from ${extra.join(' ')}`;
    const rows = this.db
      .prepare(
        `SELECT camera_id AS cameraId, user_id AS userId, count(*) AS views,
                sum(max(0, min(${end}, @to) - max(started_at, @from))) AS totalMs,
                min(started_at) AS firstAt, max(started_at) AS lastAt, max(id) AS lastId
         FROM camera_views WHERE ${where}
         GROUP BY camera_id, user_id ORDER BY totalMs DESC, camera_id, user_id`,
      )
      .all(args) as {
      cameraId: string;
      userId: number;
      views: number;
      totalMs: number;
      firstAt: number;
      lastAt: number;
      lastId: number;
    }[];
    const stillOpen = (
      this.db
        .prepare(
          `SELECT count(*) AS n FROM camera_views WHERE ${where} AND ended_at IS NULL AND started_at + @max > @now`,
        )
        .get(args) as { n: number }
    ).n;
    // Names as of each pair's latest view: a renamed camera or user reads as it was then.
    const names = this.db.prepare(
      'SELECT camera_name AS cameraName, user_name AS userName FROM camera_views WHERE id = ?',
    );
    const detailed = rows.map(({ lastId, ...r }) => ({
      ...r,
      ...(names.get(lastId) as { cameraName: string; userName: string }),
    }));
    return summarize(q.from, q.to, detailed, stillOpen);
  }
}

type ReportRow = CameraViewsReport['rows'][number];

function summarize(from: number, to: number, rows: ReportRow[], stillOpen: number): CameraViewsReport {
  const byCamera = new Map<string, CameraViewsReport['byCamera'][number]>();
  const byUser = new Map<number, CameraViewsReport['byUser'][number]>();
  for (const r of rows) {
    const c = byCamera.get(r.cameraId) ?? {
      cameraId: r.cameraId,
      cameraName: r.cameraName,
      views: 0,
      totalMs: 0,
      users: 0,
    };
    byCamera.set(r.cameraId, { ...c, views: c.views + r.views, totalMs: c.totalMs + r.totalMs, users: c.users + 1 });
    const u = byUser.get(r.userId) ?? { userId: r.userId, userName: r.userName, views: 0, totalMs: 0, cameras: 0 };
    byUser.set(r.userId, { ...u, views: u.views + r.views, totalMs: u.totalMs + r.totalMs, cameras: u.cameras + 1 });
  }
  const byTime = (a: { totalMs: number }, b: { totalMs: number }) => b.totalMs - a.totalMs;
  return {
    from,
    to,
    rows,
    byCamera: [...byCamera.values()].sort(byTime),
    byUser: [...byUser.values()].sort(byTime),
    totals: {
      views: rows.reduce((n, r) => n + r.views, 0),
      totalMs: rows.reduce((n, r) => n + r.totalMs, 0),
      stillOpen,
    },
  };
}
