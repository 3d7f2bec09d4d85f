import type { Role } from '../../../common/domain/roles';
import type { OrgRepo } from './org-repo';

/**
 * Who is reading or linking, as every scoping rule sees them (docs/architecture.md#security-posture). One value per call,
 * built from the session's user: each domain's `canSee…` and SQL scope take it, so a list and a
 * read by id can never disagree.
 */
export interface Viewer {
  /** Null for callers without a user (Open311, the hub itself). */
  userId: number | null;
  orgUnitId: string;
  /** Set for users of a joint-duty station: they see that station's orders only. */
  stationId: string | null;
  /** Users of the center see every org unit's duty log and handovers; others their own unit's. */
  isCenter: boolean;
  roles: readonly Role[];
}

export function viewerOf(
  org: Pick<OrgRepo, 'unit'>,
  user: { id: number | null; orgUnitId: string; roles: readonly Role[] },
): Viewer {
  const unit = org.unit(user.orgUnitId);
  return {
    userId: user.id,
    orgUnitId: user.orgUnitId,
    stationId: unit?.kind === 'station' ? unit.id : null,
    isCenter: unit?.kind === 'center',
    roles: user.roles,
  };
}

/** A JSON array parameter for `IN (SELECT value FROM json_each(?))`, without duplicates. */
export function idsParam(ids: readonly (number | string)[]): string {
  return JSON.stringify([...new Set(ids)]);
}
