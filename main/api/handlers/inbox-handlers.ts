import type { OrgRepo } from '../../services/org/org-repo';
import type { Db } from '../../db/connection';
import { inboxFor } from '../../services/orders/inbox';
import type { Handler } from '../handler-types';
import { actorOf } from './order-handlers';

/** 待办 (issue 12 item 2): a read over the order tables, scoped like the order list. */
export function inboxHandlers(deps: { db: Db; org: OrgRepo }) {
  const inbox: Handler<'orders.inbox'> = (ctx) => inboxFor(deps.db, actorOf(ctx.requireSession(), deps.org));
  return { 'orders.inbox': inbox };
}
