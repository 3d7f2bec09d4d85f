import { useInfiniteQuery, type InfiniteData } from '@tanstack/react-query';
import type { MethodOutput } from '../../../../../common/contract';
import { methodKey, useApi, type ApiCallError } from '../../../api';
import type { AuditFilters } from './filters';

const PAGE_SIZE = 100;

type Page = MethodOutput<'audit.list'>;

/** Newest first, keyset-paged: each page asks for entries below the last id it has. */
export function useAuditLog(filters: AuditFilters) {
  const api = useApi();
  return useInfiniteQuery<Page, ApiCallError, InfiniteData<Page, number | null>, readonly unknown[], number | null>({
    queryKey: methodKey('audit.list', filters),
    queryFn: ({ pageParam }) =>
      api.call('audit.list', { ...filters, limit: PAGE_SIZE, ...(pageParam === null ? {} : { beforeId: pageParam }) }),
    initialPageParam: null,
    getNextPageParam: (last) => last.nextBeforeId,
    // Keep the rows on screen while a pushed event refetches them.
    placeholderData: (previous) => previous,
  });
}
