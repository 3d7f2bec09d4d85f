import type { OrderActor } from '../../services/orders/actor';
import { incidentNotFound } from '../../services/incidents/visibility';
import { viewerOf } from '../../services/org/viewer';
import { exportOrders } from '../../services/orders/order-export';
import type { Handler, HandlerContext } from '../handler-types';
import type { OrderDeps } from './order-handlers';

/** Rows an export may hold: a month of a busy center many times over, and still a few MB. */
export const EXPORT_MAX_ROWS = 50_000;

/** Finding orders: the list, duplicate suggestions, the supervisions and the export (read-only, scoped). */
export function orderListHandlers(deps: OrderDeps, actor: (ctx: HandlerContext) => OrderActor) {
  const { orders, query, org } = deps;

  /** An incident filter names an incident the caller must be able to open (incidents.get's rule). */
  const checkIncident = (ctx: HandlerContext, incidentId: number | undefined) => {
    if (incidentId === undefined) return;
    const viewer = viewerOf(org, ctx.requireSession().user);
    if (!deps.incidents) throw incidentNotFound(incidentId);
    deps.incidents.visible(incidentId, viewer);
  };

  const list: Handler<'orders.list'> = (ctx, input) => {
    checkIncident(ctx, input.filter.incidentId);
    return query.list(input, { stationId: actor(ctx).stationId });
  };

  const duplicates: Handler<'orders.duplicates'> = (ctx, input) =>
    query.duplicates(input, { stationId: actor(ctx).stationId }, deps.duplicateWindowDays);

  const supervisions: Handler<'orders.supervisions.list'> = (ctx, { onlyOpen }) => {
    const now = deps.clock();
    const all = orders.repo.supervisions({ scope: actor(ctx) });
    const open = all.filter((s) => s.reply === null);
    return {
      rows: onlyOpen ? open : all,
      counts: {
        open: open.length,
        overdue: open.filter((s) => s.dueAt < now).length,
        replied: all.length - open.length,
      },
    };
  };

  const exportList: Handler<'orders.export'> = (ctx, { filter, sort, format }) => {
    checkIncident(ctx, filter.incidentId);
    const scope = { stationId: actor(ctx).stationId };
    const rows = [];
    let cursor: string | null = null;
    do {
      const page = query.list({ filter, sort, cursor, limit: 500 }, scope);
      rows.push(...page.rows);
      cursor = page.nextCursor;
    } while (cursor !== null && rows.length < EXPORT_MAX_ROWS);
    const domains = new Map(
      org
        .categories()
        .filter((c) => c.level === 1)
        .map((c) => [c.id, c.name]),
    );
    const file = exportOrders(rows.slice(0, EXPORT_MAX_ROWS), format, deps.clock(), domains);
    return {
      fileName: file.fileName,
      mime: file.mime,
      dataBase64: file.data.toString('base64'),
      rows: Math.min(rows.length, EXPORT_MAX_ROWS),
    };
  };

  return {
    'orders.list': list,
    'orders.duplicates': duplicates,
    'orders.supervisions.list': supervisions,
    'orders.export': exportList,
  };
}
