import type { OrderRow } from './order-rows';

/**
 * The columns of `orders` a lifecycle step may change, by the field name the services use (the same
 * camelCase name as in OrderRow): the one place where a field meets its snake_case column. A write
 * names fields of this map only, so renaming a field or dropping a column from here fails to compile
 * wherever it is still written.
 */
export const ORDER_WRITABLE_COLUMNS = {
  state: 'state',
  previousState: 'previous_state',
  stationId: 'station_id',
  responseLevel: 'response_level',
  handlerKind: 'handler_kind',
  handlerId: 'handler_id',
  handlerName: 'handler_name',
  pending: 'pending_request',
  pendingDetail: 'pending_detail',
  reworkCount: 'rework_count',
  supervised: 'supervised',
  parentId: 'parent_id',
  closedAt: 'closed_at',
  limitMinutes: 'limit_minutes',
  warnAt: 'warn_at',
  deadlineAt: 'deadline_at',
  pausedAt: 'paused_at',
  alertedYellow: 'alerted_yellow',
  alertedRed: 'alerted_red',
  feedbackResult: 'feedback_result',
  feedbackAt: 'feedback_at',
} as const satisfies Partial<Record<keyof OrderRow, string>>;

export type OrderWritableField = keyof typeof ORDER_WRITABLE_COLUMNS;

/** A step's changes to an order: each field typed as OrderRow has it. */
export type OrderUpdate = Partial<Pick<OrderRow, OrderWritableField>>;

/**
 * The SET list of an update (`column = @field, …`) and its parameters. Only names of
 * ORDER_WRITABLE_COLUMNS reach the SQL: a key outside it (an object carrying more than its type says)
 * is refused rather than written into the statement.
 */
export function orderSetClause(fields: OrderUpdate): { sets: string[]; params: Record<string, unknown> } {
  const sets: string[] = [];
  const params: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(fields as Record<string, unknown>)) {
    if (value === undefined) continue;
    if (!Object.hasOwn(ORDER_WRITABLE_COLUMNS, field)) throw new Error(`orders: not a writable field: ${field}`);
    sets.push(`${ORDER_WRITABLE_COLUMNS[field as OrderWritableField]} = @${field}`);
    params[field] = value;
  }
  return { sets, params };
}
