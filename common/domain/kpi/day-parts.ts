import { isOpen, type OrderState } from '../orders/states';
import type { OrderActors, StepActor } from './chief-breakdown';
import type { ChiefOptions } from './chief-score';
import { isWithdrawn, metBy } from './cohorts';
import { handlingMs } from './handling-time';
import type { OrderFacts } from './order-facts';

/*
 * What one order adds to the dashboard's per-day counts (issue 14's benchmark): each KPI's numerator
 * and denominator as one part per counted step, at the instant the KPI counts it by — so a whole
 * Shanghai day's sum of the parts equals the pure KPI functions over that day, exactly. Drills are
 * not left out here (an order's drill flag follows its incident and can change without the order):
 * the reader takes the drill orders' parts away again.
 */

/**
 * `k`: the KPI cards' counts (by the step's instant) and the chief score's total; `c`: the chief score's
 * counts per actor of the 立案 / 结案 (apart: they are most of the rows, and only the period itself
 * needs them); `d`: the series per day of report (reports and
 * SLA lights); `s`: the series of the period as a whole (per hour, domain, category, workstation,
 * state); `h`: the 处置时长 histogram (for the P90).
 */
export type PartFamily = 'k' | 'c' | 'd' | 's' | 'h';

export interface DayPart {
  family: PartFamily;
  metric: string;
  /** the instant the part counts at; its Shanghai day keys the count */
  at: number;
  /** the chief's per-actor parts: whose 立案/结案 it was ('' otherwise) */
  actor: string;
  actorName: string;
  /** 处置时长 in ms (the 'handling' part; 0 otherwise) */
  ms: number;
}

/** The KPI cards' part names: numerator and denominator of each card (see kpiCardsOfCounts). */
export const CARD = {
  accepted: 'accepted',
  filed: 'filed',
  filedInStationClosed: 'filed_station_closed',
  due: 'due',
  dueClosed: 'due_closed',
  dueClosedOnTime: 'due_closed_on_time',
  dueHandledOnTime: 'due_handled_on_time',
  rework: 'rework',
  handled: 'handled',
  returned: 'returned',
  dispatched: 'dispatched',
  handling: 'handling',
  supervision: 'supervision',
  supervisionDue: 'supervision_due',
  supervisionDueOnTime: 'supervision_due_on_time',
  answered: 'answered',
  content: 'content',
  filedOnTime: 'filed_on_time',
  filedAccurate: 'filed_accurate',
  closed: 'closed',
  closedOnTime: 'closed_on_time',
} as const;

/** The cards whose cohort is "due by now" (应结案, 应回复): a day still running counts only up to now. */
export const DUE_CARDS: readonly string[] = [
  CARD.due,
  CARD.dueClosed,
  CARD.dueClosedOnTime,
  CARD.dueHandledOnTime,
  CARD.supervisionDue,
  CARD.supervisionDueOnTime,
];

/** The series' part names: `r` a report (per day), `l:<light>` its SLA light; the rest per period. */
export const SERIES = {
  reported: 'r',
  light: (light: 'green' | 'yellow' | 'red') => `l:${light}`,
  hour: (hour: number) => `h:${hour}`,
  domain: (domainId: string) => `d:${domainId}`,
  category: (domainId: string, categoryId: string) => `c:${domainId}:${categoryId}`,
  workstation: (id: string) => `w:${id}`,
  state: (state: OrderState) => `s:${state}`,
} as const;

/** The columns of the order row the series read beyond its facts (orders.closed_at, paused_at). */
export interface PartsRow {
  closedAt: number | null;
  pausedAt: number | null;
}

const MINUTE = 60_000;
const HOUR = 3_600_000;
const SHANGHAI_OFFSET = 8 * HOUR;

/**
 * The 处置时长 histogram's bucket of a duration: 0 up to a minute, then four per doubling. The P90 is
 * found in two steps — the bucket that holds its rank from the per-day counts, then the exact value
 * among that bucket's durations (order_handling) — so it stays the nearest-rank value of percentile().
 */
export function handlingBucket(ms: number): number {
  if (ms <= MINUTE) return 0;
  return 1 + Math.min(199, Math.floor(4 * Math.log2(ms / MINUTE)));
}

const actorKey = (a: StepActor) => (a.id === null ? `name:${a.name}` : `id:${a.id}`);

/**
 * Whether an order reached a mark, as the list's light: a finished order by its closing (a step at
 * the mark is in time), a parked one when it was parked. A running order is not decided here: its
 * light moves with the clock (the reader counts those from the open orders at now).
 */
function reached(row: PartsRow, mark: number): boolean | null {
  if (row.closedAt !== null) return row.closedAt > mark;
  if (row.pausedAt !== null) return row.pausedAt >= mark;
  return null;
}

/**
 * Every part of one order: its facts (drill ignored), the actors of its 立案 and 结案, the row's
 * closing and pause, and the chief's step limits (the on-time parts depend on them: a change of the
 * limits rebuilds every order's parts, see KpiDaysStore).
 */
