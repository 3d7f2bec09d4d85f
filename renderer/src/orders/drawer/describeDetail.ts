import type { TFunction } from 'i18next';
import {
  RESPONSE_LEVELS,
  SOURCES,
  URGENCIES,
  type OrderSource,
  type ResponseLevel,
  type Urgency,
} from '../../../../common/domain/orders/states';
import { isFeedbackResult } from '../../../../common/domain/orders/feedback';
import { durationText } from '../../components/duration';
import { formatDateTime } from '../../time/dayjs';
import type { OrderNames } from '../display/useOrderNames';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function time(value: unknown): string | null {
  return typeof value === 'number' && Number.isFinite(value) ? formatDateTime(value) : null;
}

function text(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

function handlerName(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (isRecord(value)) {
    if (typeof value.name === 'string') return value.name;
    if (typeof value.id === 'string') return value.id;
  }
  return null;
}

/**
 * The contract leaves a history entry's `detail` open ("handler, deadline, parent …"), so read
 * the keys a step is known to carry and show anything else as key: value, rather than hide it.
 */
export interface DetailContext {
  names: OrderNames;
  t: TFunction;
  categoryLabel: (id: string) => string;
}

function oneOf<T extends string>(list: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (list as readonly string[]).includes(value);
}

export function describeDetail(
  detail: Record<string, unknown> | null,
  { names, t, categoryLabel }: DetailContext,
): string[] {
  if (!detail) return [];
  const lines: string[] = [];
  const seen = new Set<string>();
  const take = (...keys: string[]) => {
    for (const k of keys) seen.add(k);
  };

  const handler = handlerName(detail.handler) ?? handlerName(detail.handlerName);
  const previousHandler = handlerName(detail.previousHandler) ?? handlerName(detail.fromHandler);
  if (handler)
    lines.push(
      previousHandler
        ? `${t('orders.detail.handler')}：${previousHandler} → ${handler}`
        : `${t('orders.detail.handler')}：${handler}`,
    );
  take('handler', 'handlerName', 'previousHandler', 'fromHandler', 'handlerId', 'handlerKind');

  // A dispatch the hub took outside the place's own station.
  const outside = detail.outsideJurisdiction;
  if (isRecord(outside)) {
    const owner = typeof outside.ownerStation === 'string' ? outside.ownerStation : text(outside.ownerStationId);
    lines.push(t('place.jurisdiction.outsideDetail', { owner }));
  }
  take('outsideJurisdiction');

  if (isFeedbackResult(detail.feedbackResult)) {
    lines.push(`${t('place.feedback.result')}：${names.feedback(detail.feedbackResult)}`);
  }
  take('feedbackResult');

  const returnedBy = handlerName(detail.returnedBy);
  if (returnedBy) lines.push(`${t('orders.detail.returnedBy')}：${returnedBy}`);
  take('returnedBy');

  if (oneOf<OrderSource>(SOURCES, detail.source))
    lines.push(`${t('orders.column.source')}：${names.source(detail.source)}`);
  if (oneOf<Urgency>(URGENCIES, detail.urgency))
    lines.push(`${t('orders.column.urgency')}：${names.urgency(detail.urgency)}`);
  if (typeof detail.categoryId === 'string')
    lines.push(`${t('orders.column.category')}：${categoryLabel(detail.categoryId)}`);
  take('source', 'urgency', 'categoryId');

  if (typeof detail.pausedMs === 'number') {
    lines.push(t('orders.detail.paused', { span: durationText(Math.max(1, Math.round(detail.pausedMs / 60_000)), t) }));
  }
  take('pausedMs');

  const from = time(detail.deadlineFrom) ?? time(detail.previousDeadlineAt) ?? time(detail.oldDeadlineAt);
  const to = time(detail.deadlineTo) ?? time(detail.deadlineAt) ?? time(detail.newDeadlineAt);
  if (to)
    lines.push(from ? `${t('orders.detail.deadline')}：${from} → ${to}` : `${t('orders.detail.deadline')}：${to}`);
  take('deadlineFrom', 'previousDeadlineAt', 'oldDeadlineAt', 'deadlineTo', 'deadlineAt', 'newDeadlineAt');

  const parent: unknown = detail.parentCode ?? detail.parentId;
  if (parent !== undefined && parent !== null) lines.push(`${t('orders.detail.parent')}：${text(parent)}`);
  take('parentCode', 'parentId');

  const child: unknown = detail.childCode ?? detail.childId;
  if (child !== undefined && child !== null) lines.push(`${t('orders.detail.child')}：${text(child)}`);
  take('childCode', 'childId');

  if (oneOf<ResponseLevel>(RESPONSE_LEVELS, detail.responseLevel)) {
    lines.push(`${t('orders.detail.responseLevel')}：${names.level(detail.responseLevel)}`);
  }
  take('responseLevel');

  const hours = detail.extensionHours ?? detail.hours;
  if (typeof hours === 'number') lines.push(t('orders.detail.extensionHours', { hours }));
  take('extensionHours', 'hours');

  const due = time(detail.supervisionDueAt) ?? time(detail.dueAt);
  if (due) lines.push(`${t('orders.detail.supervisionDue')}：${due}`);
  take('supervisionDueAt', 'dueAt');

  const rework = detail.rework ?? detail.reworkCount;
  if (typeof rework === 'number') lines.push(t('orders.detail.rework', { count: rework }));
  take('rework', 'reworkCount');

  for (const [key, value] of Object.entries(detail)) {
    if (seen.has(key) || value === null || value === undefined) continue;
    const shown = key.endsWith('At') ? (time(value) ?? text(value)) : text(value);
    lines.push(`${key}：${shown}`);
  }
  return lines;
}
