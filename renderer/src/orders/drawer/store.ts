import { create } from 'zustand';
import { navigate, redirect, useRouteStore } from '../../stores/route';

/** `#/orders/<id>` opens the drawer over the orders list; a reload keeps it open. */
export const ORDER_ROUTE = /^\/orders\/(\d+)$/;

export function orderIdFromPath(path: string): number | null {
  const m = ORDER_ROUTE.exec(path);
  return m?.[1] ? Number(m[1]) : null;
}

interface OrderDrawerState {
  /** The order shown in the drawer over whatever workspace is open, or null. */
  openId: number | null;
  /** The order's code when the opener knew it (an alert, the inbox): shown if the order is gone. */
  openCode: string | null;
}

export const useOrderDrawerStore = create<OrderDrawerState>(() => ({ openId: null, openCode: null }));

export function useOpenOrderCode(): string | null {
  return useOrderDrawerStore((s) => s.openCode);
}

export function useOpenOrderId(): number | null {
  return useOrderDrawerStore((s) => s.openId);
}

/**
 * What had the keyboard focus when the drawer opened (the order row, an inbox row, a link): it gets
 * the focus back when the drawer has closed, so Tab and the arrows go on from there.
 */
let opener: { element: HTMLElement; rowId: string | null } | null = null;

function rememberOpener(): void {
  if (useOrderDrawerStore.getState().openId !== null) return; // already open: keep the first opener
  const active = document.activeElement;
  opener =
    active instanceof HTMLElement && active !== document.body
      ? { element: active, rowId: active.dataset.testid === 'order-row' ? (active.dataset.id ?? null) : null }
      : null;
}

/**
 * Gives the focus back to the opener once the drawer has closed. A virtual order row may have been
 * re-rendered meanwhile: then the row of the same order, if it is still in the list.
 */
export function restoreOpenerFocus(): void {
  const o = opener;
  opener = null;
  if (!o) return;
  const target = o.element.isConnected
    ? o.element
    : o.rowId === null
      ? null
      : document.querySelector<HTMLElement>(`[data-testid="order-row"][data-id="${o.rowId}"]`);
  target?.focus({ preventScroll: true });
}

/** Open an order's drawer where the operator is; on the orders list this also updates the URL. */
export function openOrder(id: number, code: string | null = null): void {
  rememberOpener();
  const path = useRouteStore.getState().path;
  if (path === '/orders' || ORDER_ROUTE.test(path)) navigate(`/orders/${id}`);
  useOrderDrawerStore.setState({ openId: id, openCode: code });
}

export function closeOrder(): void {
  useOrderDrawerStore.setState({ openId: null, openCode: null });
  if (ORDER_ROUTE.test(useRouteStore.getState().path)) redirect('/orders');
}

/** Puts the drawer away without touching the URL (the operator moved to another workspace). */
export function dismissOrder(): void {
  useOrderDrawerStore.setState({ openId: null, openCode: null });
}

/** Keeps the drawer in step with `#/orders/<id>` (typed, pasted or reloaded). */
export function syncOrderRoute(path: string): void {
  const id = orderIdFromPath(path);
  if (id !== null && useOrderDrawerStore.getState().openId !== id)
    useOrderDrawerStore.setState({ openId: id, openCode: null });
}
