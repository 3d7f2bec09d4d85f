/** The KPI benchmark's order lives: the history steps of one synthetic order, as the KPIs read them. */
import type { OrderState } from '../../common/domain/orders/states';
import { random } from './orders-bench-data';

export type HandlerKind = 'station' | 'department' | 'workstation';

/** One history row to insert: action, state reached, optional JSON detail. */
export interface Step {
  action: string;
  to: OrderState;
  detail: string | null;
}

/** What shapes an order's life beyond its final state. */
export interface Life {
  state: OrderState;
  handlerKind: HandlerKind | null;
  /** returned once by the handler and dispatched again (退单) */
  returned: boolean;
  /** 返工 rounds (核查不通过), 0–2 */
  reworks: number;
  /** the station handled it itself (自处理) instead of a dispatch */
  selfHandled: boolean;
  /** parked for a while (挂账 approved, then resumed) */
  parkedOnce: boolean;
  /** supervised (督办) and replied */
  supervised: boolean;
}

/** The way to 结案 and beyond, in order; an open order stops where its state is first reached. */
function road(life: Life): Step[] {
  const dispatch = (): Step => ({
    action: 'dispatch',
    to: 'dispatched',
    detail: JSON.stringify({ handlerKind: life.handlerKind ?? 'department' }),
  });
  const steps: Step[] = [
    { action: 'create', to: 'reported', detail: null },
    { action: 'accept', to: 'accepted', detail: null },
    { action: 'file', to: 'filed', detail: null },
  ];
  if (life.selfHandled) {
    steps.push({ action: 'self_handle', to: 'handled', detail: null });
  } else {
    steps.push(dispatch());
    if (life.returned) {
      steps.push({ action: 'request_return', to: 'return_pending', detail: null });
      steps.push({ action: 'approve_return', to: 'filed', detail: null });
      steps.push(dispatch());
    }
    steps.push({ action: 'receive', to: 'handling', detail: null });
    if (life.parkedOnce) {
      steps.push({ action: 'approve_park', to: 'parked', detail: null });
      steps.push({ action: 'resume', to: 'handling', detail: null });
    }
    if (life.supervised) steps.push({ action: 'supervise', to: 'handling', detail: null });
    steps.push({ action: 'complete', to: 'handled', detail: null });
    if (life.supervised) steps.push({ action: 'reply_supervision', to: 'handled', detail: null });
  }
  for (let r = 0; r < life.reworks; r++) {
    steps.push({ action: 'verify_fail', to: 'handling', detail: null });
    steps.push({ action: 'complete', to: 'handled', detail: null });
  }
  steps.push(
    { action: 'verify_pass', to: 'verified', detail: null },
    { action: 'close', to: 'closed', detail: null },
    { action: 'feedback', to: 'fed_back', detail: null },
    { action: 'archive', to: 'archived', detail: null },
  );
  return steps;
}

/** The steps of an order in its final state: withdrawn ones end early, open ones where the state is reached. */
export function stepsOf(life: Life): Step[] {
  const all = road(life);
  if (life.state === 'voided') {
    const cut = 1 + Math.floor(random() * 4);
    return [...all.slice(0, cut), { action: 'void', to: 'voided', detail: null }];
  }
  if (life.state === 'merged') return [all[0]!, { action: 'merge', to: 'merged', detail: null }];
  // An open order stops at the last occurrence of its state (a rework's 处置中 comes after the first);
  // the seeder sets the flags so that its state is on the road (退单待审 returned, 挂账 parked).
  let end = all.length - 1;
  all.forEach((s, i) => {
    if (s.to === life.state) end = i;
  });
  return all.slice(0, end + 1);
}

/** The supervision's due time goes into the 督办 step's detail once its time is known. */
export function withSupervisionDue(step: Step, at: number): Step {
  if (step.action !== 'supervise') return step;
  return { ...step, detail: JSON.stringify({ dueAt: at + 2 * 86_400_000 }) };
}
