import type { HandlerRef } from '../../../common/contract';
import type { OrderSource, ResponseLevel, Urgency } from '../../../common/domain/orders/states';
import type { OrderAction } from '../../../common/domain/orders/transitions';
import { dayStart, shanghaiDay } from '../../../common/domain/time';
import { PROBLEMS, REPORTERS, ROADS, SPOTS, WORDS, type DemoFeedbackResult } from './demo-catalog';
import { buildSteps, PlanBuilder, type Stop } from './demo-order-steps';
import type { Prng } from './prng';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/** How far back the demo history reaches. */
export const HISTORY_DAYS = 60;

/** Who takes a step, resolved to the person on duty at the step's time (demo-history.ts). */
export type Who = 'hotline' | 'grid' | 'monitor' | 'chief' | 'station';

export interface DemoWorkstation {
  id: string;
  name: string;
  /** The joint-duty station whose grid holds the workstation. */
  stationId: string;
}

export interface PlanStep {
  at: number;
  action: OrderAction;
  who: Who;
  reason?: string;
  handler?: HandlerRef;
  extensionHours?: number;
  /** supervise: the reply is due this long after the step. */
  dueInMs?: number;
  /** merge: the plan (by index) whose order this one joins. */
  parentPlan?: number;
  /** dispatch: 日常巡勤 to a station or workstation, 联勤呼应 to a department. */
  responseLevel?: ResponseLevel;
  /** feedback: the 回访结果. */
  feedbackResult?: DemoFeedbackResult;
}

export interface OrderPlan {
  createdAt: number;
  creator: Who;
  /** The station whose staff act for a `station` step (the workstation's). */
  stationId: string;
  input: {
    title: string;
    description: string;
    categoryId: string;
    workstationId: string;
    address: string;
    source: Exclude<OrderSource, 'open311'>;
    reporterName: string | null;
    reporterPhone: string | null;
    urgency: Urgency;
    acceptNow: boolean;
  };
  steps: PlanStep[];
}

/** How fast each urgency moves: a 特急 order's steps take minutes, a normal one's hours. */
const PACE: Record<Urgency, number> = { normal: 1, urgent: 0.3, critical: 0.06 };

function phone(r: Prng): string {
  return `1${r.pick(['37', '38', '39', '58', '86'])}${String(r.int(0, 99_999_999)).padStart(8, '0')}`;
}

/** Minutes after midnight an order comes in: mostly in the day, some in the evening and night. */
function arrivalMinute(r: Prng): number {
  return r.weighted([
    [r.int(7 * 60, 12 * 60), 5],
    [r.int(12 * 60, 18 * 60), 5],
    [r.int(18 * 60, 23 * 60), 2],
    [r.int(0, 7 * 60), 1],
  ]);
}

function newPlan(r: Prng, createdAt: number, workstations: readonly DemoWorkstation[], station: boolean): OrderPlan {
  const ws = r.pick(workstations);
  const categoryId = r.pick(Object.keys(PROBLEMS));
  const problem = r.pick(PROBLEMS[categoryId] ?? ['问题']);
  const spot = r.pick(SPOTS);
  const source: OrderPlan['input']['source'] = station
    ? 'patrol'
    : r.weighted([
        ['hotline', 4],
        ['grid', 3],
        ['video', 2],
        ['village', 2],
      ] as const);
  const creator: Who = station ? 'station' : source === 'hotline' ? 'hotline' : source === 'video' ? 'monitor' : 'grid';
  const urgency: Urgency = r.weighted([
    ['normal', 80],
    ['urgent', 16],
    ['critical', 4],
  ] as const);
  const hotline = source === 'hotline';
  return {
    createdAt,
    creator,
    stationId: ws.stationId,
    input: {
      title: `${ws.name}${spot}${problem}`.slice(0, 100),
      description: `${hotline ? '市民来电反映' : source === 'video' ? '视频巡查发现' : '巡查发现'}：${ws.name}${spot}（${r.pick(ROADS)}附近）${problem}，请尽快处置。`,
      categoryId,
      workstationId: ws.id,
      address: `${r.pick(ROADS)}${r.int(1, 2999)}号附近`,
      source,
      reporterName: hotline ? r.pick(REPORTERS) : null,
      reporterPhone: hotline ? phone(r) : null,
      urgency,
      // A village workstation's report waits for the center to take it in.
      acceptNow: source !== 'village' || r.chance(0.5),
    },
    steps: [],
  };
}

/**
 * The last 60 days of orders before `now`, about eight a day, each with the steps the center took on
 * it — steps still ahead of `now` are simply not taken yet, which leaves recent orders in every open
 * state. Old orders mostly went all the way to 存档; a few were left open past their deadline and
 * pressed (督办); some were voided or merged into an earlier report of the same problem.
 */
