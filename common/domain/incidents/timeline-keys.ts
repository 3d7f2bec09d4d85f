/**
 * The incident timeline's entry kinds as template keys: main stores the entry as
 * key + parameters beside its Chinese text, and the console words it from
 * renderer/src/i18n/incident-timeline.*.ts in its language. Free notes have none: they are the user's.
 */
export const TIMELINE_DETAIL_KEYS = [
  'timeline.activated',
  'timeline.drillActivated',
  'timeline.levelUp',
  'timeline.levelDown',
  'timeline.closed',
  'timeline.drillClosed',
  'timeline.tick',
  'timeline.untick',
  'timeline.report',
  'timeline.reportLate',
  'timeline.reportMissed',
  'timeline.orderLinked',
  'timeline.orderCreatedLinked',
  'timeline.notified',
  'timeline.confirmedConsole',
  'timeline.confirmedReply',
] as const;
export type TimelineDetailKey = (typeof TIMELINE_DETAIL_KEYS)[number];
