import type { HandlerRef } from '../../../common/contract';
import type { OrderSource, ResponseLevel, Urgency } from '../../../common/domain/orders/states';
import type { OrderAction } from '../../../common/domain/orders/transitions';
import { dayStart, shanghaiDay } from '../../../common/domain/time';
import { FEEDBACK, PROBLEMS, REPORTERS, ROADS, SPOTS, WORDS, type DemoFeedbackResult } from './demo-catalog';
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

/** Departments by problem domain (resources/seed/departments.json). */
const DEPARTMENTS: Record<string, readonly string[]> = {
  '01': ['DEP-CG', 'DEP-LH'],
  '02': ['DEP-WATER', 'DEP-POWER', 'DEP-LH'],
  '03': ['DEP-FG', 'DEP-GT'],
  '04': ['DEP-JJ'],
  '05': ['DEP-GA', 'DEP-SJ', 'DEP-AJ', 'DEP-GAS'],
};

/** How fast each urgency moves: a 特急 order's steps take minutes, a normal one's hours. */
const PACE: Record<Urgency, number> = { normal: 1, urgent: 0.3, critical: 0.06 };

/** Where a finished path stops (old orders): mostly archived, some awaiting feedback or archiving. */
type Stop = 'archived' | 'fed_back' | 'closed' | 'stuck';

class PlanBuilder {
  readonly steps: PlanStep[] = [];
  private t: number;

  constructor(
    private readonly r: Prng,
    start: number,
    private readonly pace: number,
  ) {
    this.t = start;
  }

  /** The next step, `lo`–`hi` minutes (scaled by the urgency's pace, at least one) after the last. */
  step(lo: number, hi: number, s: Omit<PlanStep, 'at'>): PlanStep {
    this.t += Math.max(1, Math.round(this.r.int(lo, hi) * this.pace)) * MINUTE_MS;
    const full = { ...s, at: this.t };
    this.steps.push(full);
    return full;
  }

  get time(): number {
    return this.t;
  }
}

/** Builds the steps of one order after its creation: the lifecycle a center goes through every day. */
function buildSteps(r: Prng, plan: OrderPlan, pace: number, stop: Stop, station: boolean): PlanStep[] {
  const b = new PlanBuilder(r, plan.createdAt, pace);
  const say = (words: readonly string[]) => r.pick(words);
  const domain = plan.input.categoryId.slice(0, 2);
  if (!plan.input.acceptNow) b.step(5, 40, { action: 'accept', who: 'hotline' });
  if (station) {
    // A station's own patrol find, solved on the spot (自处理).
    b.step(10, 120, { action: 'self_handle', who: 'station', reason: say(WORDS.selfHandle) });
  } else {
    b.step(5, 60, { action: 'file', who: 'chief' });
    const toDept = r.chance(0.2);
    const deptId = r.pick(DEPARTMENTS[domain] ?? ['DEP-CG']);
    const handler: HandlerRef = toDept
      ? { kind: 'department', id: deptId }
      : r.chance(0.2)
        ? { kind: 'workstation', id: plan.input.workstationId }
        : { kind: 'station', id: plan.stationId };
    // A department's progress is recorded by the center's chief; a station records its own.
    let handlerWho: Who = toDept ? 'chief' : 'station';
    b.step(3, 40, { action: 'dispatch', who: 'chief', handler, responseLevel: toDept ? 'joint' : 'patrol' });
    if (handlerWho === 'station' && r.chance(0.1)) {
      b.step(10, 90, { action: 'request_return', who: 'station', reason: say(WORDS.requestReturn) });
      if (r.chance(0.7)) {
        b.step(10, 60, { action: 'approve_return', who: 'chief', reason: say(WORDS.approveReturn) });
        b.step(5, 30, { action: 'dispatch', who: 'chief', handler: { kind: 'department', id: deptId } });
        handlerWho = 'chief';
      } else {
        b.step(10, 60, { action: 'reject_return', who: 'chief', reason: say(WORDS.rejectReturn) });
      }
    }
    b.step(10, 90, { action: 'receive', who: handlerWho });
    if (handlerWho === 'station' && r.chance(0.04)) {
      b.step(30, 120, {
        action: 'redispatch',
        who: 'station',
        reason: say(WORDS.redispatch),
        handler: { kind: 'department', id: deptId },
      });
      handlerWho = 'chief';
      b.step(10, 60, { action: 'receive', who: 'chief' });
    }
    if (stop === 'stuck') {
      // Left open past its deadline; the chief presses (督办) and the handler answers.
      b.step(60 * 30, 60 * 50, { action: 'supervise', who: 'chief', reason: say(WORDS.supervise), dueInMs: DAY_MS });
      if (r.chance(0.6))
        b.step(60, 300, { action: 'reply_supervision', who: handlerWho, reason: say(WORDS.replySupervision) });
      return b.steps;
    }
    if (r.chance(0.1)) {
      b.step(60, 600, { action: 'supervise', who: 'chief', reason: say(WORDS.supervise), dueInMs: 12 * HOUR_MS });
      b.step(30, 300, { action: 'reply_supervision', who: handlerWho, reason: say(WORDS.replySupervision) });
    }
    if (r.chance(0.1)) {
      b.step(60, 600, {
        action: 'request_extension',
        who: handlerWho,
        reason: say(WORDS.requestExtension),
        extensionHours: r.pick([24, 48, 72]),
      });
      if (r.chance(0.75)) b.step(20, 120, { action: 'approve_extension', who: 'chief' });
      else b.step(20, 120, { action: 'reject_extension', who: 'chief', reason: say(WORDS.rejectExtension) });
    } else if (r.chance(0.04)) {
      b.step(60, 600, { action: 'request_park', who: handlerWho, reason: say(WORDS.requestPark) });
      b.step(30, 240, { action: 'approve_park', who: 'chief' });
      b.step(60 * 24 * 2, 60 * 24 * 6, { action: 'resume', who: 'chief', reason: say(WORDS.resume) });
    }
    // A few take far longer than their limit and close late (red in the ledger).
    const slow = r.chance(0.08);
    b.step(slow ? 60 * 24 * 4 : 90, slow ? 60 * 24 * 6 : 1500, {
      action: 'complete',
      who: handlerWho,
      reason: say(WORDS.complete),
    });
    if (r.chance(0.1)) {
      b.step(30, 360, { action: 'verify_fail', who: 'grid', reason: say(WORDS.verifyFail) });
      b.step(60, 900, { action: 'complete', who: handlerWho, reason: say(WORDS.complete) });
    }
  }
  b.step(30, 360, { action: 'verify_pass', who: 'grid', reason: say(WORDS.verifyPass) });
  b.step(20, 180, { action: 'close', who: 'chief' });
  if (stop === 'closed') return b.steps;
  const [feedbackResult, notes] = r.weighted(
    FEEDBACK.map(([result, words, weight]) => [[result, words], weight] as const),
  );
  b.step(60 * 4, 60 * 36, { action: 'feedback', who: 'hotline', reason: notes, feedbackResult });
  if (stop === 'fed_back') return b.steps;
  b.step(60 * 24, 60 * 24 * 5, { action: 'archive', who: 'chief' });
  return b.steps;
}

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
