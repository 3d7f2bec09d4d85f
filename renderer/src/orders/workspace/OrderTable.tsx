import { Table } from 'antd';
import type { FocusEvent, HTMLAttributes, KeyboardEvent, UIEvent } from 'react';
import type { OrderSummary } from '../../../../common/contract';
import { useElementHeight } from '../../components/useElementHeight';
import { openOrder } from '../drawer/store';
import { tableWidth, useOrderColumns } from './useOrderColumns';
import { HEADER_PX, useRovingRows } from './useRovingRows';

/** Start fetching the next page this far (px) before the last loaded row scrolls into view. */
const PREFETCH_PX = 1200;

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
 *
 * Keyboard: the rows are one Tab stop (roving tabindex: the active row has tabIndex 0, the others
 * -1); the arrow keys, PageUp/PageDown and Home/End move between rows and Enter opens the order.
 */
export function OrderTable({ rows, loading, hasMore, loadMore, selectedId }: Props) {
  const columns = useOrderColumns();
  const [boxRef, height] = useElementHeight();
  const { tableRef, tabId, setActiveId, onRowKeyDown } = useRovingRows({ rows, selectedId, height, hasMore, loadMore });

  const onScroll = (e: UIEvent<HTMLDivElement>) => {
    const el = e.currentTarget;
    if (hasMore && el.scrollHeight - el.scrollTop - el.clientHeight < PREFETCH_PX) loadMore();
  };

  return (
    <div ref={boxRef} style={{ flex: 1, minHeight: 0 }}>
      <Table<OrderSummary>
        ref={tableRef}
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
        rowClassName={(o) =>
          o.id === selectedId ? 'clickable-row order-row order-row-selected' : 'clickable-row order-row'
        }
        onRow={(o, index) =>
          ({
            'data-testid': 'order-row',
            'data-code': o.code,
            'data-id': o.id,
            'data-incident-id': o.incidentId ?? '',
            tabIndex: o.id === tabId ? 0 : -1,
            'aria-selected': o.id === selectedId,
            onClick: () => {
              openOrder(o.id);
            },
            onFocus: (e: FocusEvent<HTMLElement>) => {
              if (e.target === e.currentTarget) setActiveId(o.id);
            },
            onKeyDown: (e: KeyboardEvent<HTMLElement>) => {
              onRowKeyDown(e, index ?? rows.indexOf(o), o);
            },
          }) as HTMLAttributes<HTMLElement>
        }
      />
    </div>
  );
}
