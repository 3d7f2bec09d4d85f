import { apiError, type EventPayload, type OrgUnit } from '../../../common/contract';
import type { RosterService } from '../../services/duty/roster-service';
import { unitAndCenter } from '../../services/org/audience';
import type { OrgRepo } from '../../services/org/org-repo';
import type { HandlerContext, Session } from '../handler-types';

export function forbidden(what: string, whatEn: string) {
  return apiError('E_FORBIDDEN', `无权${what}`, `You may not ${whatEn}`);
}

/**
 * Who may see and change which unit's roster (the contract only lists the roles):
 * - reading: users of the center see every roster; station users see their own station's;
 * - the pattern: administrators any unit, duty chiefs the center's, station chiefs their station's;
 * - the roster, and the people who can be put on it: duty chiefs the center's, station chiefs their own station's;
 * - on duty, check-in and check-out: the caller, in their own org unit.
 */
export function rosterAccess(roster: RosterService, org: OrgRepo) {
  const homeOf = (session: Session): OrgUnit | undefined => org.unit(session.user.orgUnitId);

  const mayRead = (session: Session, orgUnitId: string): boolean => {
    const unit = roster.rosterUnit(orgUnitId);
    const home = homeOf(session);
    return session.user.roles.includes('admin') || home?.kind === 'center' || home?.id === unit.id;
  };

  const readable = (ctx: HandlerContext, orgUnitId: string): void => {
    if (!mayRead(ctx.requireSession(), orgUnitId))
      throw forbidden('查看其他联勤站的排班', "see another station's roster");
  };

  /** Duty chiefs of the center edit the center's roster, station chiefs their own station's. */
  const mayEditRoster = (session: Session, unit: OrgUnit): boolean => {
    const { roles } = session.user;
    const home = homeOf(session);
    if (unit.kind === 'center') return roles.includes('duty_chief') && home?.kind === 'center';
    return roles.includes('station_chief') && home?.id === unit.id;
  };

  const editable = (ctx: HandlerContext, orgUnitId: string): void => {
    const unit = roster.rosterUnit(orgUnitId);
    if (!mayEditRoster(ctx.requireSession(), unit))
      throw forbidden(`编辑 ${unit.name} 的排班`, `edit the roster of ${unit.name}`);
  };

  /**
   * Tells the unit's own consoles and the center's (which watch every roster) that the ledger
   * changed, once the call has succeeded; their roster views and status bars refetch.
   */
  const announce = (ctx: HandlerContext, orgUnitId: string, what: EventPayload<'duty.changed'>['what']): void => {
    ctx.publish('duty.changed', { orgUnitId, what }, unitAndCenter(org, orgUnitId));
  };

  return { mayRead, readable, mayEditRoster, editable, announce };
}
