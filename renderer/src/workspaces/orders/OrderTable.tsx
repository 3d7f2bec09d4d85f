import { Table } from 'antd';
import type { HTMLAttributes, UIEvent } from 'react';
import type { OrderSummary } from '../../../../common/contract';
import { useElementHeight } from '../../components/useElementHeight';
import { openOrder } from '../../orders/drawer/store';
import { tableWidth, useOrderColumns } from './useOrderColumns';

/** Start fetching the next page this far (px) before the last loaded row scrolls into view. */
const PREFETCH_PX = 1200;
const HEADER_PX = 40;

interface Props {
  rows: readonly OrderSummary[];
  loading: boolean;
  hasMore: boolean;
  loadMore: () => void;
  selectedId: number | null;
}

/**
 * Virtualized (only the visible rows are in the DOM), so 100 000 orders scroll like 100; more
 * pages load as the operator nears the end of what is loaded.
 */
export function OrderTable({ rows, loading, hasMore, loadMore, selectedId }: Props) {
  const columns = useOrderColumns();
  const [boxRef, height] = useElementHeight();

  const onScroll = (e: UIEvent<HTMLDivElement>) => {
    const el = e.currentTarget;
    if (hasMore && el.scrollHeight - el.scrollTop - el.clientHeight < PREFETCH_PX) loadMore();
  };

  return (
    <div ref={boxRef} style={{ flex: 1, minHeight: 0 }}>
      <Table<OrderSummary>
        virtual
        size="small"
        rowKey="id"
        data-testid="order-table"
        columns={columns}
        dataSource={rows}
        loading={loading}
        pagination={false}
        scroll={{ x: tableWidth(columns), y: Math.max(120, height - HEADER_PX) }}
        onScroll={onScroll}
        rowClassName={(o) => (o.id === selectedId ? 'clickable-row order-row-selected' : 'clickable-row')}
        onRow={(o) =>
          ({
            'data-testid': 'order-row',
            'data-code': o.code,
            'data-id': o.id,
            'data-incident-id': o.incidentId ?? '',
            onClick: () => {
              openOrder(o.id);
            },
          }) as HTMLAttributes<HTMLElement>
        }
      />
    </div>
  );
}
