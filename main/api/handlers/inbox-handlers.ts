import type { Clock } from '../../clock';
import type { Db } from '../../db/connection';
import { reportsDueFor } from '../../services/incidents/inbox-reports';
import type { IncidentReader } from '../../services/incidents/incident-read';
import { inboxFor } from '../../services/orders/inbox';
import type { OrgRepo } from '../../services/org/org-repo';
import { viewerOf } from '../../services/org/viewer';
import type { Handler } from '../handler-types';
import { actorOf } from './order-handlers';

/**
 * 待办: a read over the order tables, scoped like the order list, and the incident
 * reports the caller must send, scoped like the incident list.
 */
export function inboxHandlers(deps: { db: Db; org: OrgRepo; incidents: IncidentReader; clock: Clock }) {
  const inbox: Handler<'orders.inbox'> = (ctx) => {
    const session = ctx.requireSession();
    const orders = inboxFor(deps.db, actorOf(session, deps.org));
    const reports = reportsDueFor(deps.incidents, viewerOf(deps.org, session.user), deps.clock());
    return {
      items: orders.items,
      reports,
      counts: { ...orders.counts, report: reports.length, total: orders.counts.total + reports.length },
    };
  };
  return { 'orders.inbox': inbox };
}
