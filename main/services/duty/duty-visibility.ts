import type { Viewer } from '../org/viewer';

/** What the duty rule needs of a viewer. */
export type DutyScope = Pick<Viewer, 'orgUnitId' | 'isCenter'>;

/**
 * The one rule for an org unit's duty log, shifts and handovers: users of the center see every
 * unit's, everyone else their own unit's (a station chief never sees the center's log).
 */
export function canSeeUnitLog(orgUnitId: string, scope: DutyScope): boolean {
  return scope.isCenter || orgUnitId === scope.orgUnitId;
}

/** The same rule as SQL on an org unit id column, or null when the scope sees every unit. */
export function unitScopeSql(scope: DutyScope, column: string): { sql: string; params: string[] } | null {
  return scope.isCenter ? null : { sql: `${column} = ?`, params: [scope.orgUnitId] };
}
