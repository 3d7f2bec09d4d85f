import type { InboxItem, InboxKind, MethodOutput } from '../../../common/contract';
import type { Db } from '../../db/connection';
import type { OrderActor } from './actor';
import { APPROVAL_SQL } from './order-drill';
import { orderScopeSql } from './order-visibility';

export type Inbox = MethodOutput<'orders.inbox'>;
/** The orders' part of the inbox (the incident reports are added by the handler). */
export type OrderInbox = Pick<Inbox, 'items'> & { counts: Omit<Inbox['counts'], 'report'> };

/** Rows per kind sent to the console; the counts stay exact beyond it. */
const MAX_PER_KIND = 300;

/** The newest history row of the order among `actions`: when it happened, who did it, why. */
const lastStep = (field: 'at' | 'actor_name' | 'reason', actions: string) =>
  `(SELECT h.${field} FROM order_history h WHERE h.order_id = o.id AND h.action IN (${actions})
    ORDER BY h.at DESC, h.id DESC LIMIT 1)`;

const ORDER_FIELDS = `o.id AS orderId, o.code AS orderCode, o.title AS orderTitle, o.urgency, o.state,
  o.handler_name AS handlerName`;

interface Source {
  kind: InboxKind;
  /** SELECT … giving every InboxItem field but `kind` and `key` (`keyId` instead), plus `total`. */
  sql: string;
}

/** `SELECT` over orders `o` of one kind; `where` must leave the actor's scope to the caller. */
function orderSource(kind: InboxKind, where: string, since: string, byName: string, note: string, request: string) {
  return {
    kind,
    sql: `SELECT ${ORDER_FIELDS}, o.id AS keyId, ${request} AS request, ${since} AS since, o.deadline_at AS dueAt,
            ${byName} AS byName, ${note} AS note, COUNT(*) OVER () AS total
          FROM orders o WHERE ${where}`,
  };
}

/** Requests a duty chief decides: 延时 and 挂账 (pending on the order) and 退单 (a state). */
const APPROVALS = orderSource(
  'approval',
  APPROVAL_SQL.any,
  `COALESCE(json_extract(o.pending_detail, '$.at'), ${lastStep('at', "'request_return'")}, o.updated_at)`,
  `COALESCE(json_extract(o.pending_detail, '$.byName'), ${lastStep('actor_name', "'request_return'")})`,
  `CASE WHEN o.pending_request IS NOT NULL THEN json_extract(o.pending_detail, '$.reason')
        ELSE ${lastStep('reason', "'request_return'")} END`,
  "CASE WHEN o.state = 'return_pending' THEN 'return' ELSE o.pending_request END",
);

/** Orders waiting at a station to be taken (接单). */
const DISPATCHED = orderSource(
  'dispatched',
  "o.state = 'dispatched' AND o.station_id IS NOT NULL",
  `COALESCE(${lastStep('at', "'dispatch', 'redispatch'")}, o.updated_at)`,
  lastStep('actor_name', "'dispatch', 'redispatch'"),
  lastStep('reason', "'dispatch', 'redispatch'"),
  'NULL',
);

/** Orders the handler reported done, to check on the spot (核查). */
const TO_VERIFY = orderSource(
  'verify',
  "o.state = 'handled'",
  `COALESCE(${lastStep('at', "'complete', 'self_handle'")}, o.updated_at)`,
  lastStep('actor_name', "'complete', 'self_handle'"),
  lastStep('reason', "'complete', 'self_handle'"),
  'NULL',
);

/** Closed orders whose reporter has not been called back (回访). */
const TO_CALL_BACK = orderSource(
  'feedback',
  "o.state = 'closed'",
  'COALESCE(o.closed_at, o.updated_at)',
  lastStep('actor_name', "'close'"),
  'NULL',
  'NULL',
);

/** Open 督办 on open orders of a station, or on those no station holds (the center's own). */
function supervisions(heldBy: 'station' | 'center'): Source {
  const where = heldBy === 'station' ? 'o.station_id IS NOT NULL' : 'o.station_id IS NULL';
  return {
    kind: 'supervision',
    sql: `SELECT ${ORDER_FIELDS}, s.id AS keyId, NULL AS request, s.created_at AS since, s.due_at AS dueAt,
            s.created_by_name AS byName, s.note AS note, COUNT(*) OVER () AS total
          FROM order_supervisions s JOIN orders o ON o.id = s.order_id
          WHERE s.reply IS NULL AND o.closed_at IS NULL AND ${where}`,
  };
}

/**
 * Which kinds wait for whom. A duty chief approves requests and answers 督办 on
 * orders no station holds (a department's, handled from the center); a station chief takes orders
 * dispatched to the station and answers its 督办; a grid officer verifies; a hotline officer calls back.
 * The order list's rule (order-visibility.ts) applies on top: a station user only ever sees the station's.
 */
function sourcesFor(actor: OrderActor): Source[] {
  const sources: Source[] = [];
  if (actor.roles.includes('duty_chief')) sources.push(APPROVALS, supervisions('center'));
  if (actor.roles.includes('station_chief') && actor.stationId !== null) {
    sources.push(supervisions('station'), DISPATCHED);
  }
  if (actor.roles.includes('grid_officer')) sources.push(TO_VERIFY);
  if (actor.roles.includes('hotline_officer')) sources.push(TO_CALL_BACK);
  // Disjoint by construction: a chief who is also a station chief gets both supervision sources,
  // one for orders no station holds, one for the station's.
  return sources;
}

type Row = Omit<InboxItem, 'kind' | 'key'> & { keyId: number; total: number };

/** The caller's order items: oldest first within a kind, and the count of each kind. */
export function inboxFor(db: Db, actor: OrderActor): OrderInbox {
  const scope = orderScopeSql(actor);
  const items: InboxItem[] = [];
  const counts = { total: 0, approval: 0, supervision: 0, dispatched: 0, verify: 0, feedback: 0 };
  for (const source of sourcesFor(actor)) {
    const rows = db
      .prepare(
        `SELECT * FROM (${source.sql}${scope ? ` AND ${scope.sql}` : ''}) ORDER BY since, orderId LIMIT ${MAX_PER_KIND}`,
      )
      .all(...(scope?.params ?? [])) as Row[];
    counts[source.kind] += rows[0]?.total ?? 0;
    for (const { keyId, total: _t, ...row } of rows) {
      // A new request after a refused one, or a re-dispatch, is a new item (and a new notification).
      items.push({ ...row, kind: source.kind, key: `${source.kind}:${keyId}:${row.since}` });
    }
  }
  counts.total = counts.approval + counts.supervision + counts.dispatched + counts.verify + counts.feedback;
  return { items, counts };
}
