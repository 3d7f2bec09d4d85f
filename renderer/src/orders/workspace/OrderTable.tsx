import { Table, type TableRef } from 'antd';
import {
  useEffect,
  useRef,
  useState,
  type FocusEvent,
  type HTMLAttributes,
  type KeyboardEvent,
  type UIEvent,
} from 'react';
import type { OrderSummary } from '../../../../common/contract';
import { useElementHeight } from '../../components/useElementHeight';
import { openOrder } from '../drawer/store';
import { tableWidth, useOrderColumns } from './useOrderColumns';
import { rowIndexAfterKey } from './rowKeys';

/** Start fetching the next page this far (px) before the last loaded row scrolls into view. */
const PREFETCH_PX = 1200;
const HEADER_PX = 40;
/** The small table's row height: PageUp/PageDown move by the rows that fit. */
const ROW_PX = 39;
/** A row scrolled to is rendered within a few frames; give up after this many. */
const FOCUS_FRAMES = 20;

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
  const tableRef = useRef<TableRef>(null);
  // The row that takes Tab (by order id): the last one focused, else the open order, else the first.
  const [activeId, setActiveId] = useState<number | null>(null);
  const tabId = [activeId, selectedId].find((id) => id !== null && rows.some((o) => o.id === id)) ?? rows[0]?.id;
  // Set when a key moved the active row: focus follows once the (virtual) row is rendered.
  const focusWanted = useRef<number | null>(null);

  useEffect(() => {
    const id = focusWanted.current;
    if (id === null || id !== activeId) return;
    let frames = 0;
    let raf = 0;
    const tryFocus = () => {
      const row = tableRef.current?.nativeElement.querySelector<HTMLElement>(
        `[data-testid="order-row"][data-id="${id}"]`,
      );
      if (row) {
        focusWanted.current = null;
        row.focus({ preventScroll: true });
        // The virtual list scrolled it into view; the browser only scrolls it into full view.
        row.scrollIntoView({ block: 'nearest' });
      } else if (++frames < FOCUS_FRAMES) raf = requestAnimationFrame(tryFocus);
    };
    tryFocus();
    return () => {
      cancelAnimationFrame(raf);
    };
  }, [activeId]);

  const onScroll = (e: UIEvent<HTMLDivElement>) => {
    const el = e.currentTarget;
    if (hasMore && el.scrollHeight - el.scrollTop - el.clientHeight < PREFETCH_PX) loadMore();
  };

  const onRowKeyDown = (e: KeyboardEvent<HTMLElement>, index: number, order: OrderSummary) => {
    // Keys pressed on something inside the row (a tag, a link) are that element's.
    if (e.target !== e.currentTarget || e.altKey || e.ctrlKey || e.metaKey) return;
    if (e.key === 'Enter') {
      e.preventDefault();
      openOrder(order.id);
      return;
    }
    const pageRows = Math.max(1, Math.floor((height - HEADER_PX) / ROW_PX) - 1);
    const next = rowIndexAfterKey(e.key, index, rows.length, pageRows);
    if (next === null) return;
    e.preventDefault();
    const target = rows[next];
    if (!target) return;
    focusWanted.current = target.id;
    tableRef.current?.scrollTo({ index: next });
    setActiveId(target.id);
    // Nearing the end of what is loaded: fetch on, as scrolling would.
    if (hasMore && rows.length - next < pageRows * 2) loadMore();
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
