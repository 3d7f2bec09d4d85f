import type { InfiniteData, QueryClient } from '@tanstack/react-query';
import { orderSummarySchema, type MethodOutput, type OrderDetail, type OrderSummary } from '../../../common/contract';
import { methodKey, type Api } from '../api';

type Page = MethodOutput<'orders.list'>;

/**
 * A list scrolled this deep is not refetched on every change (a refetch reloads every loaded page
 * in turn): its changed rows are patched in place and it is marked stale, so it reloads when the
 * operator asks (or opens it again).
 */
export const DEEP_LIST_PAGES = 3;

const SUMMARY_KEYS = Object.keys(orderSummarySchema.shape) as (keyof OrderSummary)[];

function toSummary(detail: OrderDetail): OrderSummary {
  return Object.fromEntries(SUMMARY_KEYS.map((k) => [k, detail[k]])) as OrderSummary;
}

function isInfinite(data: unknown): data is InfiniteData<Page> {
  return typeof data === 'object' && data !== null && 'pages' in data;
}

/** `orders.changed` for the order lists: shallow lists refetch, deep ones patch the rows they hold. */
export async function syncOrderLists(
  queryClient: QueryClient,
  api: Api,
  changedIds: ReadonlySet<number>,
): Promise<void> {
  const key = methodKey('orders.list');
  const deep = queryClient
    .getQueriesData({ queryKey: key })
    .filter(([, data]) => isInfinite(data) && data.pages.length > DEEP_LIST_PAGES);
  const deepHashes = new Set(deep.map(([k]) => JSON.stringify(k)));

  // Everything else (first pages, pickers) simply refetches.
  await queryClient.invalidateQueries({ queryKey: key, predicate: (q) => !deepHashes.has(JSON.stringify(q.queryKey)) });
  if (deep.length === 0) return;

  const held = new Set<number>();
  for (const [, data] of deep) {
    if (!isInfinite(data)) continue;
    for (const page of data.pages) for (const row of page.rows) if (changedIds.has(row.id)) held.add(row.id);
  }
  const fresh = new Map<number, OrderSummary>();
  await Promise.all(
    [...held].map(async (id) => {
      try {
        fresh.set(id, toSummary(await api.call('orders.get', { id })));
      } catch {
        // Gone or no longer visible to us: the row stays as it was until the next reload.
      }
    }),
  );
  for (const [queryKey] of deep) {
    queryClient.setQueryData<InfiniteData<Page>>(queryKey, (data) =>
      data
        ? {
            ...data,
            pages: data.pages.map((p) => ({ ...p, rows: p.rows.map((r) => fresh.get(r.id) ?? r) })),
          }
        : data,
    );
    await queryClient.invalidateQueries({ queryKey, exact: true, refetchType: 'none' });
  }
}
