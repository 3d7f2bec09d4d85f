import { ORDER_STATE_NAMES, type OrderState } from './states';
import type { OrderAction, PendingRequest } from './transitions';

/**
 * The order actions' names in both languages, for texts main writes (error messages). The console's
 * buttons and history use its own i18n (orders.action.*); a unit test keeps the two the same.
 */
export const ORDER_ACTION_NAMES: Record<OrderAction | 'create', { zh: string; en: string }> = {
  create: { zh: '登记', en: 'Registered' },
  accept: { zh: '受理', en: 'Accept' },
  file: { zh: '立案', en: 'File' },
  dispatch: { zh: '派遣', en: 'Dispatch' },
  redispatch: { zh: '改派', en: 'Redispatch' },
  receive: { zh: '接单', en: 'Receive' },
  request_return: { zh: '退单', en: 'Return' },
  approve_return: { zh: '同意退单', en: 'Approve return' },
  reject_return: { zh: '驳回退单', en: 'Reject return' },
  complete: { zh: '处置完成', en: 'Complete' },
  self_handle: { zh: '自处理', en: 'Self-handle' },
  verify_pass: { zh: '核查通过', en: 'Verify: pass' },
  verify_fail: { zh: '核查不通过（返工）', en: 'Verify: fail (rework)' },
  close: { zh: '结案', en: 'Close' },
  feedback: { zh: '回访反馈', en: 'Feedback' },
  archive: { zh: '存档', en: 'Archive' },
  request_extension: { zh: '申请延时', en: 'Request extension' },
  approve_extension: { zh: '同意延时', en: 'Approve extension' },
  reject_extension: { zh: '驳回延时', en: 'Reject extension' },
  request_park: { zh: '申请挂账', en: 'Request parking' },
  approve_park: { zh: '同意挂账', en: 'Approve parking' },
  reject_park: { zh: '驳回挂账', en: 'Reject parking' },
  resume: { zh: '恢复', en: 'Resume' },
  void: { zh: '作废', en: 'Void' },
  merge: { zh: '合并', en: 'Merge' },
  supervise: { zh: '督办', en: 'Supervise' },
  reply_supervision: { zh: '督办回复', en: 'Reply to supervision' },
};

const PENDING_NAMES: Record<Exclude<PendingRequest, null>, { zh: string; en: string }> = {
  extension: { zh: '延时', en: 'extension' },
  park: { zh: '挂账', en: 'parking' },
};

/**
 * The E_CONFLICT message of a step the order's state does not allow, each language in its own words
 * (no state or action codes in the text; the codes travel in the error's details).
 */
export function orderConflictMessage(
  state: OrderState,
  pending: PendingRequest,
  action: OrderAction,
): { zh: string; en: string } {
  const s = ORDER_STATE_NAMES[state];
  const a = ORDER_ACTION_NAMES[action];
  const p = pending === null ? null : PENDING_NAMES[pending];
  return {
    zh: `工单当前状态为 ${s.zh}${p ? `（${p.zh}申请待审批）` : ''}，不能${a.zh}`,
    en: `The order is “${s.en}”${p ? ` with a pending ${p.en} request` : ''}; “${a.en}” is not possible now`,
  };
}

/** The E_FORBIDDEN message of a step the caller's role or station does not allow. */
export function orderForbiddenMessage(action: OrderAction): { zh: string; en: string } {
  const a = ORDER_ACTION_NAMES[action];
  return { zh: `无权对该工单执行「${a.zh}」`, en: `You may not take the step “${a.en}” on this order` };
}
