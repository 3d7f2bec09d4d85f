import { apiError } from '../../../common/contract';
import { open311Words } from '../../services/audit/notes-ops';
import type { OrdersService } from '../../services/orders/orders-service';
import type { Open311Repo } from '../../services/open311/open311-repo';
import type { OrgRepo } from '../../services/org/org-repo';
import { keyActor, requestOrder } from '../../services/open311/request-order';
import type { Handler } from '../handler-types';

export interface Open311HandlerDeps {
  orders: Pick<OrdersService, 'create'>;
  repo: Pick<Open311Repo, 'serviceCategory' | 'workstation'>;
  /** The operations center (the first center unit): it owns Open311 orders and hears of them. */
  org: Pick<OrgRepo, 'centerIds'>;
}

/**
 * A partner system's request, filed through the router like every write: the
 * endpoint verified the key (Connection.apiKey); the same audit row for a success and a failure
 * (actor `open311:<key name>`), the order's event to the center's consoles.
 */
export function open311Handlers(deps: Open311HandlerDeps) {
  const create: Handler<'open311.requests.create'> = (ctx, fields) => {
    const key = ctx.conn.apiKey;
    // The router admits only keyed callers to this method; this guards a wiring mistake.
    if (!key) throw apiError('E_FORBIDDEN', '缺少 API 密钥', 'An API key is required');
    const { input, category } = requestOrder(new Map(Object.entries(fields)), deps.repo);
    const [centerId] = deps.org.centerIds();
    if (centerId === undefined) throw new Error('no org unit of kind "center": the reference data is not seeded');
    return ctx.tx(() => {
      const change = deps.orders.create(input, keyActor(key.name, centerId));
      ctx.audit.target = `order:${change.code}`;
      Object.assign(ctx.audit, open311Words(change, category));
      ctx.publish(
        'orders.changed',
        { id: change.id, code: change.code, state: change.state },
        { orgUnitIds: [centerId] },
      );
      return { id: change.id, code: change.code, state: change.state };
    });
  };
  return { 'open311.requests.create': create };
}
