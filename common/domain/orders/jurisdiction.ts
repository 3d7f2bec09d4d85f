/** The org units the rule reads: the shape of org_units (common/contract OrgUnit) without the rest. */
export interface JurisdictionUnit {
  id: string;
  kind: string;
  name: string;
  parentId: string | null;
  stationId: string | null;
}

/** Who owns a place: the workstation's responsibility grid and the grid's joint-duty station. */
export interface Jurisdiction {
  gridId: string;
  gridName: string;
  /** null: the grid is not assigned to a station (org data not filled in yet). */
  stationId: string | null;
  stationName: string | null;
}

/**
 * The grid and station that own a workstation (村居 → 责任网格 → 联勤站, as in org data, editable);
 * null when the order has no workstation or the workstation sits under no grid.
 */
export function jurisdictionOf(
  workstationId: string | null,
  unit: (id: string) => JurisdictionUnit | undefined,
): Jurisdiction | null {
  if (workstationId === null) return null;
  const ws = unit(workstationId);
  if (ws?.kind !== 'workstation' || ws.parentId === null) return null;
  const grid = unit(ws.parentId);
  if (grid?.kind !== 'grid') return null;
  const station = grid.stationId === null ? undefined : unit(grid.stationId);
  return {
    gridId: grid.id,
    gridName: grid.name,
    stationId: station?.kind === 'station' ? station.id : null,
    stationName: station?.kind === 'station' ? station.name : null,
  };
}

/**
 * The station a dispatch sends the order to, for the jurisdiction check: a station itself, or the
 * station owning a workstation's grid. Departments are no one's area: null (never "outside").
 */
export function targetStationOf(
  handler: { kind: 'station' | 'department' | 'workstation'; id: string },
  unit: (id: string) => JurisdictionUnit | undefined,
): string | null {
  if (handler.kind === 'department') return null;
  if (handler.kind === 'station') return handler.id;
  return jurisdictionOf(handler.id, unit)?.stationId ?? null;
}

/** True when a dispatch to `target` leaves the owning station's area (both known and different). */
export function isOutsideJurisdiction(owner: Jurisdiction | null, targetStationId: string | null): boolean {
  return owner !== null && owner.stationId !== null && targetStationId !== null && targetStationId !== owner.stationId;
}
