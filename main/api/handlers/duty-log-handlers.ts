import { apiError } from '../../../common/contract';
import type { Clock } from '../../clock';
import type { Db } from '../../db/connection';
import { dutyLogWords } from '../../services/audit/notes';
import type { DutyLog } from '../../services/duty/duty-log';
import { checkLinks, scopeRefs } from '../../services/duty/duty-log-links';
import type { DutyStore } from '../../services/duty/duty-store';
import { canSeeUnitLog } from '../../services/duty/duty-visibility';
import type { RosterService } from '../../services/duty/roster-service';
import { verifyChain } from '../../services/duty/seal';
import { unitAndCenter } from '../../services/org/audience';
import type { OrgRepo } from '../../services/org/org-repo';
import { callerViewer, type DutyHandler } from './duty-handler';
import { dutyLogSearchHandlers } from './duty-log-search-handlers';

export interface DutyLogDeps {
  dutyLog: DutyLog;
  roster: RosterService;
  db: Db;
  org: OrgRepo;
  clock: Clock;
  /** HMAC key of the seals (hub.keys.sealKey). */
  sealKey: Buffer;
  /** The duty domain's one store (hub-services.ts): the check reads every seal through it. */
  store: DutyStore;
}

/**
 * The duty log: read and write the caller's own org unit's current shift; search and export
 * (duty-log-search-handlers.ts); verify the seals.
 */
export function dutyLogHandlers(deps: DutyLogDeps) {
  const { dutyLog, db, org } = deps;

  const current: DutyHandler<'duty.log.current'> = (ctx) => {
    const shift = dutyLog.requireWritableShift(ctx.requireSession().user.orgUnitId);
    return { shift, entries: scopeRefs(db, dutyLog.entries(shift.id), callerViewer(org, ctx)) };
  };

  /** Links and corrections may name only what the writer may see; the echo is scoped like every read. */
  const append: DutyHandler<'duty.log.append'> = (ctx, input) => {
    const { user } = ctx.requireSession();
    const who = callerViewer(org, ctx);
    if (input.correctsId !== undefined) {
      const unit = dutyLog.entryOrgUnit(input.correctsId);
      if (unit === undefined || !canSeeUnitLog(unit, who)) {
        throw apiError(
          'E_NOT_FOUND',
          `要更正的记录 ${input.correctsId} 不存在`,
          `Entry ${input.correctsId} does not exist`,
          { field: 'correctsId' },
        );
      }
    }
    return ctx.tx(() => {
      checkLinks(db, input.links, who);
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
      Object.assign(
        ctx.audit,
        dutyLogWords(db, (unit) => deps.roster.pattern(unit), entry),
      );
      ctx.publish(
        'duty.changed',
        { orgUnitId: user.orgUnitId, what: 'log', shiftId: entry.shiftId },
        unitAndCenter(org, user.orgUnitId),
      );
      return scopeRefs(db, [entry], who)[0] ?? entry;
    });
  };

  const verify: DutyHandler<'duty.ledger.verify'> = () => verifyChain(deps.store, deps.sealKey);

  return {
    'duty.log.current': current,
    'duty.log.append': append,
    ...dutyLogSearchHandlers(deps),
    'duty.ledger.verify': verify,
  };
}
