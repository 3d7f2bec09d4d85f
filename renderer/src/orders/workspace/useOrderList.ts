import { useInfiniteQuery, type InfiniteData } from '@tanstack/react-query';
import type { MethodOutput } from '../../../../common/contract';
import { methodKey, useApi, type ApiCallError } from '../../api';
import type { OrderListQuery } from './query';

/** Rows per request: a screenful or three, small enough to keep every frame light. */
export const ORDER_PAGE_SIZE = 100;

type Page = MethodOutput<'orders.list'>;

/** Keyset-paged: each page continues from the opaque cursor of the one before. */
export function useOrderList(query: OrderListQuery) {
  const api = useApi();
  return useInfiniteQuery<Page, ApiCallError, InfiniteData<Page, string | null>, readonly unknown[], string | null>({
    queryKey: methodKey('orders.list', query),
    queryFn: ({ pageParam }) =>
      api.call('orders.list', { filter: query.filter, sort: query.sort, cursor: pageParam, limit: ORDER_PAGE_SIZE }),
    initialPageParam: null,
    getNextPageParam: (last) => last.nextCursor,
    // Keep the rows on screen while a pushed event or a new filter refetches them.
    placeholderData: (previous) => previous,
  });
}
