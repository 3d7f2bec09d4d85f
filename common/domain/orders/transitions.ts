import type { Role } from '../roles';
import { FINISHED_STATES, ORDER_STATES, type OrderState } from './states';

export const ORDER_ACTIONS = [
  'accept', // 受理
  'file', // 立案
  'dispatch', // 派遣
  'redispatch', // 改派 / 站点再派
  'receive', // 接单
  'request_return', // 退单
  'approve_return',
  'reject_return',
  'complete', // 处置完成
  'self_handle', // 自处理 (站内解决)
  'verify_pass', // 核查通过
  'verify_fail', // 核查不通过 → 返工
  'close', // 结案
  'feedback', // 回访反馈
  'archive', // 存档
  'request_extension', // 延时申请
  'approve_extension',
  'reject_extension',
  'request_park', // 挂账申请
  'approve_park',
  'reject_park',
  'resume', // 挂账恢复
  'void', // 作废
  'merge', // 合并
  'supervise', // 督办
  'reply_supervision', // 督办回复
] as const;
export type OrderAction = (typeof ORDER_ACTIONS)[number];

export type PendingRequest = 'extension' | 'park' | null;

/**
 * 'any': every holder of the role may act; 'own': only a holder whose station is the order's
 * station (a station user acts only on orders of their station).
 */
export type Scope = 'any' | 'own';

export interface ActionRule {
  from: readonly OrderState[];
  /** 'same': the state does not change; 'previous': back to the state before return/park. */
  to: OrderState | 'same' | 'previous';
  roles: Partial<Record<Role, Scope>>;
  reason: 'required' | 'optional';
  /** Precondition on the order's pending request. */
  pending?: PendingRequest | 'any';
  /** Only while a supervision (督办) awaits its reply. */
  needsOpenSupervision?: true;
}

const OPEN: readonly OrderState[] = ORDER_STATES.filter((s) => !FINISHED_STATES.includes(s));
const INTAKE_ROLES = { hotline_officer: 'any', grid_officer: 'any', video_monitor: 'any', duty_chief: 'any' } as const;
const CHIEF = { duty_chief: 'any' } as const;
const AT_HANDLER: readonly OrderState[] = ['dispatched', 'handling'];

