import { contract, isMethodName, type AuditEntry, type AuditParam } from '../../../../../common/contract';
import { DUTY_LOG_KIND_NAMES } from '../../../../../common/contract/duty-log';
import {
  CENTER_POSTS,
  DEFAULT_CENTER_PATTERN,
  DEFAULT_STATION_PATTERN,
  STATION_POSTS,
} from '../../../../../common/domain/duty';
import { INCIDENT_LEVEL_NAMES, INCIDENT_TYPE_NAMES } from '../../../../../common/domain/incidents/types';
import { ORDER_STATE_NAMES, URGENCY_NAMES } from '../../../../../common/domain/orders/states';
import type { Language } from '../../../../../common/domain/org';
import { ROLE_NAMES } from '../../../../../common/domain/roles';
import type { AuditTexts } from '../../../i18n/audit.zh';
import { formatDay } from '../../../time/formatDay';

/**
 * Audit rows in the console's language: the summary from its stored detail
 * (template key + parameters), codes turned into names; rows written before details existed, or
 * with a key this console does not know, show their stored text — with the old code-bearing forms
 * ("supervise → dispatched", "签到 HQ-C 2026-12-02 early duty_chief") still read into names.
 * Pure, so the unit test drives it without React.
 */
export interface AuditRenderContext {
  language: Language;
  texts: AuditTexts;
  methodNames: Readonly<Record<string, string>>;
  /** An order action's name (orders.action.* in the console's messages). */
  actionName: (action: string) => string;
  /** An org unit's name, or undefined when not known. */
  unitName: (id: string) => string | undefined;
  categoryName: (id: string) => string | undefined;
}

const fill = (template: string, values: Record<string, string>) =>
  template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => values[k] ?? '');

const pick = (language: Language, text: { zh: string; en: string }) => (language === 'en' ? text.en : text.zh);

const isBilingual = (v: AuditParam | undefined): v is { zh: string; en: string } =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function isKey<T extends object>(table: T, key: string): key is Extract<keyof T, string> {
  return Object.hasOwn(table, key);
}

export function methodName(method: string, ctx: AuditRenderContext): string {
  return ctx.methodNames[method] ?? method;
}

export function errorName(code: string, ctx: AuditRenderContext): string {
  return ctx.texts.error[code] ?? code;
}

/** One parameter as display text, by its name. */
function param(name: string, value: AuditParam | undefined, ctx: AuditRenderContext): string {
  const { language, texts } = ctx;
  if (value === undefined || value === null) return '';
  if (isBilingual(value)) return pick(language, value);
  if (Array.isArray(value)) {
    const names =
      name === 'roles' ? value.map((r) => (isKey(ROLE_NAMES, r) ? pick(language, ROLE_NAMES[r]) : r)) : value;
    return names.join(texts.part.listSeparator);
  }
  const s = String(value);
  switch (name) {
    case 'action':
      return ctx.actionName(s);
    case 'state':
      return isKey(ORDER_STATE_NAMES, s) ? pick(language, ORDER_STATE_NAMES[s]) : s;
    case 'urgency':
      return isKey(URGENCY_NAMES, s) ? pick(language, URGENCY_NAMES[s]) : s;
    case 'category':
      return ctx.categoryName(s) ?? s;
    case 'unit':
      return ctx.unitName(s) ?? s;
    case 'date':
      return formatDay(s, language);
    case 'language':
      return s === 'en' ? texts.part.en : texts.part.zh;
    case 'stream': {
      const key = `stream_${s}`;
      return isKey(texts.part, key) ? texts.part[key] : s;
    }
    case 'mime': {
      // The attachment's kind (图片 / image), not its MIME type: a code in either language.
      const kind = s.split('/')[0] ?? '';
      return isKey(texts.part, kind) ? texts.part[kind] : s;
    }
    case 'incidentType':
      return isKey(INCIDENT_TYPE_NAMES, s) ? pick(language, INCIDENT_TYPE_NAMES[s]) : s;
    case 'level':
    case 'fromLevel':
      return isKey(INCIDENT_LEVEL_NAMES, s) ? pick(language, INCIDENT_LEVEL_NAMES[s]) : s;
    case 'side':
    case 'mode':
    case 'dayKind':
    case 'scope':
    case 'fromScope':
    case 'playback':
      return isKey(texts.part, s) ? texts.part[s] : s;
    default:
      return s;
  }
}

