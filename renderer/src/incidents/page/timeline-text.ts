import type { AuditParam, TimelineEntry } from '../../../../common/contract';
import {
  INCIDENT_LEVEL_NAMES,
  INCIDENT_TYPE_NAMES,
  REPORT_KIND_NAMES,
} from '../../../../common/domain/incidents/types';
import type { Language } from '../../../../common/domain/org';
import type { IncidentTimelineTexts } from '../../i18n/incident-timeline.zh';

/**
 * A timeline entry in the console's language: from its detail (template key +
 * parameters), types, levels, report kinds and channels named in that language; names, titles and
 * notes as typed. Entries without a detail — free notes, or written before details existed — show
 * their stored text. Pure, for the unit test.
 */
export interface TimelineTextContext {
  language: Language;
  texts: IncidentTimelineTexts;
  /** An instant as the console shows times (YYYY-MM-DD HH:mm, Asia/Shanghai). */
  formatTime: (ms: number) => string;
}

const fill = (template: string, values: Record<string, string>) =>
  template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => values[k] ?? '');

function has<T extends object>(table: T, key: string): key is Extract<keyof T, string> {
  return Object.hasOwn(table, key);
}

const named = (table: Record<string, { zh: string; en: string }>, code: string, language: Language) => {
  const n = table[code];
  return n ? (language === 'en' ? n.en : n.zh) : code;
};

function value(name: string, v: AuditParam | undefined, ctx: TimelineTextContext): string {
  if (v === undefined || v === null) return '';
  if (Array.isArray(v)) return v.join(ctx.texts.part.listSeparator);
  if (typeof v === 'object') return ctx.language === 'en' ? v.en : v.zh;
  const s = String(v);
  switch (name) {
    case 'incidentType':
      return named(INCIDENT_TYPE_NAMES, s, ctx.language);
    case 'level':
    case 'fromLevel':
      return named(INCIDENT_LEVEL_NAMES, s, ctx.language);
    case 'reportKind':
      return named(REPORT_KIND_NAMES, s, ctx.language);
    case 'dueAt':
      return typeof v === 'number' ? ctx.formatTime(v) : s;
    default:
      return s;
  }
}

export function timelineText(entry: Pick<TimelineEntry, 'text' | 'detail'>, ctx: TimelineTextContext): string {
  const { detail } = entry;
  const { texts } = ctx;
  if (!detail || !has(texts.entry, detail.key)) return entry.text;
  const p = detail.params;
  const values: Record<string, string> = {};
  for (const [name, v] of Object.entries(p)) values[name] = value(name, v, ctx);
  switch (detail.key) {
    case 'timeline.notified':
      values.who = values.title
        ? fill(texts.part.titled, { name: values.name ?? '', title: values.title })
        : (values.name ?? '');
      values.phone = values.phone ? ` ${values.phone}` : '';
      values.note = values.note ? fill(texts.part.noteAfter, { note: values.note }) : '';
      break;
    case 'timeline.confirmedConsole':
    case 'timeline.confirmedReply':
      values.note = values.note ? fill(texts.part.noteAfter, { note: values.note }) : '';
      break;
    default:
      break;
  }
  return fill(texts.entry[detail.key], values);
}
