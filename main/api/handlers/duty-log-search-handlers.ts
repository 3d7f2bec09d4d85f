import { apiError } from '../../../common/contract';
import { DUTY_LOG_EXPORT_MAX, type DutyLogSearch } from '../../../common/contract/duty-log';
import { dutyLogExportName, exportDutyLog, XLSX_MIME } from '../../services/duty/duty-log-export';
import { scopeRefs } from '../../services/duty/duty-log-links';
import { canSeeUnitLog } from '../../services/duty/duty-visibility';
import { visibleOrderIds } from '../../services/orders/order-visibility';
import type { HandlerContext } from '../handler-types';
import { callerViewer, type DutyHandler } from './duty-handler';
import type { DutyLogDeps } from './duty-log-handlers';

/** Searching and exporting the duty log, scoped like every read of it. */
export function dutyLogSearchHandlers(deps: Omit<DutyLogDeps, 'sealKey' | 'store'>) {
  const { dutyLog, db, org } = deps;

  /** Station users see their own station's log; center users see every org unit's. */
  const scoped = <Q extends Pick<DutyLogSearch, 'orgUnitId'>>(ctx: HandlerContext, input: Q): Q => {
    const who = callerViewer(org, ctx);
    if (who.isCenter) return input;
    if (input.orgUnitId !== undefined && !canSeeUnitLog(input.orgUnitId, who)) {
      throw apiError('E_FORBIDDEN', '只能查询本单位的值班日志', 'You can only search your own org unit’s duty log');
    }
    return { ...input, orgUnitId: who.orgUnitId };
  };

  const search: DutyHandler<'duty.log.search'> = (ctx, input) => {
    const { rows, truncated } = dutyLog.search(scoped(ctx, input));
    return { rows: scopeRefs(db, rows, callerViewer(org, ctx)), truncated };
  };

  const exportLog: DutyHandler<'duty.log.export'> = (ctx, input) => {
    const { rows, truncated } = dutyLog.search(scoped(ctx, input), DUTY_LOG_EXPORT_MAX);
    const now = deps.clock();
    // Linked orders the caller may not see are exported as their bare id, never their code.
    const visible = visibleOrderIds(
      db,
      rows.flatMap((r) => r.links?.orderIds ?? []),
      callerViewer(org, ctx),
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

  return { 'duty.log.search': search, 'duty.log.export': exportLog };
}