/** The summary column. */
export function auditSummary(
  entry: Pick<AuditEntry, 'method' | 'summary' | 'detail'>,
  ctx: AuditRenderContext,
): string {
  const { detail } = entry;
  if (detail && isKey(ctx.texts.summary, detail.key)) {
    const p = detail.params;
    const values: Record<string, string> = {};
    for (const [name, value] of Object.entries(p)) values[name] = param(name, value, ctx);
    const part = ctx.texts.part;
    switch (detail.key) {
      case 'user.update': {
        const changes = [
          p.name !== undefined ? fill(part.name, { value: values.name ?? '' }) : '',
          p.roles !== undefined ? fill(part.roles, { value: values.roles ?? '' }) : '',
          p.unit !== undefined ? fill(part.unit, { value: values.unit ?? '' }) : '',
        ].filter(Boolean);
        values.changes = changes.join(part.listSeparator) || part.noChange;
        break;
      }
      case 'duty.logEntry':
        values.kind =
          typeof p.corrects === 'number' ? fill(part.corrects, { id: String(p.corrects) }) : kindName(p.kind, ctx);
        break;
      case 'sla.limit':
        if (p.category === null) values.category = part.defaultCategory;
        break;
      case 'sla.calendar':
        values.name = values.name ? fill(part.namedDay, { name: values.name }) : '';
        break;
      case 'camera.create':
        values.media =
          (values.playback ? fill(part.playbackPart, { value: values.playback }) : '') +
          (p.transcode === true ? part.transcodePart : '');
        break;
      case 'camera.update':
        values.fields = cameraFields(p.fields, ctx);
        break;
      case 'wall.viewCreate':
      case 'wall.viewUpdate':
      case 'wall.tourCreate':
      case 'wall.tourUpdate':
        values.moved = values.fromScope ? fill(part.moved, { from: values.fromScope, to: values.scope ?? '' }) : '';
        values.how = p.tourMode === 'wall' ? fill(part.tourWall, { layout: values.layout ?? '' }) : part.tourTile;
        break;
      case 'wall.lossAlarm':
        values.before = p.beforeOn === true ? fill(part.lossOn, { delay: values.beforeDelay ?? '' }) : part.lossOff;
        values.after = p.afterOn === true ? fill(part.lossOn, { delay: values.afterDelay ?? '' }) : part.lossOff;
        break;
      default:
        break;
    }
    const note = values.note ? `${part.noteSeparator}${values.note}` : '';
    return fill(ctx.texts.summary[detail.key], values) + note;
  }
  return fallbackSummary(entry, ctx);
}

/** camera.update's changed fields: 'name', 'playback=hls', 'transcode=on', 'mainSecret'. */
function cameraFields(fields: AuditParam | undefined, ctx: AuditRenderContext): string {
  const { part, field } = ctx.texts;
  const codes = Array.isArray(fields) ? fields : [];
  const names = codes.map((code) => {
    const [name = '', value] = code.split('=');
    const label = isKey(field, name) ? field[name] : name;
    if (value === undefined) return label;
    return fill(part.changedTo, { field: label, value: isKey(part, value) ? part[value] : value });
  });
  return names.join(part.listSeparator) || part.noChange;
}

function kindName(kind: AuditParam | undefined, ctx: AuditRenderContext): string {
  const k = typeof kind === 'string' ? kind : '';
  return isKey(DUTY_LOG_KIND_NAMES, k) ? pick(ctx.language, DUTY_LOG_KIND_NAMES[k]) : k;
}

const SHIFT_NAMES = new Map(
  [...DEFAULT_CENTER_PATTERN.shifts, ...DEFAULT_STATION_PATTERN.shifts].map((s) => [
    s.code,
    { zh: s.name, en: s.nameEn },
  ]),
);
const POST_NAMES = new Map([...CENTER_POSTS, ...STATION_POSTS].map((p) => [p.code, { zh: p.name, en: p.nameEn }]));

