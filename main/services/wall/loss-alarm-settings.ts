import { apiError, LOSS_ALARM_DEFAULT_DELAY_S, type LossAlarmSetting } from '../../../common/contract';
import type { Clock } from '../../clock';
import type { Db } from '../../db/connection';
import { UsersRepo } from '../users/users-repo';

interface Row {
  gridId: string;
  gridName: string;
  enabled: number | null;
  delayS: number | null;
  userId: number | null;
  userName: string | null;
  updatedAt: number | null;
}

function settingOf(row: Row): LossAlarmSetting {
  return {
    gridId: row.gridId,
    gridName: row.gridName,
    enabled: row.enabled === null ? true : row.enabled === 1,
    delayS: row.delayS ?? LOSS_ALARM_DEFAULT_DELAY_S,
    updatedBy: row.userId !== null && row.userName !== null ? { userId: row.userId, userName: row.userName } : null,
    updatedAt: row.updatedAt,
  };
}

// Every grid, with its setting or none (the defaults); the grid's order is the camera tree's. The
// grids are org_units, reference data read here for this one list; who saved a setting is asked of
// UsersRepo.
const SELECT = `SELECT g.id AS gridId, g.name AS gridName, s.enabled, s.delay_s AS delayS,
  s.updated_by AS userId, s.updated_at AS updatedAt
  FROM org_units g
  LEFT JOIN camera_loss_alarms s ON s.grid_id = g.id
  WHERE g.kind = 'grid'`;

/**
 * The video-loss alarm per camera group, in SQLite (camera_loss_alarms). The
 * groups are the org's grids, the camera tree's top level; the setting sits beside them rather than
 * in org_units, which is reference data seeded and owned elsewhere.
 */
export class LossAlarmSettings {
  private readonly users: UsersRepo;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {
    this.users = new UsersRepo(db);
  }

  list(): LossAlarmSetting[] {
    return (this.db.prepare(`${SELECT} ORDER BY g.sort, g.id`).all() as Omit<Row, 'userName'>[]).map((row) =>
      this.settingOf(row),
    );
  }

  get(gridId: string): LossAlarmSetting | undefined {
    const row = this.db.prepare(`${SELECT} AND g.id = ?`).get(gridId) as Omit<Row, 'userName'> | undefined;
    return row && this.settingOf(row);
  }

  private settingOf(row: Omit<Row, 'userName'>): LossAlarmSetting {
    const userName = row.userId === null ? null : (this.users.byId(row.userId)?.displayName ?? null);
    return settingOf({ ...row, userName });
  }

  /** Saves the grid's setting; unknown ids (or another kind of org unit) are refused. */
  set(
    gridId: string,
    enabled: boolean,
    delayS: number,
    userId: number,
  ): { before: LossAlarmSetting; after: LossAlarmSetting } {
    const before = this.get(gridId);
    if (!before) {
      throw apiError('E_NOT_FOUND', `网格 ${gridId} 不存在`, `No grid ${gridId}`);
    }
    this.db
      .prepare(
        `INSERT INTO camera_loss_alarms (grid_id, enabled, delay_s, updated_by, updated_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (grid_id) DO UPDATE SET enabled = excluded.enabled, delay_s = excluded.delay_s,
           updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
      )
      .run(gridId, enabled ? 1 : 0, delayS, userId, this.clock());
    const after = this.get(gridId);
    if (!after) throw new Error(`grid ${gridId} vanished while saving`);
    return { before, after };
  }
}
