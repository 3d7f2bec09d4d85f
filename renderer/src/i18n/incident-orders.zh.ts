/** Chinese strings of orders in incident mode (pinned orders, the 关联事件 filter, linking); merged as `incidentOrders`. */
export const incidentOrdersZh = {
  /** The short level on the list's tag (the full name is in the tooltip). */
  level: { IV: 'Ⅳ级', III: 'Ⅲ级', II: 'Ⅱ级', I: 'Ⅰ级' },
  tag: '事件',
  drill: '演练',
  closedTag: '事件（已结束）',
  tagTitle: '关联应急事件：{{name}}',
  filter: {
    placeholder: '关联事件',
    running: '进行中',
    closed: '已结束',
    option: '{{type}} {{level}} · {{name}}',
    closedOption: '{{type}} · {{name}}（{{date}}）',
  },
  link: {
    action: '关联到当前事件',
    title: '关联到当前事件',
    confirm: '将工单 {{code}} 关联到以下应急事件：',
    choose: '同时有多个事件进行中，请选择：',
    ok: '关联',
    done: '已关联到事件：{{name}}',
    linked: '已关联事件',
  },
  card: {
    action: '关联已有工单',
    title: '关联已有工单',
    order: '工单',
    placeholder: '输入工单编号或标题中的词',
    hint: '至少输入两个字',
    none: '没有找到工单',
    alreadyLinked: '已关联事件',
    ok: '关联',
    done: '已关联工单 {{code}}',
  },
};
