import type { OrderAction } from '../../../../common/domain/orders/transitions';
import { ORDER_RULES } from '../../../../common/domain/orders/transitions';

/** Steps where the operator shows what was done or found: photos, recordings, video. */
const WITH_ATTACHMENTS: ReadonlySet<OrderAction> = new Set([
  'complete',
  'self_handle',
  'verify_pass',
  'verify_fail',
  'feedback',
  'request_return',
  'request_park',
  'request_extension',
  'reply_supervision',
]);

/** What the small form of each action asks for (the hub decides; this only shapes the form). */
export interface ActionFields {
  reasonRequired: boolean;
  attachments: boolean;
  handler: boolean;
  responseLevel: boolean;
  extensionHours: boolean;
  parent: boolean;
  supervisionDue: boolean;
  /** 回访结果 (满意 / 基本满意 / 不满意 / 未联系上), required by the hub on feedback. */
  feedbackResult: boolean;
}

export function actionFields(action: OrderAction): ActionFields {
  return {
    reasonRequired: ORDER_RULES[action].reason === 'required',
    attachments: WITH_ATTACHMENTS.has(action),
    handler: action === 'dispatch' || action === 'redispatch',
    responseLevel: action === 'dispatch',
    extensionHours: action === 'request_extension',
    parent: action === 'merge',
    supervisionDue: action === 'supervise',
    feedbackResult: action === 'feedback',
  };
}

/** Buttons drawn as the main step forward, or as a warning. */
export const PRIMARY_ACTIONS: ReadonlySet<OrderAction> = new Set([
  'accept',
  'file',
  'dispatch',
  'receive',
  'complete',
  'self_handle',
  'verify_pass',
  'close',
  'feedback',
  'archive',
  'approve_return',
  'approve_extension',
  'approve_park',
  'resume',
]);
export const DANGER_ACTIONS: ReadonlySet<OrderAction> = new Set(['void', 'verify_fail']);
