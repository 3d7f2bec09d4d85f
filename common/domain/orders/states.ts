/**
 * Work-order states (docs/domain.md#the-order-lifecycle: the seven stages of 数字城管 mapped onto the seed's verbs).
 * Codes are stable and stored; names are for display.
 */
export const ORDER_STATES = [
  'reported', // 待受理   信息收集
  'accepted', // 待立案   受理 done
  'filed', // 待派遣      案卷建立
  'dispatched', // 待接单  任务派遣
  'handling', // 处置中    任务处理
  'return_pending', // 退单待审
  'parked', // 已挂账 (clock paused)
  'handled', // 待核查    处理反馈 (from the handler)
  'verified', // 待结案   核查通过
  'closed', // 已结案     核查结案
  'fed_back', // 已回访   反馈 to the reporter
  'archived', // 已存档   综合评价 / 存档
  'voided', // 已作废
  'merged', // 已合并 into a parent
] as const;
export type OrderState = (typeof ORDER_STATES)[number];

export const ORDER_STATE_NAMES: Record<OrderState, { zh: string; en: string }> = {
  reported: { zh: '待受理', en: 'Reported' },
  accepted: { zh: '待立案', en: 'Accepted' },
  filed: { zh: '待派遣', en: 'Filed' },
  dispatched: { zh: '待接单', en: 'Dispatched' },
  handling: { zh: '处置中', en: 'Handling' },
  return_pending: { zh: '退单待审', en: 'Return requested' },
  parked: { zh: '已挂账', en: 'Parked' },
  handled: { zh: '待核查', en: 'Awaiting verification' },
  verified: { zh: '待结案', en: 'Verified' },
  closed: { zh: '已结案', en: 'Closed' },
  fed_back: { zh: '已回访', en: 'Feedback given' },
  archived: { zh: '已存档', en: 'Archived' },
  voided: { zh: '已作废', en: 'Voided' },
  merged: { zh: '已合并', en: 'Merged' },
};

/** States in which the order's clock no longer runs and nothing but feedback/archive happens. */
export const FINISHED_STATES: readonly OrderState[] = ['closed', 'fed_back', 'archived', 'voided', 'merged'];

export function isOpen(state: OrderState): boolean {
  return !FINISHED_STATES.includes(state);
}

export const URGENCIES = ['normal', 'urgent', 'critical'] as const;
export type Urgency = (typeof URGENCIES)[number];
export const URGENCY_NAMES: Record<Urgency, { zh: string; en: string }> = {
  normal: { zh: '一般', en: 'Normal' },
  urgent: { zh: '紧急', en: 'Urgent' },
  critical: { zh: '特急', en: 'Critical' },
};

/** 三级工作模式: 一般问题站内解决，突出问题中心解决，重大问题联动处置. */
export const RESPONSE_LEVELS = ['patrol', 'joint', 'linkage'] as const;
export type ResponseLevel = (typeof RESPONSE_LEVELS)[number];
export const RESPONSE_LEVEL_NAMES: Record<ResponseLevel, { zh: string; en: string }> = {
  patrol: { zh: '日常巡勤', en: 'Routine patrol' },
  joint: { zh: '联勤呼应', en: 'Joint-duty response' },
  linkage: { zh: '联动响应', en: 'Linkage response' },
};

export const SOURCES = ['video', 'grid', 'hotline', 'village', 'patrol', 'open311'] as const;
export type OrderSource = (typeof SOURCES)[number];
export const SOURCE_NAMES: Record<OrderSource, { zh: string; en: string }> = {
  video: { zh: '视频', en: 'Video' },
  grid: { zh: '网格', en: 'Grid' },
  hotline: { zh: '热线', en: 'Hotline' },
  village: { zh: '村居', en: 'Village' },
  patrol: { zh: '巡查', en: 'Patrol' },
  open311: { zh: 'Open311', en: 'Open311' },
};

/** Who is working the order now. */
export const HANDLER_KINDS = ['station', 'department', 'workstation'] as const;
export type HandlerKind = (typeof HANDLER_KINDS)[number];
