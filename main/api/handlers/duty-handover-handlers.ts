import { dutyChecklistWords } from '../../services/audit/notes-ops';
import type { z } from 'zod';
import { apiError } from '../../../common/contract';
import type { dutyHandoverMethods } from '../../../common/contract/duty-handover';
import type { Clock } from '../../clock';
import type { Db } from '../../db/connection';
import type { Checklists } from '../../services/duty/checklist';
import type { DutyLog } from '../../services/duty/duty-log';
import { handoverReport, reportFileName } from '../../services/duty/handover-report';
import { CHIEF_ROLE, type HandoverService } from '../../services/duty/handover-service';
import { renderHandoverPdf } from '../../services/duty/report/handover-pdf';
import type { RosterService } from '../../services/duty/roster-service';
import type { OrgRepo } from '../../services/org/org-repo';
import { unitAndCenter } from '../../services/org/audience';
import { viewerOf } from '../../services/org/viewer';
import type { HandlerContext } from '../handler-types';
import { handoverSignAttemptWords, handoverSignWords, handoverWords } from '../../services/audit/notes';

type Methods = typeof dutyHandoverMethods;
type HandoverHandler<M extends keyof Methods> = (
  ctx: HandlerContext,
  input: z.output<Methods[M]['input']>,
) => z.output<Methods[M]['output']> | Promise<z.output<Methods[M]['output']>>;

export interface DutyHandoverDeps {
  handover: HandoverService;
  checklists: Checklists;
  dutyLog: DutyLog;
  roster: RosterService;
  org: OrgRepo;
  db: Db;
  clock: Clock;
}

/** Handover (交接班): start, sign twice (the second signature seals), call off, read, print; the checklist. */
export function dutyHandoverHandlers(deps: DutyHandoverDeps) {
  const { handover, org } = deps;
  const caller = (ctx: HandlerContext) => ctx.requireSession().user;
  /** Who is reading, for the duty rule (duty-visibility.ts) the log and the lists share. */
  const viewer = (ctx: HandlerContext) => viewerOf(org, caller(ctx));
  const announce = (ctx: HandlerContext, orgUnitId: string, shiftId: number) =>
    ctx.publish('duty.changed', { orgUnitId, what: 'handover', shiftId }, unitAndCenter(org, orgUnitId));

  /**
   * A shift id the caller may not see (another unit's, unless they are at the center) answers
   * E_NOT_FOUND before anything else happens, the same as an id that does not exist.
   */
  const requireVisibleShift = (ctx: HandlerContext, shiftId: number): void => {
    handover.get(viewer(ctx), shiftId);
  };

  const current: HandoverHandler<'duty.handover.current'> = (ctx) => handover.current(caller(ctx));
  const preview: HandoverHandler<'duty.handover.preview'> = (ctx) => handover.preview(caller(ctx));

  const start: HandoverHandler<'duty.handover.start'> = (ctx, input) =>
    ctx.tx(() => {
      requireVisibleShift(ctx, input.shiftId);
      const state = handover.start(caller(ctx), input.shiftId, input);
      ctx.audit.target = `duty-shift:${input.shiftId}`;
      Object.assign(
        ctx.audit,
        handoverWords('handover.start', deps.roster.pattern(state.shift.orgUnitId), state.shift),
      );
      announce(ctx, state.shift.orgUnitId, state.shift.id);
      return state;
    });

  const cancel: HandoverHandler<'duty.handover.cancel'> = (ctx, input) =>
    ctx.tx(() => {
      requireVisibleShift(ctx, input.shiftId);
      const state = handover.cancel(caller(ctx), input.shiftId);
      ctx.audit.target = `duty-shift:${input.shiftId}`;
      Object.assign(
        ctx.audit,
        handoverWords('handover.cancel', deps.roster.pattern(state.shift.orgUnitId), state.shift),
      );
      announce(ctx, state.shift.orgUnitId, state.shift.id);
      return state;
    });

  const sign: HandoverHandler<'duty.handover.sign'> = async (ctx, input) => {
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
        ctx.publish(
          'duty.changed',
          { orgUnitId: state.shift.orgUnitId, what: 'log' },
          unitAndCenter(org, state.shift.orgUnitId),
        );
      }
      return state;
    });
  };

  const get: HandoverHandler<'duty.handover.get'> = (ctx, input) => handover.get(viewer(ctx), input.shiftId);

  const sealed: HandoverHandler<'duty.handover.sealed'> = (ctx, input) =>
    handover.sealed(caller(ctx).orgUnitId, input.limit);

  const report: HandoverHandler<'duty.handover.report'> = (ctx, input) => {
    const user = caller(ctx);
    const data = handoverReport(deps, input.shiftId, { at: deps.clock(), by: user.displayName }, viewer(ctx));
    const pdf = renderHandoverPdf(data);
    return {
      fileName: reportFileName(data),
      mime: 'application/pdf',
      dataBase64: Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('base64'),
    };
  };

  const checklistGet: HandoverHandler<'duty.checklist.get'> = (ctx) => {
    const unit = deps.roster.rosterUnit(caller(ctx).orgUnitId);
    return deps.checklists.items(unit.id, unit.kind);
  };

  const checklistSet: HandoverHandler<'duty.checklist.set'> = (ctx, input) => {
    const user = caller(ctx);
    const unit = deps.roster.rosterUnit(user.orgUnitId);
    if (!user.roles.includes(CHIEF_ROLE[unit.kind])) {
      // A station chief edits the station's list, a duty chief the center's.
      throw apiError(
        'E_FORBIDDEN',
        `只有${unit.name}的值班长可以修改检查项`,
        `Only a chief of ${unit.name} edits its checklist`,
      );
    }
    return ctx.tx(() => {
      const items = deps.checklists.set(unit.id, input.items);
      ctx.audit.target = `duty-checklist:${unit.id}`;
      Object.assign(
        ctx.audit,
        dutyChecklistWords(
          unit,
          items.map((i) => i.label),
        ),
      );
      ctx.publish('duty.changed', { orgUnitId: unit.id, what: 'checklist' }, { orgUnitIds: [unit.id] });
      return items;
    });
  };

  return {
    'duty.handover.current': current,
    'duty.handover.preview': preview,
    'duty.handover.start': start,
    'duty.handover.cancel': cancel,
    'duty.handover.sign': sign,
    'duty.handover.get': get,
    'duty.handover.sealed': sealed,
    'duty.handover.report': report,
    'duty.checklist.get': checklistGet,
    'duty.checklist.set': checklistSet,
  };
}
