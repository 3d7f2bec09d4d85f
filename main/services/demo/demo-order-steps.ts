import type { HandlerRef } from '../../../common/contract';
import { DAY_MS, MINUTE_MS } from '../../../common/domain/time';
import { FEEDBACK, WORDS } from './demo-catalog';
import type { OrderPlan, PlanStep, Who } from './demo-plans';
import type { Prng } from './prng';

const HOUR_MS = 60 * MINUTE_MS;

/** Departments by problem domain (resources/seed/departments.json). */
const DEPARTMENTS: Record<string, readonly string[]> = {
  '01': ['DEP-CG', 'DEP-LH'],
  '02': ['DEP-WATER', 'DEP-POWER', 'DEP-LH'],
  '03': ['DEP-FG', 'DEP-GT'],
  '04': ['DEP-JJ'],
  '05': ['DEP-GA', 'DEP-SJ', 'DEP-AJ', 'DEP-GAS'],
};

/** Where a finished path stops (old orders): mostly archived, some awaiting feedback or archiving. */
export type Stop = 'archived' | 'fed_back' | 'closed' | 'stuck';

export class PlanBuilder {
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

/** On the way to completion a few orders are pressed (督办), extended or parked. */
function planDetours(b: PlanBuilder, r: Prng, handlerWho: Who): void {
  const say = (words: readonly string[]) => r.pick(words);
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
}

/** Builds the steps of one order after its creation: the lifecycle a center goes through every day. */
export function buildSteps(r: Prng, plan: OrderPlan, pace: number, stop: Stop, station: boolean): PlanStep[] {
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
    planDetours(b, r, handlerWho);
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
