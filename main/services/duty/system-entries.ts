import type { OrgRepo } from '../org/org-repo';
import type { AlertRecord } from '../orders/order-alerts';
import type { DutyLog } from './duty-log';

/**
 * Events the hub knows go into the current shift's log as system entries (issue 4, item 3): an
 * order turning red is written for the center and for the station holding the order.
 */
export function logOrderOverdue(dutyLog: DutyLog, org: OrgRepo, alert: AlertRecord): void {
  if (alert.kind !== 'red') return;
  const centers = org.centerIds();
  const units = alert.stationId ? [...centers, alert.stationId] : centers;
  for (const unit of units) {
    dutyLog.appendSystem(unit, `工单 ${alert.orderCode}「${alert.orderTitle}」已超时（红灯）`, {
      orderIds: [alert.orderId],
    });
  }
}
