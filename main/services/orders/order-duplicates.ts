import type { MethodParsedInput, OrderSummary } from '../../../common/contract';
import { FINISHED_STATES } from '../../../common/domain/orders/states';
import { toGrams } from '../../../common/domain/text/bigrams';
import { ORDER_COLUMNS, toSummary, type OrderRow } from './order-rows';
import type { Param } from './order-segments';
import { orderScopeSql, type OrderScope } from './order-visibility';
import type { SlaClock } from './sla-port';

export type DuplicatesInput = MethodParsedInput<'orders.duplicates'>;
export type DuplicateCandidate = OrderSummary & { similarity: number };

/** Suggested duplicates: at least this bigram Jaccard similarity (or created within the last 24 h). */
export const DUPLICATE_MIN_SIMILARITY = 0.2;
export const DUPLICATE_DEFAULT_WINDOW_DAYS = 7;
const DUPLICATE_MAX = 5;
/** How many same-place same-category open orders are scored at most (newest first). */
const DUPLICATE_CANDIDATES = 500;
const DAY_MS = 86_400_000;

/**
 * Open orders that may be the problem being registered: same category, same workstation (or both
 * none), created within `windowDays`, ranked by the bigram Jaccard similarity of title and
 * description. Those at least {@link DUPLICATE_MIN_SIMILARITY} similar are suggested, and any
 * created in the last 24 hours whatever their text; at most five, most similar first. `all` runs a
 * query (OrderQuery's prepared-statement cache).
 */
export function findDuplicates(
  all: (sql: string, params: Param[]) => OrderRow[],
  input: DuplicatesInput,
  scope: OrderScope,
  at: { now: number; sla: SlaClock; windowDays: number },
): DuplicateCandidate[] {
  const { now } = at;
  const sql = [
    'o.category_id = ?',
    input.workstationId === null ? 'o.workstation_id IS NULL' : 'o.workstation_id = ?',
    'o.created_at >= ?',
    `o.state NOT IN (${FINISHED_STATES.map(() => '?').join(', ')})`,
  ];
  const params: Param[] = [input.categoryId];
  if (input.workstationId !== null) params.push(input.workstationId);
  params.push(now - at.windowDays * DAY_MS, ...FINISHED_STATES);
  const scoped = orderScopeSql(scope);
  if (scoped) {
    sql.push(scoped.sql);
    params.push(...scoped.params);
  }
  const rows = all(
    `SELECT ${ORDER_COLUMNS} FROM orders o INDEXED BY orders_category_created
       CROSS JOIN categories c ON c.id = o.category_id LEFT JOIN org_units w ON w.id = o.workstation_id
     WHERE ${sql.join(' AND ')} ORDER BY o.created_at DESC, o.id DESC LIMIT ${DUPLICATE_CANDIDATES}`,
    params,
  );
  const wanted = gramSet(`${input.title} ${input.description}`);
  return rows
    .map((row) => ({ row, similarity: jaccard(wanted, gramSet(`${row.title} ${row.description}`)) }))
    .filter(({ row, similarity }) => similarity >= DUPLICATE_MIN_SIMILARITY || row.createdAt >= now - DAY_MS)
    .sort((a, b) => b.similarity - a.similarity || b.row.createdAt - a.row.createdAt || b.row.id - a.row.id)
    .slice(0, DUPLICATE_MAX)
    .map(({ row, similarity }) => ({
      ...toSummary(row, now, at.sla),
      similarity: Math.round(similarity * 1000) / 1000,
    }));
}

function gramSet(text: string): Set<string> {
  return new Set(toGrams(text).split(' ').filter(Boolean));
}

/** |A ∩ B| / |A ∪ B| of two gram sets (0 when both are empty). */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 0;
  let shared = 0;
  for (const g of a) if (b.has(g)) shared++;
  return shared / (a.size + b.size - shared);
}