export function planHistory(r: Prng, now: number, workstations: readonly DemoWorkstation[]): OrderPlan[] {
  const today = shanghaiDay(now);
  const plans: OrderPlan[] = [];
  for (let day = today - HISTORY_DAYS; day <= today; day++) {
    const midnight = dayStart(day);
    const arrivals = Array.from({ length: r.int(5, 11) }, () => midnight + arrivalMinute(r) * MINUTE_MS)
      .filter((t) => t < now - MINUTE_MS)
      .sort((a, b) => a - b);
    for (const createdAt of arrivals) {
      const kind = r.weighted([
        ['standard', 78],
        ['station', 12],
        ['void', 3],
        ['merge', 4],
        ['stuck', 3],
      ] as const);
      const plan = newPlan(r, createdAt, workstations, kind === 'station');
      const pace = PACE[plan.input.urgency];
      if (kind === 'void') {
        plan.steps.push({
          at: createdAt + r.int(10, 90) * MINUTE_MS,
          action: 'void',
          who: 'chief',
          reason: r.pick(WORDS.void),
        });
      } else if (kind === 'merge') {
        // The same problem reported again: merged into the earlier order (same place and category).
        const parentIndex = lastMergeable(plans, createdAt);
        const parent = parentIndex === null ? undefined : plans[parentIndex];
        if (parent && parentIndex !== null) {
          plan.input = { ...plan.input, ...sameProblem(parent), acceptNow: true };
          plan.stationId = parent.stationId;
          plan.steps.push({
            at: createdAt + r.int(5, 60) * MINUTE_MS,
            action: 'merge',
            who: 'hotline',
            parentPlan: parentIndex,
          });
        } else {
          plan.steps = buildSteps(r, plan, pace, 'archived', false);
        }
      } else {
        const stop: Stop =
          kind === 'stuck'
            ? 'stuck'
            : r.weighted([
                ['archived', 75],
                ['fed_back', 15],
                ['closed', 10],
              ] as const);
        plan.steps = buildSteps(r, plan, pace, stop, kind === 'station');
      }
      plans.push(plan);
    }
  }
  return plans;
}

/** The latest earlier plan that a duplicate can be merged into (neither voided nor merged itself). */
function lastMergeable(plans: readonly OrderPlan[], before: number): number | null {
  for (let i = plans.length - 1; i >= Math.max(0, plans.length - 15); i--) {
    const p = plans[i];
    if (p && p.createdAt < before && !p.steps.some((s) => s.action === 'void' || s.action === 'merge')) return i;
  }
  return null;
}

function sameProblem(
  parent: OrderPlan,
): Pick<OrderPlan['input'], 'title' | 'categoryId' | 'workstationId' | 'address'> {
  return {
    title: parent.input.title,
    categoryId: parent.input.categoryId,
    workstationId: parent.input.workstationId,
    address: parent.input.address,
  };
}

/** Where today's showcase orders stand: one for every open state and request, at both stations. */
const SHOWCASE = [
  'reported',
  'accepted',
  'filed',
  'dispatched',
  'handling',
  'return_pending',
  'extension',
  'supervised',
  'parked',
  'handled',
  'verified',
] as const;

/**
 * Orders of the last day stopped exactly where the chief has something to do (待受理 … 待结案, a
 * return, an extension, a 督办 awaiting its reply, one parked), alternating between the two
 * stations: random arrivals alone may leave some of these empty on a given install.
 */
export function showcasePlans(r: Prng, now: number, workstations: readonly DemoWorkstation[]): OrderPlan[] {
  const stations = [...new Set(workstations.map((w) => w.stationId))].sort();
  return SHOWCASE.map((target, i) => {
    const stationId = stations[i % stations.length];
    const pool = workstations.filter((w) => w.stationId === stationId);
    const plan = newPlan(r, now - r.int(8 * 60, 20 * 60) * MINUTE_MS, pool.length > 0 ? pool : workstations, false);
    // Only the 待受理 one waits for the center to take it in; the rest were taken in on the call.
    plan.input =
      target === 'reported'
        ? { ...plan.input, source: 'village', acceptNow: false }
        : { ...plan.input, acceptNow: true };
    if (target === 'reported' || target === 'accepted') return plan;
    const b = new PlanBuilder(r, plan.createdAt, 1);
    b.step(5, 30, { action: 'file', who: 'chief' });
    if (target === 'filed') return { ...plan, steps: b.steps };
    b.step(5, 30, {
      action: 'dispatch',
      who: 'chief',
      handler: { kind: 'station', id: plan.stationId },
      responseLevel: 'patrol',
    });
    if (target === 'return_pending')
      b.step(10, 40, { action: 'request_return', who: 'station', reason: r.pick(WORDS.requestReturn) });
    if (target === 'dispatched' || target === 'return_pending') return { ...plan, steps: b.steps };
    b.step(10, 40, { action: 'receive', who: 'station' });
    if (target === 'extension') {
      b.step(30, 120, {
        action: 'request_extension',
        who: 'station',
        reason: r.pick(WORDS.requestExtension),
        extensionHours: 48,
      });
    } else if (target === 'supervised') {
      b.step(30, 120, { action: 'supervise', who: 'chief', reason: r.pick(WORDS.supervise), dueInMs: DAY_MS });
    } else if (target === 'parked') {
      b.step(30, 120, { action: 'request_park', who: 'station', reason: r.pick(WORDS.requestPark) });
      b.step(10, 60, { action: 'approve_park', who: 'chief' });
    } else if (target === 'handled' || target === 'verified') {
      b.step(60, 180, { action: 'complete', who: 'station', reason: r.pick(WORDS.complete) });
      if (target === 'verified')
        b.step(20, 90, { action: 'verify_pass', who: 'grid', reason: r.pick(WORDS.verifyPass) });
    }
    return { ...plan, steps: b.steps };
  });
}
