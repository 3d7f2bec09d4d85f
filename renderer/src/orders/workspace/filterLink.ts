import { orderFilterSchema, type OrderFilter } from '../../../../common/contract/orders';

/** The order list's path; a filtered list is `/orders?filter=<JSON>` in the hash route (stores/route.ts). */
const ORDERS_PATH = '/orders';
const PARAM = 'filter';
/** Longer query strings are not ours (a filter's JSON is a few hundred characters at most). */
const MAX_LENGTH = 4_000;

/**
 * The route of the order list showing exactly `filter` — what every number of the overview and
 * the dashboards links to. Give it to `navigate()`; the list applies it when it opens.
 */
export function ordersLink(filter: OrderFilter): string {
  return `${ORDERS_PATH}?${new URLSearchParams({ [PARAM]: JSON.stringify(filter) }).toString()}`;
}

/**
 * The filter a route carries, validated by the contract's schema; null for a route that is not a
 * filtered order list or whose filter is malformed, unknown or out of range (ignored, never half-applied).
 */
export function parseOrdersLink(path: string): OrderFilter | null {
  const [base, query] = path.split('?', 2);
  if (base !== ORDERS_PATH || query === undefined || query.length > MAX_LENGTH) return null;
  const raw = new URLSearchParams(query).get(PARAM);
  if (raw === null) return null;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  const parsed = orderFilterSchema.strict().safeParse(value);
  return parsed.success ? parsed.data : null;
}
