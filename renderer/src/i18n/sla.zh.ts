/** Time limits and the work calendar — Chinese; spread into zh-CN.ts. */
export const slaMessagesZh = {
  sla: {
    title: '时限与日历',
    limitsTitle: '处置时限（分类 × 紧急度）',
    calendarTitle: '节假日与调休',
    allCategories: '默认（全部分类）',
    addLimit: '新增时限：',
    add: '添加',
    days: '{{d}} 天',
    hours: '{{h}} 小时',
    minutes: '{{m}} 分钟',
    mode: {
      natural: '自然时',
      working: '工作时',
    },
    column: {
      category: '分类',
      minutes: '时限（分钟）',
      mode: '计时方式',
    },
    calendar: {
      year: '年份',
      rule: '未列出的日期按周一至周五上班、周末休息计算。',
      date: '日期',
      weekday: '星期',
      kind: '类型',
      name: '名称',
      namePlaceholder: '如“国庆节”',
      holiday: '节假日',
      workday: '调休上班',
      remove: '移除',
      removeConfirm: '将 {{date}} 恢复为按周一至周五计算？',
    },
  },
};
