import { apiError, type OrgUnit } from '../../../common/contract';
import type { Viewer } from '../org/viewer';

/**
 * The scope a caller's report is made for: a station's user always gets their station's (and is
 * refused another's, E_FORBIDDEN); a center user the center's, or the station they name (which
 * must be one, E_INVALID). null: the whole center.
 */
export function reportScope(
  requested: string | undefined,
  viewer: Pick<Viewer, 'stationId'>,
  units: readonly OrgUnit[],
): string | null {
  if (viewer.stationId !== null) {
    if (requested !== undefined && requested !== viewer.stationId) {
      throw apiError('E_FORBIDDEN', '只能生成本站的报表', 'You may only generate your own station’s reports');
    }
    return viewer.stationId;
  }
  if (requested === undefined) return null;
  if (!units.some((u) => u.id === requested && u.kind === 'station')) {
    throw apiError('E_INVALID', `没有编号为 ${requested} 的联勤站`, `No joint-duty station ${requested}`, {
      field: 'stationId',
      reason: 'report_station',
    });
  }
  return requested;
}

/** Whether the caller may list and download a report of this scope: the center's users all, a station's its own. */
export function mayReadReport(viewer: Pick<Viewer, 'stationId'>, stationId: string | null): boolean {
  return viewer.stationId === null || viewer.stationId === stationId;
}