export function dayParts(
  f: Omit<OrderFacts, 'drill'>,
  row: PartsRow,
  actors: OrderActors | undefined,
  limits: Pick<ChiefOptions, 'fileWithinMinutes' | 'closeWithinMinutes'>,
): DayPart[] {
  const out: DayPart[] = [];
  const add = (family: PartFamily, metric: string, at: number | null, ms = 0, actor?: StepActor | null) => {
    if (at === null) return;
    out.push({ family, metric, at, ms, actor: actor ? actorKey(actor) : '', actorName: actor?.name ?? '' });
  };
  const card = (metric: string, at: number | null, ms = 0) => add('k', metric, at, ms);
  card(CARD.accepted, f.acceptedAt);
  card(CARD.filed, f.filedAt);
  if (f.closedAt !== null && f.handledInStation) card(CARD.filedInStationClosed, f.filedAt);
  if (!isWithdrawn(f) && f.deadlineAt !== null) {
    const deadline = f.deadlineAt;
    card(CARD.due, deadline);
    if (f.closedAt !== null) card(CARD.dueClosed, deadline);
    if (metBy(f.closedAt, deadline)) card(CARD.dueClosedOnTime, deadline);
    if (metBy(f.finalHandledAt, deadline)) card(CARD.dueHandledOnTime, deadline);
  }
  for (const at of f.reworkedAt) card(CARD.rework, at);
  for (const at of f.handledAt) card(CARD.handled, at);
  for (const at of f.returnedAt) card(CARD.returned, at);
  for (const at of f.dispatchedAt) card(CARD.dispatched, at);
  const handling = isWithdrawn(f) ? null : handlingMs(f);
  if (handling !== null && f.finalHandledAt !== null) {
    card(CARD.handling, f.finalHandledAt, handling);
    add('h', `b:${handlingBucket(handling)}`, f.finalHandledAt);
  }
  for (const s of f.supervisions) {
    card(CARD.supervision, s.at);
    card(CARD.supervisionDue, s.dueAt);
    if (metBy(s.repliedAt, s.dueAt)) card(CARD.supervisionDueOnTime, s.dueAt);
  }
  const result = f.feedbackResult;
  if (result === 'satisfied' || result === 'basically_satisfied' || result === 'dissatisfied') {
    card(CARD.answered, f.feedbackAt);
    if (result !== 'dissatisfied') card(CARD.content, f.feedbackAt);
  }
  // The 值班长's 综合指标值: the scope's total (every order) and per actor of the 立案 / 结案 step.
  const filedOnTime =
    f.filedAt !== null && f.filedAt - (f.acceptedAt ?? f.createdAt) <= limits.fileWithinMinutes * MINUTE;
  const closedOnTime =
    f.closedAt !== null && f.verifiedAt !== null && f.closedAt - f.verifiedAt <= limits.closeWithinMinutes * MINUTE;
  if (f.filedAt !== null) {
    add('k', CARD.filedOnTime, filedOnTime ? f.filedAt : null);
    add('k', CARD.filedAccurate, f.voidedAt === null ? f.filedAt : null);
    const by = actors?.filedBy;
    if (by) {
      add('c', CARD.filed, f.filedAt, 0, by);
      add('c', CARD.filedOnTime, filedOnTime ? f.filedAt : null, 0, by);
      add('c', CARD.filedAccurate, f.voidedAt === null ? f.filedAt : null, 0, by);
    }
  }
  if (f.closedAt !== null) {
    add('k', CARD.closed, f.closedAt);
    add('k', CARD.closedOnTime, closedOnTime ? f.closedAt : null);
    const by = actors?.closedBy;
    if (by) {
      add('c', CARD.closed, f.closedAt, 0, by);
      add('c', CARD.closedOnTime, closedOnTime ? f.closedAt : null, 0, by);
    }
  }
  // The series: orders reported in the period, by the report's day, hour, domain, category, workstation, state, light.
  add('d', SERIES.reported, f.createdAt);
  add('s', SERIES.hour(Math.floor(((f.createdAt + SHANGHAI_OFFSET) % (24 * HOUR)) / HOUR)), f.createdAt);
  add('s', SERIES.domain(f.domainId), f.createdAt);
  add('s', SERIES.category(f.domainId, f.categoryId), f.createdAt);
  if (f.workstationId !== null) add('s', SERIES.workstation(f.workstationId), f.createdAt);
  add('s', SERIES.state(f.state), f.createdAt);
  if (f.deadlineAt !== null && f.warnAt !== null && f.state !== 'voided' && f.state !== 'merged') {
    const red = reached(row, f.deadlineAt);
    const yellow = reached(row, f.warnAt);
    if (red !== null && yellow !== null) {
      add('d', SERIES.light(red ? 'red' : yellow ? 'yellow' : 'green'), f.createdAt);
    }
  }
  return out;
}

/** Whether the order's light is decided by the clock now (the reader counts those live). */
export function lightRunsWithClock(state: OrderState, row: PartsRow): boolean {
  return isOpen(state) && row.closedAt === null && row.pausedAt === null;
}
