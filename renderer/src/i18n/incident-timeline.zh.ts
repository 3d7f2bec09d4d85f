/** 应急事件时间线条目的措辞（键 = common/domain/incidents/timeline-keys.ts）。人名、标题与备注按原样显示。 */
export const incidentTimelineZh = {
  entry: {
    'timeline.activated':
      '启动应急响应：{{incidentType}} {{level}}；影响范围：{{areas}}；指挥：{{commander}}；情况：{{note}}',
    'timeline.drillActivated':
      '启动演练：{{incidentType}} {{level}}；影响范围：{{areas}}；指挥：{{commander}}；情况：{{note}}',
    'timeline.levelUp': '升级：{{fromLevel}} → {{level}}；原因：{{note}}',
    'timeline.levelDown': '降级：{{fromLevel}} → {{level}}；原因：{{note}}',
    'timeline.closed': '结束应急响应：{{note}}',
    'timeline.drillClosed': '结束演练：{{note}}',
    'timeline.tick': '完成：{{note}}',
    'timeline.untick': '撤销完成：{{note}}',
    'timeline.report': '报送{{reportKind}}：{{note}}',
    'timeline.reportLate': '报送{{reportKind}}（超时）：{{note}}',
    'timeline.reportMissed': '{{reportKind}}未在时限内报送（应于 {{dueAt}} 前报送）',
    'timeline.orderLinked': '关联工单 {{code}}「{{title}}」',
    'timeline.orderCreatedLinked': '新建并关联工单 {{code}}「{{title}}」',
    'timeline.notified': '通知{{who}}（{{channel}}{{phone}}）{{note}}',
    'timeline.confirmedConsole': '{{name}}确认收到（{{channel}}）{{note}}',
    'timeline.confirmedReply': '记录{{name}}回复确认（{{channel}}）{{note}}',
  },
  part: {
    listSeparator: '、',
    noteAfter: '：{{note}}',
    titled: '{{name}}（{{title}}）',
  },
};

export type IncidentTimelineTexts = typeof incidentTimelineZh;
