import type { HandoverSummary } from '../../../common/contract/duty-handover';
import { INCIDENT_LEVEL_NAMES, type IncidentLevel } from '../../../common/domain/incidents';
import type { Db } from '../../db/connection';

/**
 * The incident section of a handover summary (交接班摘要): the incident the unit
 * lived through in the shift — active now, or closed since the shift began — preferring a real one
 * to a drill and an active one to a closed one; null when there was none. A station's summary
 * names only incidents of its area.
 */
export function incidentForShift(
  db: Db,
  unit: { id: string; kind: 'center' | 'station' },
  shiftStartsAt: number,
  now: number,
): NonNullable<HandoverSummary['incident']> | null {
  const row = db
    .prepare(
      `SELECT id, name, level, drill, started_at AS startedAt, closed_at AS closedAt FROM incidents i
       WHERE started_at <= @now AND (closed_at IS NULL OR closed_at >= @start)
         AND (@center = 1 OR EXISTS (SELECT 1 FROM json_each(i.station_ids) st WHERE st.value = @unit))
       ORDER BY drill, closed_at IS NOT NULL, started_at DESC, id DESC LIMIT 1`,
    )
    .get({ now, start: shiftStartsAt, center: unit.kind === 'center' ? 1 : 0, unit: unit.id }) as
    | { id: number; name: string; level: IncidentLevel; drill: number; startedAt: number; closedAt: number | null }
    | undefined;
  if (!row) return null;
  return {
    id: row.id,
    name: `${row.drill === 1 ? '【演练】' : ''}${row.name}`,
    level: INCIDENT_LEVEL_NAMES[row.level].zh,
    startedAt: row.startedAt,
    closedAt: row.closedAt,
  };
}
