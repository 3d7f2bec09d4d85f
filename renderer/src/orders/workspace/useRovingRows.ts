import type { TableRef } from 'antd';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { OrderSummary } from '../../../../common/contract';
import { openOrder } from '../drawer/store';
import { rowIndexAfterKey } from './rowKeys';

export const HEADER_PX = 40;
/** The small table's row height: PageUp/PageDown move by the rows that fit. */
const ROW_PX = 39;
/** A row scrolled to is rendered within a few frames; give up after this many. */
const FOCUS_FRAMES = 20;

interface Options {
  rows: readonly OrderSummary[];
  selectedId: number | null;
  /** The table box's height (px). */
  height: number;
  hasMore: boolean;
  loadMore: () => void;
}

/**
 * The order table's rows as one Tab stop (roving tabindex): the arrow keys, PageUp/PageDown and
 * Home/End move the active row (scrolling the virtual list and loading on near the end), Enter
 * opens the order, and focus follows once the row is rendered.
 */
export function useRovingRows({ rows, selectedId, height, hasMore, loadMore }: Options) {
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

  return { tableRef, tabId, setActiveId, onRowKeyDown };
}
