import type { Interval, KpiHistoryEntry, KpiOrderRow, OrderFacts, SupervisionFacts } from './order-facts';

/** What the history walk collects, step by step; the rest of OrderFacts comes from the row. */
type Timeline = Pick<
  OrderFacts,
  'acceptedAt' | 'filedAt' | 'finalHandledAt' | 'verifiedAt' | 'closedAt' | 'voidedAt' | 'mergedAt'
> & { parked: Interval[]; supervisions: SupervisionFacts[] };

interface Walk {
  t: Timeline;
  dispatchedAt: number[];
  handledAt: number[];
  reworkedAt: number[];
  returnedAt: number[];
  /** a dispatch went to a department (not a station's own work) */
  toDepartment: boolean;
}

function detailNumber(entry: KpiHistoryEntry, key: string): number | null {
  const v = entry.detail?.[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/** The open 挂账 or 督办 (the last one, still without its end). */
function lastOpen<T>(list: T[], isOpen: (x: T) => boolean): T | undefined {
  const last = list[list.length - 1];
  return last !== undefined && isOpen(last) ? last : undefined;
}

/** 督办 opens a supervision; a later one while it is open is a 催办 that moves its due time. */
function supervise(w: Walk, e: KpiHistoryEntry): void {
  const dueAt = detailNumber(e, 'dueAt') ?? e.at;
  const open = lastOpen(w.t.supervisions, (s) => s.repliedAt === null);
  if (open) open.dueAt = dueAt;
  else w.t.supervisions.push({ at: e.at, dueAt, repliedAt: null });
}

/** The clock stops for good: an open 挂账 span ends with the order. */
function finish(w: Walk, at: number): void {
  const park = lastOpen(w.t.parked, (p) => p.to === null);
  if (park) park.to = at;
}

/* One history step's effect on the timeline; steps the KPIs do not read change nothing. */
const STEP: Partial<Record<KpiHistoryEntry['action'], (w: Walk, e: KpiHistoryEntry) => void>> = {
  accept: (w, e) => (w.t.acceptedAt = e.at),
  file: (w, e) => (w.t.filedAt = e.at),
  dispatch: (w, e) => {
    w.dispatchedAt.push(e.at);
    if (e.detail?.handlerKind === 'department') w.toDepartment = true;
  },
  redispatch: (w, e) => {
    if (e.detail?.handlerKind === 'department') w.toDepartment = true;
  },
  approve_return: (w, e) => w.returnedAt.push(e.at),
  complete: (w, e) => {
    w.handledAt.push(e.at);
    w.t.finalHandledAt = e.at;
  },
  self_handle: (w, e) => {
    w.handledAt.push(e.at);
    w.t.finalHandledAt = e.at;
  },
  verify_fail: (w, e) => {
    w.reworkedAt.push(e.at);
    w.t.finalHandledAt = null;
  },
  verify_pass: (w, e) => (w.t.verifiedAt = e.at),
  close: (w, e) => (w.t.closedAt = e.at),
  void: (w, e) => {
    w.t.voidedAt = e.at;
    finish(w, e.at);
  },
  merge: (w, e) => (w.t.mergedAt = e.at),
  approve_park: (w, e) => w.t.parked.push({ from: e.at, to: null }),
  resume: (w, e) => finish(w, e.at),
  supervise,
  reply_supervision: (w, e) => {
    const open = lastOpen(w.t.supervisions, (s) => s.repliedAt === null);
    if (open) open.repliedAt = e.at;
  },
};

function walk(history: readonly KpiHistoryEntry[]): Walk {
  const w: Walk = {
    t: {
      ...{ acceptedAt: null, filedAt: null, finalHandledAt: null, verifiedAt: null, closedAt: null },
      ...{ voidedAt: null, mergedAt: null, parked: [], supervisions: [] },
    },
    ...{ dispatchedAt: [], handledAt: [], reworkedAt: [], returnedAt: [], toDepartment: false },
  };
  for (const entry of [...history].sort((a, b) => a.at - b.at)) STEP[entry.action]?.(w, entry);
  return w;
}

/**
 * The facts of one order, from its row and its history (OrdersRepo.row / OrdersRepo.history). The
 * history of a main order also holds its merged children's steps (orderCode tells them apart): only
 * the order's own steps count. `drillIncidentIds`: the incidents flagged as exercise — an order
 * linked to one is a drill (orders carry no drill flag of their own).
 */
export function orderFactsOf(
  row: KpiOrderRow,
  history: readonly KpiHistoryEntry[],
  drillIncidentIds: ReadonlySet<number>,
): OrderFacts {
  const w = walk(history.filter((e) => e.orderCode === row.code));
  const handled = w.handledAt.length > 0;
  return {
    ...{ id: row.id, code: row.code, domainId: row.domainId, categoryId: row.categoryId, source: row.source },
    ...{ stationId: row.stationId, workstationId: row.workstationId, state: row.state, createdAt: row.createdAt },
    departmentId: row.handlerKind === 'department' ? row.handlerId : null,
    drill: row.incidentId !== null && drillIncidentIds.has(row.incidentId),
    ...w.t,
    ...{ dispatchedAt: w.dispatchedAt, handledAt: w.handledAt, reworkedAt: w.reworkedAt, returnedAt: w.returnedAt },
    handledInStation: handled && !w.toDepartment,
    ...{ deadlineAt: row.deadlineAt, warnAt: row.warnAt },
    ...{ feedbackResult: row.feedbackResult, feedbackAt: row.feedbackAt },
  };
}
