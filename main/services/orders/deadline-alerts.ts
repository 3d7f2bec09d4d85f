import type { Audience } from '../../../common/contract';
import { unitAndCenter, type EventSink } from '../org/audience';
import type { OrgRepo } from '../org/org-repo';
import { ALERTED_ROLES, type AlertRecord, type OrderAlerts } from './order-alerts';

/** Who must see an order's alert: the duty chiefs of the center and the chiefs of the station holding it. */
export function alertAudience(org: Pick<OrgRepo, 'centerIds'>, stationId: string | null): Audience {
  return unitAndCenter(org, [stationId], ALERTED_ROLES);
}

/** Pushes one alert (a deadline crossed, or a new 特急 order) to those who must see it. */
export function publishAlert(events: EventSink, org: Pick<OrgRepo, 'centerIds'>, alert: AlertRecord): void {
  const { stationId, ...payload } = alert;
  events.publish('orders.alert', payload, alertAudience(org, stationId));
}

export interface DeadlineAlertsDeps {
  alerts: Pick<OrderAlerts, 'sweep'>;
  org: Pick<OrgRepo, 'centerIds'>;
  events: EventSink;
  /** The duty log's entry for an order turning red (DutySystemLog.orderOverdue). */
  systemLog: { orderOverdue(alert: AlertRecord): void };
}

/** The deadline sweep (the hub runs it on a timer): yellow/red alerts, once per order and mark. */
export class DeadlineAlerts {
  constructor(private readonly deps: DeadlineAlertsDeps) {}

  /** Raises the alerts of orders that crossed a mark since the last sweep, pushes them; how many. */
  sweep(): number {
    const raised = this.deps.alerts.sweep();
    for (const alert of raised) {
      publishAlert(this.deps.events, this.deps.org, alert);
      this.deps.systemLog.orderOverdue(alert);
    }
    return raised.length;
  }
}
