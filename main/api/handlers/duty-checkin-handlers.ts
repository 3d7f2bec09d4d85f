import { rosterWords } from '../../services/audit/notes';
import type { HandlerContext } from '../handler-types';
import type { DutyHandler } from './duty-handler';
import { rosterAccess } from './duty-roster-access';
import type { DutyRosterDeps } from './duty-roster-handlers';

/** On duty now, check-in and check-out: the caller, in their own org unit. */
export function dutyCheckInHandlers(deps: DutyRosterDeps) {
  const { roster, org, clock } = deps;
  const { announce } = rosterAccess(roster, org);

  const onDuty: DutyHandler<'duty.onDuty'> = (ctx) => {
    const { user } = ctx.requireSession();
    return roster.onDuty(user.orgUnitId, clock(), user.id);
  };

  /** Check-in and check-out differ only in what they do to the roster and the words they audit. */
  const checking = (ctx: HandlerContext, action: 'roster.checkIn' | 'roster.checkOut') => {
    const { user } = ctx.requireSession();
    const saved = ctx.tx(() => {
      const c = action === 'roster.checkIn' ? roster.checkIn(user.id, clock()) : roster.checkOut(user.id, clock());
      ctx.audit.target = `duty-checkin:${c.id}`;
      Object.assign(ctx.audit, rosterWords(action, roster.pattern(c.orgUnitId), org.unit(c.orgUnitId)?.name, c));
      return c;
    });
    announce(ctx, saved.orgUnitId, 'checkin');
    return saved;
  };

  const checkIn: DutyHandler<'duty.checkIn'> = (ctx) => checking(ctx, 'roster.checkIn');
  const checkOut: DutyHandler<'duty.checkOut'> = (ctx) => checking(ctx, 'roster.checkOut');

  return { 'duty.onDuty': onDuty, 'duty.checkIn': checkIn, 'duty.checkOut': checkOut };
}
