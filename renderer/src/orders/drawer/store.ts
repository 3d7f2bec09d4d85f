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

/** Open an order's drawer where the operator is; on the orders list this also updates the URL. */
export function openOrder(id: number, code: string | null = null): void {
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
