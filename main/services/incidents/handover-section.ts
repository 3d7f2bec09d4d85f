import type { HandoverSummary } from '../../../common/contract/duty-handover';
import { INCIDENT_LEVEL_NAMES } from '../../../common/domain/incidents';
import type { IncidentsRepo } from './incidents-repo';

/**
 * The incident section of a handover summary (交接班摘要): the incident the unit
 * lived through in the shift — active now, or closed since the shift began — preferring a real one
 * to a drill and an active one to a closed one; null when there was none. A station's summary
 * names only incidents of its area.
 */
export function incidentForShift(
  repo: IncidentsRepo,
  unit: { id: string; kind: 'center' | 'station' },
  shiftStartsAt: number,
  now: number,
): NonNullable<HandoverSummary['incident']> | null {
  const row = repo.shiftIncident(unit, shiftStartsAt, now);
  if (!row) return null;
  return {
    id: row.id,
    name: `${row.drill === 1 ? '【演练】' : ''}${row.name}`,
    level: INCIDENT_LEVEL_NAMES[row.level].zh,
    startedAt: row.startedAt,
    closedAt: row.closedAt,
  };
}
