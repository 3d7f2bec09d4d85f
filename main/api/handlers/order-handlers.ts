import { fixedWords } from '../../services/audit/notes-ops';
import { apiError } from '../../../common/contract';
import type { OrgRepo } from '../../services/org/org-repo';
import { unitAndCenter } from '../../services/org/audience';
import { autoLinkTarget } from '../../../common/domain/incidents';
import type { IncidentsService } from '../../services/incidents/incidents-service';
import { viewerOf } from '../../services/org/viewer';
import type { OrderActor } from '../../services/orders/actor';
import type { OrderAlerts } from '../../services/orders/order-alerts';
import { publishAlert } from '../../services/orders/deadline-alerts';
import type { OrderQuery } from '../../services/orders/order-query';
import type { OrderChange, OrdersService } from '../../services/orders/orders-service';
import type { EventBus } from '../event-bus';
import { orderListHandlers } from './order-list-handlers';
import type { Handler, HandlerContext, Session } from '../handler-types';
import { orderActWords, orderCreateWords } from '../../services/audit/notes';

export interface OrderDeps {
  orders: OrdersService;
  query: OrderQuery;
  alerts: OrderAlerts;
  org: OrgRepo;
  bus: EventBus;
  clock: () => number;
  /** How recent an open order must be to count as a possible duplicate. */
  duplicateWindowDays: number;
  /** Incident mode: new orders default to 联动响应 and link to the active real incident. */
  incidents?: IncidentsService;
}

export function actorOf(session: Session, org: OrgRepo): OrderActor {
  const { user } = session;
  return {
    id: user.id,
    name: user.displayName,
    roles: user.roles,
    orgUnitId: user.orgUnitId,
    stationId: viewerOf(org, user).stationId,
  };
}

export function orderHandlers(deps: OrderDeps) {
  const { orders, alerts, org } = deps;
  const actor = (ctx: HandlerContext) => actorOf(ctx.requireSession(), org);

  const announce = (ctx: HandlerContext, change: OrderChange) => {
    // Center users (any role) and the users of the stations concerned hear of an order.
    const audience = unitAndCenter(org, [change.stationId, change.previousStationId]);
    ctx.publish('orders.changed', { id: change.id, code: change.code, state: change.state }, audience);
  };

  const create: Handler<'orders.create'> = (ctx, input) => {
    const who = actor(ctx);
    const { change, alert, incidentId } = ctx.tx(() => {
      // While a real incident runs, 联动响应 is the default and a 联动响应 order is linked to it.
      const incident = deps.incidents ? autoLinkTarget(deps.incidents.read.active()) : null;
      const responseLevel = input.responseLevel ?? (incident ? 'linkage' : 'patrol');
      const c = orders.create({ ...input, responseLevel }, who);
      ctx.audit.target = `order:${c.code}`;
      Object.assign(ctx.audit, orderCreateWords(c, input, org.category(input.categoryId)?.name));
      const link = incident && responseLevel === 'linkage' && deps.incidents ? incident : null;
      if (link) {
        // The hub links it (the creator may be a station outside the incident's area), in their name.
        const { user } = ctx.requireSession();
        deps.incidents?.linkOrder(link.id, c.id, { id: user.id, name: who.name, viewer: viewerOf(org, user) }, true);
      }
      return { change: c, alert: c.critical ? alerts.raise(c.id, 'critical') : null, incidentId: link?.id ?? null };
    });
    announce(ctx, change);
    if (incidentId !== null) ctx.publish('incidents.changed', { id: incidentId, what: 'orders' });
    if (alert) ctx.afterSuccess(() => publishAlert(deps.bus, org, alert));
    return orders.detail(change.id, who);
  };

  const act: Handler<'orders.act'> = (ctx, input) => {
    const who = actor(ctx);
    const change = ctx.tx(() => {
      const c = orders.act(input, who);
      ctx.audit.target = `order:${c.code}`;
      Object.assign(ctx.audit, orderActWords(input.action, c.state, input.reason));
      return c;
    });
    announce(ctx, change);
    return orders.detail(change.id, who);
  };

  const get: Handler<'orders.get'> = (ctx, { id }) => orders.detail(id, actor(ctx));

  const alertList: Handler<'orders.alerts.list'> = (ctx) =>
    alerts.pendingFor(actor(ctx)).map(({ stationId: _s, ...a }) => a);

  const alertAck: Handler<'orders.alerts.ack'> = (ctx, { id }) => {
    const who = actor(ctx);
    ctx.audit.target = `alert:${id}`;
    Object.assign(ctx.audit, fixedWords('order.alertAck'));
    // An alert on an order the caller may not see answers like one that does not exist.
    if (!alerts.visibleTo(id, who) || who.id === null) {
      throw apiError(
        'E_NOT_FOUND',
        `提醒 ${id} 不存在或无权查看`,
        `Alert ${id} does not exist or is not visible to you`,
      );
    }
    const userId = who.id;
    ctx.tx(() => alerts.ack(id, userId));
    ctx.publish('orders.alertAcked', { id }, { userIds: [userId] });
    return null;
  };

  return {
    'orders.create': create,
    'orders.act': act,
    'orders.get': get,
    'orders.alerts.list': alertList,
    'orders.alerts.ack': alertAck,
    ...orderListHandlers(deps, actor),
  };
}
