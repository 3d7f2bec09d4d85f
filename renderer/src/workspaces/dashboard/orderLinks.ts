import type { DashboardFilter } from '../../../../common/contract/dashboard';
import type { OrderFilter } from '../../../../common/contract/orders';
import { ordersLink } from '../../orders/workspace/filterLink';
import { navigate } from '../../stores/route';

/**
 * The order list behind the dashboard's own filter: the orders reported in [from, to) (the list's
 * createdTo is inclusive), with the same domain, place, department and source, and — as every chart —
 * without drills.
 */
export function listFilterOf({ from, to, ...rest }: DashboardFilter): OrderFilter {
  return { ...rest, createdFrom: from, createdTo: to - 1, drill: false };
}

/** Opens the order list of the dashboard's filter narrowed by `extra` (a bar's domain, category, workstation). */
export function openOrders(filter: DashboardFilter, extra: OrderFilter): void {
  navigate(ordersLink({ ...listFilterOf(filter), ...extra }));
}
