/**
 * Incident mode (平急融合): the kinds of emergency the center switches to, their response
 * levels and colours. Codes are stable and stored; names are for display.
 */
export const INCIDENT_TYPES = ['flood', 'fire', 'gas', 'utility', 'traffic', 'crowd', 'other'] as const;
export type IncidentType = (typeof INCIDENT_TYPES)[number];

export const INCIDENT_TYPE_NAMES: Record<IncidentType, { zh: string; en: string }> = {
  flood: { zh: '防台防汛', en: 'Typhoon and flood' },
  fire: { zh: '火灾', en: 'Fire' },
  gas: { zh: '燃气泄漏', en: 'Gas leak' },
  utility: { zh: '水电煤故障', en: 'Water, power or gas supply failure' },
  traffic: { zh: '交通事故', en: 'Traffic accident' },
  crowd: { zh: '群体性事件', en: 'Mass incident' },
  other: { zh: '其他', en: 'Other' },
};

/** Response levels, lowest first: Ⅳ (一般) … Ⅰ (特别重大). */
export const INCIDENT_LEVELS = ['IV', 'III', 'II', 'I'] as const;
export type IncidentLevel = (typeof INCIDENT_LEVELS)[number];

/** The national warning colours: Ⅳ blue, Ⅲ yellow, Ⅱ orange, Ⅰ red. */
export const INCIDENT_LEVEL_COLOURS: Record<IncidentLevel, string> = {
  IV: '#1677ff',
  III: '#fadb14',
  II: '#fa8c16',
  I: '#f5222d',
};

export const INCIDENT_LEVEL_NAMES: Record<IncidentLevel, { zh: string; en: string }> = {
  IV: { zh: 'Ⅳ级（一般）', en: 'Level IV (general)' },
  III: { zh: 'Ⅲ级（较大）', en: 'Level III (major)' },
  II: { zh: 'Ⅱ级（重大）', en: 'Level II (severe)' },
  I: { zh: 'Ⅰ级（特别重大）', en: 'Level I (extremely severe)' },
};

/** 0 for Ⅳ … 3 for Ⅰ: a higher rank is a higher (more serious) level. */
export function levelRank(level: IncidentLevel): number {
  return INCIDENT_LEVELS.indexOf(level);
}

/** What the timeline (like ICS 214) records; append-only. */
export const TIMELINE_KINDS = [
  'activated',
  'level',
  'checklist',
  'order_linked',
  'notified',
  'confirmed',
  'report',
  'note',
  'closed',
  'report_missed',
] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

/** 初报 (verbal, within minutes), 书面报告 (written), 续报 (updates at an interval). */
export const REPORT_KINDS = ['initial', 'written', 'update'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export const REPORT_KIND_NAMES: Record<ReportKind, { zh: string; en: string }> = {
  initial: { zh: '初报（口头）', en: 'Initial verbal report' },
  written: { zh: '书面报告', en: 'Written report' },
  update: { zh: '续报', en: 'Update report' },
};

/** The display name of an incident kind with its level and, for a drill, the 演练 mark. */
export function incidentLabel(type: IncidentType, level: IncidentLevel, drill: boolean): string {
  return `${drill ? '【演练】' : ''}${INCIDENT_TYPE_NAMES[type].zh} ${INCIDENT_LEVEL_NAMES[level].zh}`;
}
