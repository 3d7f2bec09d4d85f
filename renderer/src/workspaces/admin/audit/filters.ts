import type { Dayjs } from 'dayjs';
import type { MethodInput } from '../../../../../common/contract';

export type AuditFilters = Omit<MethodInput<'audit.list'>, 'beforeId' | 'limit'>;

export interface AuditFilterFields {
  from?: Dayjs | null;
  to?: Dayjs | null;
  actor?: string;
  method?: string;
  text?: string;
  onlyFailures?: boolean;
}

/** Form fields → audit.list input; empty fields are left out rather than sent as blanks. */
export function toAuditFilters(fields: AuditFilterFields): AuditFilters {
  const filters: AuditFilters = {};
  if (fields.from) filters.from = fields.from.valueOf();
  if (fields.to) filters.to = fields.to.valueOf();
  const actor = fields.actor?.trim();
  if (actor) filters.actor = actor;
  if (fields.method) filters.method = fields.method;
  const text = fields.text?.trim();
  if (text) filters.text = text;
  if (fields.onlyFailures) filters.onlyFailures = true;
  return filters;
}
