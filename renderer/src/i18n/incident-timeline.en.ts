import type { IncidentTimelineTexts } from './incident-timeline.zh';

export const incidentTimelineEn: IncidentTimelineTexts = {
  entry: {
    'timeline.activated':
      'Emergency response started: {{incidentType}}, {{level}}; area: {{areas}}; command: {{commander}}; situation: {{note}}',
    'timeline.drillActivated':
      'Drill started: {{incidentType}}, {{level}}; area: {{areas}}; command: {{commander}}; situation: {{note}}',
    'timeline.levelUp': 'Raised: {{fromLevel}} → {{level}}; reason: {{note}}',
    'timeline.levelDown': 'Lowered: {{fromLevel}} → {{level}}; reason: {{note}}',
    'timeline.closed': 'Emergency response ended: {{note}}',
    'timeline.drillClosed': 'Drill ended: {{note}}',
    'timeline.tick': 'Done: {{note}}',
    'timeline.untick': 'Reopened: {{note}}',
    'timeline.report': '{{reportKind}} submitted: {{note}}',
    'timeline.reportLate': '{{reportKind}} submitted late: {{note}}',
    'timeline.reportMissed': '{{reportKind}} not submitted in time (due by {{dueAt}})',
    'timeline.orderLinked': 'Linked order {{code}} “{{title}}”',
    'timeline.orderCreatedLinked': 'Created and linked order {{code}} “{{title}}”',
    'timeline.notified': 'Notified {{who}} ({{channel}}{{phone}}){{note}}',
    'timeline.confirmedConsole': '{{name}} confirmed receipt ({{channel}}){{note}}',
    'timeline.confirmedReply': 'Recorded the confirmation of {{name}} ({{channel}}){{note}}',
  },
  part: {
    listSeparator: ', ',
    noteAfter: ': {{note}}',
    titled: '{{name}} ({{title}})',
  },
};