/** The whole lifecycle as data; main enforces it, the UI offers exactly what it allows. */
export const ORDER_RULES: Record<OrderAction, ActionRule> = {
  accept: { from: ['reported'], to: 'accepted', roles: INTAKE_ROLES, reason: 'optional' },
  file: { from: ['accepted'], to: 'filed', roles: CHIEF, reason: 'optional' },
  dispatch: { from: ['filed'], to: 'dispatched', roles: CHIEF, reason: 'optional', pending: null },
  redispatch: {
    from: AT_HANDLER,
    to: 'dispatched',
    roles: { duty_chief: 'any', station_chief: 'own' },
    reason: 'required',
    pending: null,
  },
  receive: {
    from: ['dispatched'],
    to: 'handling',
    roles: { station_chief: 'own', duty_chief: 'any' },
    reason: 'optional',
  },
  request_return: {
    from: AT_HANDLER,
    to: 'return_pending',
    roles: { station_chief: 'own' },
    reason: 'required',
    pending: null,
  },
  approve_return: { from: ['return_pending'], to: 'filed', roles: CHIEF, reason: 'optional' },
  reject_return: { from: ['return_pending'], to: 'previous', roles: CHIEF, reason: 'required' },
  complete: {
    from: ['handling'],
    to: 'handled',
    roles: { station_chief: 'own', duty_chief: 'any' },
    reason: 'optional',
  },
  self_handle: {
    from: ['reported', 'accepted', 'filed', 'dispatched'],
    to: 'handled',
    roles: { station_chief: 'own' },
    reason: 'required',
  },
  verify_pass: {
    from: ['handled'],
    to: 'verified',
    roles: { duty_chief: 'any', grid_officer: 'any' },
    reason: 'optional',
  },
  verify_fail: {
    from: ['handled'],
    to: 'handling',
    roles: { duty_chief: 'any', grid_officer: 'any' },
    reason: 'required',
  },
  close: { from: ['verified'], to: 'closed', roles: CHIEF, reason: 'optional' },
  feedback: {
    from: ['closed'],
    to: 'fed_back',
    roles: { hotline_officer: 'any', grid_officer: 'any', duty_chief: 'any' },
    reason: 'required',
  },
  archive: { from: ['fed_back'], to: 'archived', roles: CHIEF, reason: 'optional' },
  request_extension: {
    from: AT_HANDLER,
    to: 'same',
    roles: { station_chief: 'own', duty_chief: 'any' },
    reason: 'required',
    pending: null,
  },
  approve_extension: { from: AT_HANDLER, to: 'same', roles: CHIEF, reason: 'optional', pending: 'extension' },
  reject_extension: { from: AT_HANDLER, to: 'same', roles: CHIEF, reason: 'required', pending: 'extension' },
  request_park: {
    from: AT_HANDLER,
    to: 'same',
    roles: { station_chief: 'own', duty_chief: 'any' },
    reason: 'required',
    pending: null,
  },
  approve_park: { from: AT_HANDLER, to: 'parked', roles: CHIEF, reason: 'optional', pending: 'park' },
  reject_park: { from: AT_HANDLER, to: 'same', roles: CHIEF, reason: 'required', pending: 'park' },
  resume: { from: ['parked'], to: 'previous', roles: CHIEF, reason: 'optional' },
  void: { from: OPEN, to: 'voided', roles: CHIEF, reason: 'required' },
  merge: {
    from: ['reported', 'accepted', 'filed'],
    to: 'merged',
    roles: { duty_chief: 'any', hotline_officer: 'any', grid_officer: 'any' },
    reason: 'optional',
  },
  supervise: { from: OPEN, to: 'same', roles: CHIEF, reason: 'required' },
  reply_supervision: {
    from: OPEN,
    to: 'same',
    roles: { station_chief: 'own', duty_chief: 'any' },
    reason: 'required',
    needsOpenSupervision: true,
  },
};

export interface OrderFacts {
  state: OrderState;
  /** The state to return to after a rejected return or a resumed park. */
  previousState: OrderState | null;
  pending: PendingRequest;
  /** The joint-duty station responsible for the order, if any. */
  stationId: string | null;
  /** A supervision (督办) of the order awaits its reply. */
  openSupervision: boolean;
}

export interface Actor {
  roles: readonly Role[];
  orgUnitId: string;
}

export type Decision =
  | { ok: true; to: OrderState }
  | { ok: false; why: 'state' | 'role' | 'scope' | 'pending' | 'no_previous' | 'no_supervision' };

/** Whether `actor` may take `action` on an order now, and the state it leads to. Pure. */
export function decide(order: OrderFacts, action: OrderAction, actor: Actor): Decision {
  const rule = ORDER_RULES[action];
  const scopes = actor.roles.flatMap((r) => {
    const s = rule.roles[r];
    return s ? [s] : [];
  });
  if (scopes.length === 0) return { ok: false, why: 'role' };
  if (!scopes.includes('any') && order.stationId !== actor.orgUnitId) return { ok: false, why: 'scope' };
  if (!rule.from.includes(order.state)) return { ok: false, why: 'state' };
  if (rule.pending !== undefined && rule.pending !== 'any' && rule.pending !== order.pending) {
    return { ok: false, why: 'pending' };
  }
  if (rule.needsOpenSupervision && !order.openSupervision) return { ok: false, why: 'no_supervision' };
  if (rule.to === 'same') return { ok: true, to: order.state };
  if (rule.to === 'previous') {
    return order.previousState ? { ok: true, to: order.previousState } : { ok: false, why: 'no_previous' };
  }
  return { ok: true, to: rule.to };
}

/** Every action the actor may take now (what the order drawer offers). */
export function availableActions(order: OrderFacts, actor: Actor): OrderAction[] {
  return ORDER_ACTIONS.filter((a) => decide(order, a, actor).ok);
}
