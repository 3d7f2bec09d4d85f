import type { ShiftOrgKind } from '../../../common/domain/duty';
import type { Clock } from '../../clock';
import type { Db } from '../../db/connection';
import type { OrgRepo } from '../org/org-repo';
import type { OrderActor } from '../orders/actor';
import { OrderAlerts } from '../orders/order-alerts';
import { OrdersService } from '../orders/orders-service';
import type { SlaClock } from '../orders/sla-port';
import type { TimedStep } from './demo-duty-log';
import { onDutyAt } from './demo-rotation';
import type { DemoPerson } from './demo-staff';
import type { OrderPlan, PlanStep, Who } from './demo-plans';

/** The roster post behind each kind of step, and the unit it is at (the order's station for `station`). */
const POST: Record<Who, { post: string; kind: ShiftOrgKind }> = {
  hotline: { post: 'hotline_officer', kind: 'center' },
  grid: { post: 'grid_officer', kind: 'center' },
  monitor: { post: 'video_monitor', kind: 'center' },
  chief: { post: 'duty_chief', kind: 'center' },
  station: { post: 'station_duty_chief', kind: 'station' },
};

export interface HistoryResult {
  orders: number;
  steps: number;
}

/** Who takes a step of this kind at that time: the person the roster has on that post (else anyone holding it). */
function onDutyActor(
  people: readonly DemoPerson[],
  anchorDate: string,
  who: Who,
  stationId: string,
  at: number,
): OrderActor {
  const { post, kind } = POST[who];
  const unitId = kind === 'center' ? 'HQ-C' : stationId;
  const person =
    onDutyAt(people, unitId, kind, post, at, anchorDate).person ??
    people.find((p) => p.orgUnitId === unitId && p.postCode === post);
  if (!person) throw new Error(`demo history: nobody holds ${post} at ${unitId}`);
  return {
    id: person.id,
    name: person.name,
    roles: person.roles,
    orgUnitId: person.orgUnitId,
    stationId: kind === 'station' ? person.orgUnitId : null,
  };
}

/** A plan's creation (step -1) or one of its steps, at its time. */
interface PlanEvent {
  at: number;
  plan: number;
  step: number;
}

/** Every creation and step before now, in time order (the same instant: in plan, then step order). */
function planEvents(plans: readonly OrderPlan[], now: number): PlanEvent[] {
  const events: PlanEvent[] = [];
  plans.forEach((p, plan) => {
    if (p.createdAt >= now) return;
    events.push({ at: p.createdAt, plan, step: -1 });
    p.steps.forEach((s, step) => {
      if (s.at < now) events.push({ at: s.at, plan, step });
    });
  });
  events.sort((a, b) => a.at - b.at || a.plan - b.plan || a.step - b.step);
  return events;
}

/**
 * Replays the plans through the order service itself, on a clock of its own that walks through the
 * 60 days in time order: every order gets its code, SLA marks, history rows, supervisions and
 * deadline alerts (OrderAlerts.sweep at each step, as the hub's timer would have) exactly as if the
 * people on duty had taken each step then. `alongside` (the duty ledger's steps, demo-duty-log.ts)
 * run between them in time order, so a handover summary counts the orders open at its time. A step
 * the state machine refuses throws: the plans are wrong, and the whole demo seeding (one
 * transaction) is rolled back.
 */
export function replayHistory(
  db: Db,
  org: OrgRepo,
  sla: SlaClock,
  people: readonly DemoPerson[],
  anchorDate: string,
  plans: readonly OrderPlan[],
  now: number,
  alongside: readonly TimedStep[] = [],
): HistoryResult {
  let t = 0;
  const clock: Clock = () => t;
  const orders = new OrdersService(db, org, sla, clock);
  const alerts = new OrderAlerts(db, clock);
  const actorAt = (who: Who, stationId: string, at: number) => onDutyActor(people, anchorDate, who, stationId, at);
  const events = planEvents(plans, now);

  const ids = new Map<number, number>();
  let steps = 0;
  // Stable by time: steps of the same instant keep the order they were planned in.
  const others = [...alongside].filter((s) => s.at < now).sort((a, b) => a.at - b.at);
  let other = 0;
  const runOthersBefore = (at: number) => {
    for (; other < others.length && (others[other]?.at ?? Infinity) < at; other++) others[other]?.run();
  };
  for (const e of events) {
    runOthersBefore(e.at);
    t = e.at;
    alerts.sweep();
    const plan = plans[e.plan];
    if (!plan) continue;
    if (e.step < 0) {
      const change = orders.create(
        {
          ...plan.input,
          lat: null,
          lng: null,
          cameraId: null,
          attachmentIds: [],
          responseLevel: 'patrol',
        },
        actorAt(plan.creator, plan.stationId, t),
      );
      ids.set(e.plan, change.id);
      // orders.create's handler raises the 特急 alert in the same transaction (order-handlers.ts).
      if (change.critical) alerts.raise(change.id, 'critical');
      continue;
    }
    const step: PlanStep | undefined = plan.steps[e.step];
    const id = ids.get(e.plan);
    if (!step || id === undefined) continue;
    const parentId = step.parentPlan === undefined ? undefined : ids.get(step.parentPlan);
    orders.act(
      {
        id,
        action: step.action,
        reason: step.reason,
        attachmentIds: [],
        handler: step.handler,
        responseLevel: step.responseLevel,
        extensionHours: step.extensionHours,
        parentId,
        supervisionDueAt: step.dueInMs === undefined ? undefined : t + step.dueInMs,
        feedbackResult: step.feedbackResult,
      },
      actorAt(step.who, plan.stationId, t),
    );
    steps++;
  }
  runOthersBefore(now);
  t = now;
  alerts.sweep();
  return { orders: ids.size, steps };
}
