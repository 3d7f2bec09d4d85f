import type { z } from 'zod';
import { apiError } from '../../../common/contract';
import { DUTY_LOG_EXPORT_MAX, type dutyLogMethods } from '../../../common/contract/duty-log';
import type { DutyLogSearch } from '../../../common/contract/duty-log';
import type { Clock } from '../../clock';
import type { Db } from '../../db/connection';
import type { DutyLog } from '../../services/duty/duty-log';
import { dutyLogExportName, exportDutyLog, XLSX_MIME } from '../../services/duty/duty-log-export';
import type { RosterService } from '../../services/duty/roster-service';
import { dutyStore } from '../../services/duty/duty-store';
import { verifyChain } from '../../services/duty/seal';
import { checkLinks, scopeRefs } from '../../services/duty/duty-log-links';
import { canSeeUnitLog } from '../../services/duty/duty-visibility';
import { visibleOrderIds } from '../../services/orders/order-visibility';
import type { OrgRepo } from '../../services/org/org-repo';
import { unitAndCenter } from '../../services/org/audience';
import { viewerOf, type Viewer } from '../../services/org/viewer';
import type { HandlerContext } from '../handler-types';
import { dutyLogWords } from '../../services/audit/notes';

type DutyLogMethods = typeof dutyLogMethods;
type DutyLogMethod = keyof DutyLogMethods;

/** A handler typed by the duty-log contract alone (identical to `Handler<M>` once it is in the contract). */
type DutyHandler<M extends DutyLogMethod> = (
  ctx: HandlerContext,
  input: z.output<DutyLogMethods[M]['input']>,
) => z.output<DutyLogMethods[M]['output']>;

export interface DutyLogDeps {
  dutyLog: DutyLog;
  roster: RosterService;
  db: Db;
  org: OrgRepo;
  clock: Clock;
  /** HMAC key of the seals (hub.keys.sealKey). */
  sealKey: Buffer;
}

/** The duty log: read and write the caller's own org unit's current shift; search and export; verify the seals. */
export function dutyLogHandlers(deps: DutyLogDeps) {
  const { dutyLog, db, org } = deps;
  const ledger = dutyStore(db); // built once: the check reads every seal

  const viewer = (ctx: HandlerContext): Viewer => viewerOf(org, ctx.requireSession().user);

  const current: DutyHandler<'duty.log.current'> = (ctx) => {
    const shift = dutyLog.requireWritableShift(ctx.requireSession().user.orgUnitId);
    return { shift, entries: scopeRefs(db, dutyLog.entries(shift.id), viewer(ctx)) };
  };

  /** Links and corrections may name only what the writer may see; the echo is scoped like every read. */
  const append: DutyHandler<'duty.log.append'> = (ctx, input) => {
    const { user } = ctx.requireSession();
    const who = viewer(ctx);
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

  /** Station users see their own station's log; center users see every org unit's. */
  const scoped = <Q extends Pick<DutyLogSearch, 'orgUnitId'>>(ctx: HandlerContext, input: Q): Q => {
    const who = viewer(ctx);
    if (who.isCenter) return input;
    if (input.orgUnitId !== undefined && !canSeeUnitLog(input.orgUnitId, who)) {
      throw apiError('E_FORBIDDEN', '只能查询本单位的值班日志', 'You can only search your own org unit’s duty log');
    }
    return { ...input, orgUnitId: who.orgUnitId };
  };

  const search: DutyHandler<'duty.log.search'> = (ctx, input) => {
    const { rows, truncated } = dutyLog.search(scoped(ctx, input));
    return { rows: scopeRefs(db, rows, viewer(ctx)), truncated };
  };

  const exportLog: DutyHandler<'duty.log.export'> = (ctx, input) => {
    const { rows, truncated } = dutyLog.search(scoped(ctx, input), DUTY_LOG_EXPORT_MAX);
    const now = deps.clock();
    // Linked orders the caller may not see are exported as their bare id, never their code.
    const visible = visibleOrderIds(
      db,
      rows.flatMap((r) => r.links?.orderIds ?? []),
      viewer(ctx),
    );
    // Each row already names its linked orders (DutyLog asks the orders domain for their codes).
    const orderCode = new Map(rows.flatMap((r) => r.orders.map((o) => [o.id, o.code] as const)));
    const data = exportDutyLog(
      rows,
      (id) => org.unit(id)?.name ?? id,
      (unitId, code) => deps.roster.pattern(unitId).shifts.find((s) => s.code === code)?.name ?? code,
      (id) => (visible.has(id) ? orderCode.get(id) : undefined) ?? `#${id}`,
      now,
    );
    return {
      fileName: dutyLogExportName(now),
      mime: XLSX_MIME,
      dataBase64: Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('base64'),
      rows: rows.length,
      truncated,
    };
  };

  const verify: DutyHandler<'duty.ledger.verify'> = () => verifyChain(ledger, deps.sealKey);

  return {
    'duty.log.current': current,
    'duty.log.append': append,
    'duty.log.search': search,
    'duty.log.export': exportLog,
    'duty.ledger.verify': verify,
  };
}
