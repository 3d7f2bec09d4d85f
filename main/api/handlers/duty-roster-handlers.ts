import { dutyPatternWords } from '../../services/audit/notes-ops';
import type { z } from 'zod';
import { apiError, type EventPayload, type OrgUnit } from '../../../common/contract';
import type { dutyRosterMethods } from '../../../common/contract/duty-roster';
import type { Clock } from '../../clock';
import type { RosterService } from '../../services/duty/roster-service';
import type { OrgRepo } from '../../services/org/org-repo';
import { unitAndCenter } from '../../services/org/audience';
import type { HandlerContext, Session } from '../handler-types';
import { rosterCopyWords, rosterWords } from '../../services/audit/notes';

export interface DutyRosterDeps {
  roster: RosterService;
  org: OrgRepo;
  clock: Clock;
}

type DutyMethods = typeof dutyRosterMethods;
/** Same shape as `Handler<M>` once the methods are part of the contract. */
type DutyHandler<M extends keyof DutyMethods> = (
  ctx: HandlerContext,
  input: z.output<DutyMethods[M]['input']>,
) => z.output<DutyMethods[M]['output']>;

function forbidden(what: string, whatEn: string) {
  return apiError('E_FORBIDDEN', `无权${what}`, `You may not ${whatEn}`);
}

/**
 * The duty roster API. Who may see and change which unit (the contract only lists the roles):
 * - reading: users of the center see every roster; station users see their own station's;
 * - the pattern: administrators any unit, duty chiefs the center's, station chiefs their station's;
 * - the roster, and the people who can be put on it: duty chiefs the center's, station chiefs their own station's;
 * - on duty, check-in and check-out: the caller, in their own org unit.
 */
export function dutyRosterHandlers(deps: DutyRosterDeps) {
  const { roster, org, clock } = deps;

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

  const patternGet: DutyHandler<'duty.pattern.get'> = (ctx, { orgUnitId }) => {
    readable(ctx, orgUnitId);
    return roster.pattern(orgUnitId);
  };

  const patternSet: DutyHandler<'duty.pattern.set'> = (ctx, { orgUnitId, shifts }) => {
    const session = ctx.requireSession();
    const unit = roster.rosterUnit(orgUnitId);
    if (!session.user.roles.includes('admin') && !mayEditRoster(session, unit)) {
      throw forbidden(`修改 ${unit.name} 的班次模板`, `change the shift pattern of ${unit.name}`);
    }
    ctx.audit.target = `duty-pattern:${unit.id}`;
    Object.assign(ctx.audit, dutyPatternWords(unit, shifts));
    const saved = ctx.tx(() => roster.setPattern(unit.id, shifts));
    announce(ctx, unit.id, 'pattern');
    return saved;
  };

  const week: DutyHandler<'duty.roster.week'> = (ctx, { orgUnitId, date }) => {
    readable(ctx, orgUnitId);
    return roster.week(orgUnitId, date);
  };

  const month: DutyHandler<'duty.roster.month'> = (ctx, input) => {
    readable(ctx, input.orgUnitId);
    return roster.month(input.orgUnitId, input.year, input.month);
  };

  const assign: DutyHandler<'duty.roster.assign'> = (ctx, { orgUnitId, ...input }) => {
    editable(ctx, orgUnitId);
    const by = ctx.requireSession().user.id;
    const saved = ctx.tx(() => {
      const s = roster.assign(orgUnitId, input, by);
      ctx.audit.target = `roster:${s.id}`;
      Object.assign(ctx.audit, rosterWords('roster.assign', roster.pattern(orgUnitId), org.unit(orgUnitId)?.name, s));
      return s;
    });
    announce(ctx, saved.orgUnitId, 'roster');
    return saved;
  };

  const unassign: DutyHandler<'duty.roster.unassign'> = (ctx, { id }) => {
    const found = roster.assignment(id);
    // Another unit's assignment the caller may not even read answers like one that does not exist.
    if (!found || !mayRead(ctx.requireSession(), found.orgUnitId)) {
      throw apiError('E_NOT_FOUND', `排班 #${id} 不存在`, `No roster assignment #${id}`);
    }
    editable(ctx, found.orgUnitId);
    ctx.audit.target = `roster:${id}`;
    Object.assign(
      ctx.audit,
      rosterWords('roster.unassign', roster.pattern(found.orgUnitId), org.unit(found.orgUnitId)?.name, found),
    );
    ctx.tx(() => roster.unassign(id));
    announce(ctx, found.orgUnitId, 'roster');
    return null;
  };

  const copyWeek: DutyHandler<'duty.roster.copyWeek'> = (ctx, { orgUnitId, fromMonday, weeks }) => {
    editable(ctx, orgUnitId);
    const by = ctx.requireSession().user.id;
    ctx.audit.target = `roster-week:${orgUnitId}:${fromMonday}`;
    const result = ctx.tx(() => {
      const r = roster.copyWeek(orgUnitId, fromMonday, weeks, by);
      Object.assign(ctx.audit, rosterCopyWords(orgUnitId, org.unit(orgUnitId)?.name, fromMonday, weeks, r.created));
      return r;
    });
    // Copying an empty week creates nothing: nobody needs to refetch.
    if (result.created > 0) announce(ctx, orgUnitId, 'roster');
    return result;
  };

  const people: DutyHandler<'duty.roster.people'> = (ctx, { orgUnitId }) => {
    editable(ctx, orgUnitId);
    return roster.people(orgUnitId);
  };

  const onDuty: DutyHandler<'duty.onDuty'> = (ctx) => {
    const { user } = ctx.requireSession();
    return roster.onDuty(user.orgUnitId, clock(), user.id);
  };

  const checkIn: DutyHandler<'duty.checkIn'> = (ctx) => {
    const { user } = ctx.requireSession();
    const saved = ctx.tx(() => {
      const c = roster.checkIn(user.id, clock());
      ctx.audit.target = `duty-checkin:${c.id}`;
      Object.assign(
        ctx.audit,
        rosterWords('roster.checkIn', roster.pattern(c.orgUnitId), org.unit(c.orgUnitId)?.name, c),
      );
      return c;
    });
    announce(ctx, saved.orgUnitId, 'checkin');
    return saved;
  };

  const checkOut: DutyHandler<'duty.checkOut'> = (ctx) => {
    const { user } = ctx.requireSession();
    const saved = ctx.tx(() => {
      const c = roster.checkOut(user.id, clock());
      ctx.audit.target = `duty-checkin:${c.id}`;
      Object.assign(
        ctx.audit,
        rosterWords('roster.checkOut', roster.pattern(c.orgUnitId), org.unit(c.orgUnitId)?.name, c),
      );
      return c;
    });
    announce(ctx, saved.orgUnitId, 'checkin');
    return saved;
  };

  return {
    'duty.pattern.get': patternGet,
    'duty.pattern.set': patternSet,
    'duty.roster.week': week,
    'duty.roster.month': month,
    'duty.roster.assign': assign,
    'duty.roster.people': people,
    'duty.roster.unassign': unassign,
    'duty.roster.copyWeek': copyWeek,
    'duty.onDuty': onDuty,
    'duty.checkIn': checkIn,
    'duty.checkOut': checkOut,
  };
}
