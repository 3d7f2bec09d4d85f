import type { z } from 'zod';
import { apiError } from '../../../common/contract';
import { DUTY_LOG_KIND_NAMES, type dutyLogMethods } from '../../../common/contract/duty-log';
import type { Db } from '../../db/connection';
import type { DutyLog } from '../../services/duty/duty-log';
import { verifyChain } from '../../services/duty/seal';
import type { OrgRepo } from '../../services/org/org-repo';
import type { HandlerContext } from '../handler-types';

type DutyLogMethods = typeof dutyLogMethods;
type DutyLogMethod = keyof DutyLogMethods;

/** A handler typed by the duty-log contract alone (identical to `Handler<M>` once it is in the contract). */
type DutyHandler<M extends DutyLogMethod> = (
  ctx: HandlerContext,
  input: z.output<DutyLogMethods[M]['input']>,
) => z.output<DutyLogMethods[M]['output']>;

export interface DutyLogDeps {
  dutyLog: DutyLog;
  db: Db;
  org: OrgRepo;
}

/** The duty log: read and write the caller's own org unit's current shift; search; verify the seals. */
export function dutyLogHandlers(deps: DutyLogDeps) {
  const { dutyLog, db, org } = deps;

  const current: DutyHandler<'duty.log.current'> = (ctx) => {
    const shift = dutyLog.currentShift(ctx.requireSession().user.orgUnitId);
    return { shift, entries: dutyLog.entries(shift.id) };
  };

  const append: DutyHandler<'duty.log.append'> = (ctx, input) => {
    const { user } = ctx.requireSession();
    return ctx.tx(() => {
      const entry = dutyLog.append({
        orgUnitId: user.orgUnitId,
        authorId: user.id,
        authorName: user.displayName,
        kind: input.kind,
        text: input.text,
        correctsId: input.correctsId,
        links: input.links,
      });
      ctx.audit.target = `duty-log:${entry.id}`;
      const what = entry.correctsId === null ? DUTY_LOG_KIND_NAMES[entry.kind].zh : `更正记录 ${entry.correctsId}`;
      ctx.audit.summary = `值班日志（班次 ${entry.shiftId}）${what}：${entry.text.slice(0, 80)}`;
      return entry;
    });
  };

  const search: DutyHandler<'duty.log.search'> = (ctx, input) => {
    const { user } = ctx.requireSession();
    // Station users see their own station's log; center users see every org unit's.
    if (org.unit(user.orgUnitId)?.kind !== 'center') {
      if (input.orgUnitId !== undefined && input.orgUnitId !== user.orgUnitId) {
        throw apiError('E_FORBIDDEN', '只能查询本单位的值班日志', 'You can only search your own org unit’s duty log');
      }
      return dutyLog.search({ ...input, orgUnitId: user.orgUnitId });
    }
    return dutyLog.search(input);
  };

  const verify: DutyHandler<'duty.ledger.verify'> = () => verifyChain(db);

  return {
    'duty.log.current': current,
    'duty.log.append': append,
    'duty.log.search': search,
    'duty.ledger.verify': verify,
  };
}
