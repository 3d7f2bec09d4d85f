import { useQueryClient } from '@tanstack/react-query';
import { Alert, Flex, Select, Space, Spin, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrderFilter } from '../../../../common/contract';
import { methodKey } from '../../api';
import { WorkspaceTitle } from '../../components/WorkspaceTitle';
import { DEEP_LIST_PAGES } from '../listSync';
import { useOpenOrderId } from '../drawer/store';
import { useErrorText } from '../../i18n/useDisplay';
import { redirect, usePath } from '../../stores/route';
import { useUser } from '../../stores/session';
import { parseOrdersLink } from './filterLink';
import { listMemory, type ListMemory } from './listMemory';
import { ExportButtons } from './ExportButtons';
import { OrderFilterBar } from './OrderFilterBar';
import { OrderTable } from './OrderTable';
import { DEFAULT_QUERY, formatTotal, ORDER_SORTS, type OrderListQuery, type OrderSort } from './query';
import { useIncidentOrderSync } from '../incidents/useIncidentOrderSync';
import { useOrderList } from './useOrderList';

/**
 * A link's filter (`#/orders?filter=…`, filterLink.ts) becomes the list's filter and the filter bar's
 * controls — on opening and while open — and the address goes back to `/orders`, where the order
 * drawer's routes live. A malformed filter is ignored: the list opens as it was.
 */
function useLinkedFilter(initial: OrderFilter, apply: (filter: OrderFilter) => void) {
  const path = usePath();
  const [linked, setLinked] = useState(() => ({ path, filter: initial, n: 0 }));
  // Adjusted while rendering (not in an effect): a new link resets the bar once, before it paints.
  if (linked.path !== path) {
    const filter = parseOrdersLink(path);
    setLinked((l) => (filter === null ? { ...l, path } : { path, filter, n: l.n + 1 }));
    if (filter !== null) apply(filter);
  }
  useEffect(() => {
    if (path.startsWith('/orders?')) redirect('/orders');
  }, [path]);
  return linked;
}

let pageMemory: ListMemory | undefined;

/** A link's filter first; else, once per page load, what this window's list showed before a reload. */
function initialQuery(userId: number): OrderListQuery {
  pageMemory ??= listMemory(window.sessionStorage);
  const linked = parseOrdersLink(window.location.hash.replace(/^#/, ''));
  const saved = pageMemory.takeSaved(userId);
  return linked ? { ...DEFAULT_QUERY, filter: linked } : (saved ?? DEFAULT_QUERY);
}

export function OrdersWorkspace() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const userId = useUser().id;
  const [query, setQuery] = useState<OrderListQuery>(() => initialQuery(userId));
  useEffect(() => {
    pageMemory?.save(userId, query);
  }, [userId, query]);
  const list = useOrderList(query);
  useIncidentOrderSync();
  const openId = useOpenOrderId();
  const rows = useMemo(() => list.data?.pages.flatMap((p) => p.rows) ?? [], [list.data]);
  const total = list.data?.pages[0]?.total;
  const queryClient = useQueryClient();
  const [tableKey, setTableKey] = useState(0);
  // A deep list is patched in place on changes, not reloaded; the operator reloads it when ready.
  const outdated =
    (list.data?.pages.length ?? 0) > DEEP_LIST_PAGES &&
    queryClient.getQueryState(methodKey('orders.list', query))?.isInvalidated === true;
  const reload = () => {
    setTableKey((k) => k + 1);
    void queryClient.resetQueries({ queryKey: methodKey('orders.list', query), exact: true });
  };

  const setFilter = useCallback((filter: OrderFilter) => {
    setQuery((q) => ({ ...q, filter }));
  }, []);
  const [initialFilter] = useState(query.filter);
  const linked = useLinkedFilter(initialFilter, setFilter);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = list;
  const loadMore = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);

  return (
    <Flex vertical style={{ flex: 1, minHeight: 0 }}>
      <WorkspaceTitle
        extra={
          <Space>
            <Typography.Text type="secondary">{t('orders.sortLabel')}</Typography.Text>
            <Select<OrderSort>
              style={{ width: 170 }}
              value={query.sort}
              data-testid="order-sort"
              options={ORDER_SORTS.map((s) => ({ value: s, label: t(`orders.sort.${s}`) }))}
              onChange={(sort) => {
                setQuery((q) => ({ ...q, sort }));
              }}
            />
            <ExportButtons query={query} />
          </Space>
        }
      >
        {t('orders.title')}
      </WorkspaceTitle>
      <OrderFilterBar key={linked.n} initial={linked.filter} onChange={setFilter} />
      {list.error && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={errorText(list.error)} />}
      <OrderTable
        key={tableKey}
        rows={rows}
        loading={list.isPending || (list.isFetching && list.isPlaceholderData && !isFetchingNextPage)}
        hasMore={hasNextPage}
        loadMore={loadMore}
        selectedId={openId}
      />
      <Flex align="center" gap={16} style={{ marginTop: 8 }}>
        <Typography.Text data-testid="order-total" data-total={total ?? ''}>
          {total === undefined ? '…' : t('orders.total', { total: formatTotal(total) })}
        </Typography.Text>
        <Typography.Text type="secondary" data-testid="order-loaded">
          {t('orders.loaded', { count: rows.length })}
        </Typography.Text>
        {isFetchingNextPage && <Spin size="small" />}
        {outdated && (
          <Typography.Link data-testid="order-list-reload" onClick={reload}>
            {t('orders.outdated')}
          </Typography.Link>
        )}
      </Flex>
    </Flex>
  );
}
