import type { HandoverState } from '../../../common/contract/duty-handover';
import type { Clock } from '../../clock';
import type { Db } from '../../db/connection';
import { handoverSignAttemptWords, handoverSignWords, handoverWords } from '../../services/audit/notes';
import type { Checklists } from '../../services/duty/checklist';
import type { DutyLog } from '../../services/duty/duty-log';
import type { HandoverService } from '../../services/duty/handover-service';
import type { RosterService } from '../../services/duty/roster-service';
import { unitAndCenter } from '../../services/org/audience';
import type { OrgRepo } from '../../services/org/org-repo';
import type { Handler, HandlerContext } from '../handler-types';
import { dutyChecklistHandlers } from './duty-checklist-handlers';
import { callerViewer, type DutyHandler } from './duty-handler';
import { dutyHandoverReadHandlers } from './duty-handover-read-handlers';

export interface DutyHandoverDeps {
  handover: HandoverService;
  checklists: Checklists;
  dutyLog: DutyLog;
  roster: RosterService;
  org: OrgRepo;
  db: Db;
  clock: Clock;
}

/**
 * Handover (交接班): start, sign twice (the second signature seals), call off; reading and printing
 * (duty-handover-read-handlers.ts); the checklist (duty-checklist-handlers.ts).
 */
export function dutyHandoverHandlers(deps: DutyHandoverDeps) {
  const { handover, org } = deps;
  const caller = (ctx: HandlerContext) => ctx.requireSession().user;
  const announce = (ctx: HandlerContext, orgUnitId: string, shiftId: number) =>
    ctx.publish('duty.changed', { orgUnitId, what: 'handover', shiftId }, unitAndCenter(org, orgUnitId));

  /**
   * A shift id the caller may not see (another unit's, unless they are at the center) answers
   * E_NOT_FOUND before anything else happens, the same as an id that does not exist.
   */
  const requireVisibleShift = (ctx: HandlerContext, shiftId: number): void => {
    handover.get(callerViewer(org, ctx), shiftId);
  };

  /** After starting or calling off a handover: the audit row's target and words, the announcement. */
  const recorded = (
    ctx: HandlerContext,
    action: 'handover.start' | 'handover.cancel',
    shiftId: number,
    state: HandoverState,
  ) => {
    ctx.audit.target = `duty-shift:${shiftId}`;
    Object.assign(ctx.audit, handoverWords(action, deps.roster.pattern(state.shift.orgUnitId), state.shift));
    announce(ctx, state.shift.orgUnitId, state.shift.id);
    return state;
  };

  const start: DutyHandler<'duty.handover.start'> = (ctx, input) =>
    ctx.tx(() => {
      requireVisibleShift(ctx, input.shiftId);
      return recorded(ctx, 'handover.start', input.shiftId, handover.start(caller(ctx), input.shiftId, input));
    });

  const cancel: DutyHandler<'duty.handover.cancel'> = (ctx, input) =>
    ctx.tx(() => {
      requireVisibleShift(ctx, input.shiftId);
      return recorded(ctx, 'handover.cancel', input.shiftId, handover.cancel(caller(ctx), input.shiftId));
    });

  const sign: Handler<'duty.handover.sign'> = async (ctx, input) => {
    ctx.audit.target = `duty-shift:${input.shiftId}`;
    // A failed signature keeps these words: the row shows, in the reader's language, who tried.
    Object.assign(ctx.audit, handoverSignAttemptWords(input.side, input.username));
    requireVisibleShift(ctx, input.shiftId);
    const signer = await handover.verifySigner(input.username, input.password);
    return ctx.tx(() => {
      const { state, sealed, override } = handover.sign(caller(ctx), input.shiftId, input.side, signer, input.override);
      // An incoming chief not rostered on the next shift is on record, with who confirmed it and why.
      const overridden = override
        ? `越权接班（未排为${override.nextShift}的值班长），由 ${caller(ctx).displayName} 确认，原因：${override.reason}`
        : '';
      const pattern = deps.roster.pattern(state.shift.orgUnitId);
      const seal = sealed ? (state.seal?.sealHash ?? '') : null;
      const words = handoverSignWords(input.side, signer.displayName, pattern, state.shift, seal);
      if (overridden) {
        words.summary += `；${overridden}`;
        words.detail.params.note = overridden;
      }
      Object.assign(ctx.audit, words);
      announce(ctx, state.shift.orgUnitId, state.shift.id);
      // The override's entry went into the log of the shift taking entries now.
      if (override) {
        const unit = state.shift.orgUnitId;
        ctx.publish('duty.changed', { orgUnitId: unit, what: 'log' }, unitAndCenter(org, unit));
      }
      return state;
    });
  };

  return {
    ...dutyHandoverReadHandlers(deps),
    'duty.handover.start': start,
    'duty.handover.cancel': cancel,
    'duty.handover.sign': sign,
    ...dutyChecklistHandlers(deps),
  };
}
