/** Chinese strings of the 待办 inbox, its badges and the alert drawer; merged as `inbox`. */
export const inboxZh = {
  nav: '待办',
  title: '我的待办',
  empty: '没有待办事项',
  all: '全部',
  statusTitle: '待办：需要您处理的事项',
  kind: {
    approval: '待审批',
    supervision: '督办待回复',
    dispatched: '派给本站',
    verify: '待核查',
    feedback: '待回访',
  },
  request: { extension: '延时申请', park: '挂账申请', return: '退单申请' },
  column: {
    kind: '事项',
    order: '工单',
    urgency: '紧急程度',
    since: '发起时间',
    due: '期限',
    by: '发起人',
    note: '原因 / 内容',
  },
  notice: {
    approval: '{{request}}待审批',
    supervision: '督办待回复',
    dispatched: '新派单',
    verify: '待核查',
    feedback: '待回访',
  },
  drawer: {
    title: '提醒与待办',
    open: '打开提醒',
    alerts: '时限预警',
    tasks: '待办事项',
    viewAll: '查看全部待办',
  },
  supervisionDefault: '留空则按「剩余时限过半」：剩余时间的一半，至少 1 小时，不晚于时限',
  supervisionFollowUp: '该工单已有未回复的督办，本次将作为催办追加到原督办',
  gone: '工单 {{code}} 已不在您的处理范围内（已改派、退回或无权查看）',
  followUp: '催办',
};
export type InboxMessages = typeof inboxZh;
