import type { HistoryEntry } from '../../common/contract';
import type { OrderFacts } from '../../common/domain/kpi';
import type { OrderRow } from '../../main/services/orders/order-rows';

/** Hand-countable times: the KPI tests' period is day 10 to day 20 of a made-up epoch. */
export const MIN = 60_000;
export const HOUR = 60 * MIN;
export const DAY = 24 * HOUR;
export const PERIOD = { from: 10 * DAY, to: 20 * DAY };
/** "now" well after the period: every deadline in it has passed */
export const LATER = 30 * DAY;

let nextId = 1;

/** An order's facts with nothing happened yet but its report on day 11; tests set what they need. */
export function facts(over: Partial<OrderFacts> = {}): OrderFacts {
  const id = nextId++;
  return {
    ...{ id, code: `T${id}`, domainId: 'd1', categoryId: 'c1', source: 'hotline' },
    ...{ stationId: 's1', workstationId: null, departmentId: null, drill: false, state: 'reported' },
    ...{ createdAt: 11 * DAY, acceptedAt: null, filedAt: null, dispatchedAt: [], handledAt: [] },
    ...{ finalHandledAt: null, reworkedAt: [], verifiedAt: null, returnedAt: [], handledInStation: false },
    ...{ closedAt: null, voidedAt: null, mergedAt: null, deadlineAt: null, warnAt: null, parked: [] },
    ...{ supervisions: [], feedbackResult: null, feedbackAt: null },
    ...over,
  };
}

/** An order row as OrdersRepo.row answers it (typed as main's OrderRow: it must fit KpiOrderRow). */
export function orderRow(over: Partial<OrderRow> = {}): OrderRow {
  return {
    ...{ id: 7, code: 'HQ-7', title: 't', description: '', categoryId: 'c1', categoryName: '暴露垃圾' },
    ...{ domainId: 'd1', workstationId: 'w1', workstationName: 'W', gridId: 'g1', stationId: 's1' },
    ...{ address: 'a', lat: null, lng: null, source: 'video', reporterName: null, reporterPhone: null },
    ...{ urgency: 'normal', responseLevel: 'patrol', state: 'closed', previousState: null, pending: null },
    ...{ pendingDetail: null, handlerKind: 'station', handlerId: 's1', handlerName: 'S', reworkCount: 0 },
    ...{ supervised: 0, parentId: null, cameraId: null, createdBy: 1, createdAt: 0, updatedAt: 0 },
    ...{ closedAt: null, limitMinutes: 600, limitMode: 'natural', warnAt: null, deadlineAt: null },
    ...{ pausedAt: null, alertedYellow: 0, alertedRed: 0, incidentId: null },
    ...{ feedbackResult: null, feedbackAt: null },
    ...over,
  };
}

let nextEntry = 1;

/** One history row of order `code` (OrdersRepo.history's shape). */
export function step(
  code: string,
  at: number,
  action: HistoryEntry['action'],
  detail: Record<string, unknown> | null = null,
): HistoryEntry {
  return {
    ...{ id: nextEntry++, at, actorName: 'x', action, fromState: null, toState: 'handling' },
    ...{ reason: null, detail, attachments: [], orderCode: code },
  };
}
