import { apiError } from '../../../common/contract';
import type { OrgUnit } from '../../../common/contract/schemas';
import type { Db } from '../../db/connection';
import { idsWhere } from '../../db/statements';
import type { Viewer } from '../org/viewer';

/**
 * Who may open an incident (docs/architecture.md#security-posture, one rule for lists and reads by id): center users every
 * incident; a station's users the incidents whose affected area lies in their station.
 */
export function canSeeIncident(incident: { stationIds: readonly string[] }, viewer: Viewer): boolean {
  if (viewer.isCenter) return true;
  return viewer.stationId !== null && incident.stationIds.includes(viewer.stationId);
}

/** The same rule as SQL on the incidents table aliased `alias`, or null when the viewer sees every incident. */
export function incidentScopeSql(viewer: Viewer, alias: string): { sql: string; params: string[] } | null {
  if (viewer.isCenter) return null;
  if (viewer.stationId === null) return { sql: '0', params: [] };
  return {
    sql: `EXISTS (SELECT 1 FROM json_each(${alias}.station_ids) st WHERE st.value = ?)`,
    params: [viewer.stationId],
  };
}

/**
 * The ids among `ids` of files recorded with a report of an incident the viewer may see: what makes
 * an attachment visible through incident mode (attachments/attachment-visibility.ts).
 */
export function incidentReportAttachmentIds(db: Db, ids: readonly number[], viewer: Viewer): Set<number> {
  const incident = incidentScopeSql(viewer, 'i');
  // CAST gives the id integer affinity, so it is compared as with the ids the reports hold.
  return idsWhere(
    db,
    ids,
    `EXISTS (SELECT 1 FROM incident_reports r JOIN incidents i ON i.id = r.incident_id, json_each(r.attachment_ids) j
             WHERE r.attachment_ids IS NOT NULL AND j.value = CAST(x.value AS INTEGER)
               ${incident ? `AND ${incident.sql}` : ''})`,
    incident?.params,
  );
}

/** The answer for an incident that does not exist or is not visible: the same, so existence does not leak. */
export function incidentNotFound(id: number) {
  return apiError(
    'E_NOT_FOUND',
    `应急事件 ${id} 不存在或无权查看`,
    `Incident ${id} does not exist or is not visible to you`,
    {
      field: 'id',
      id,
    },
  );
}

/**
 * The stations an incident's areas belong to: a station itself, a grid's station, a workstation's
 * grid's station; the center (the whole town) covers every station. Unknown ids are refused.
 */
export function stationsOfAreas(units: readonly OrgUnit[], areaIds: readonly string[]): string[] {
  const byId = new Map(units.map((u) => [u.id, u]));
  const stations = new Set<string>();
  for (const id of areaIds) {
    const unit = byId.get(id);
    if (!unit) {
      throw apiError('E_INVALID', `组织单元 ${id} 不存在`, `No org unit ${id}`, { field: 'areaIds', id });
    }
    if (unit.kind === 'center') {
      for (const u of units) if (u.kind === 'station') stations.add(u.id);
    } else if (unit.kind === 'station') {
      stations.add(unit.id);
    } else {
      const grid = unit.kind === 'grid' ? unit : byId.get(unit.parentId ?? '');
      if (grid?.stationId) stations.add(grid.stationId);
    }
  }
  return [...stations].sort();
}