/** Rows without a (known) detail: the stored text, with the old code-bearing forms read into names. */
function fallbackSummary(entry: Pick<AuditEntry, 'method' | 'summary'>, ctx: AuditRenderContext): string {
  const { summary, method } = entry;
  const { language } = ctx;
  // The contract's English description is what the router stored when a handler said nothing.
  if (isMethodName(method) && contract[method].summary === summary) return methodName(method, ctx);
  const act = /^([a-z_]+) → ([a-z_]+)(?:：(.*))?$/s.exec(summary);
  if (act?.[1] && act[2] && isKey(ORDER_STATE_NAMES, act[2])) {
    const values = { action: ctx.actionName(act[1]), state: param('state', act[2], ctx) };
    return fill(ctx.texts.summary['order.act'], values) + (act[3] ? `${ctx.texts.part.noteSeparator}${act[3]}` : '');
  }
  const roster = /^(排班|撤销排班|签到|签退) (\S+) (\d{4}-\d{2}-\d{2}) (\S+) ([^\s：]+)(?:：(.*))?$/s.exec(summary);
  if (roster) {
    const [, verb = '', unit = '', date = '', shift = '', post = '', user] = roster;
    const key = (
      { 排班: 'roster.assign', 撤销排班: 'roster.unassign', 签到: 'roster.checkIn', 签退: 'roster.checkOut' } as const
    )[verb as '排班'];
    const shiftNames = SHIFT_NAMES.get(shift);
    const postNames = POST_NAMES.get(post);
    return fill(ctx.texts.summary[key], {
      unit: ctx.unitName(unit) ?? unit,
      date: formatDay(date, language),
      shift: shiftNames ? pick(language, shiftNames) : shift,
      post: postNames ? pick(language, postNames) : post,
      user: user ?? '',
    });
  }
  const filed = /^受理工单 (\S+)「(.*)」（(\d+)，(normal|urgent|critical)）$/s.exec(summary);
  if (filed) {
    const [, code = '', title = '', category = '', urgency = ''] = filed;
    return fill(ctx.texts.summary['order.create'], {
      code,
      title,
      category: ctx.categoryName(category) ?? category,
      urgency: param('urgency', urgency, ctx),
    });
  }
  // Older fixed phrases were written "中文 / english": each language keeps its own half.
  const pair = /^(.*?)\s*\/\s*([\x20-\x7e]+)$/s.exec(summary);
  if (pair?.[1] && pair[2]) return language === 'en' ? pair[2] : pair[1];
  return summary;
}

/** The target column: "工单 HQ20261202-0001", "用户 赵磊", "排班 #12". */
export function auditTarget(entry: Pick<AuditEntry, 'target' | 'targetName'>, ctx: AuditRenderContext): string | null {
  const { target } = entry;
  if (target === null) return null;
  const colon = target.indexOf(':');
  if (colon < 0) return target;
  const kind = target.slice(0, colon);
  const rest = target.slice(colon + 1);
  const names = ctx.texts.target;
  if (!isKey(names, kind)) return target;
  const label = names[kind];
  const id = (s: string) => (/^\d+$/.test(s) ? `#${s}` : s);
  switch (kind) {
    case 'user':
      return `${label} ${entry.targetName ?? rest}`;
    case 'cameras':
      return rest === 'import' ? `${label}${ctx.language === 'en' ? ' ' : ''}${names.import}` : `${label} ${rest}`;
    case 'calendar':
      return `${label} ${formatDay(rest, ctx.language)}`;
    case 'duty-checklist':
    case 'duty-pattern':
      return `${label} ${ctx.unitName(rest) ?? rest}`;
    case 'roster-week': {
      const [unit = '', date = ''] = rest.split(':');
      return `${label} ${ctx.unitName(unit) ?? unit} ${formatDay(date, ctx.language)}`;
    }
    case 'time_limit': {
      const [category = '', urgency = ''] = rest.split('/');
      const c = category === '*' ? names.defaultCategory : (ctx.categoryName(category) ?? category);
      return `${label} ${c}·${param('urgency', urgency, ctx)}`;
    }
    case 'incident-plan':
      return `${label} ${isKey(INCIDENT_TYPE_NAMES, rest) ? pick(ctx.language, INCIDENT_TYPE_NAMES[rest]) : rest}`;
    default:
      return `${label} ${id(rest)}`;
  }
}
