import type { AttachmentInfo, HistoryEntry, Supervision } from '../../../common/contract';
import type { OrderState } from '../../../common/domain/orders/states';
import type { Db } from '../../db/connection';
import { AttachmentsRepo, toAttachmentInfo } from '../attachments/attachments-repo';
import { orderSetClause, type OrderUpdate } from './order-columns';
import { ORDER_COLUMNS, ORDER_FROM, type OrderRow } from './order-rows';
import { orderScopeSql, type OrderScope } from './order-visibility';
import { OrderFactsStore } from './order-facts-store';

export interface HistoryAppend {
  orderId: number;
  at: number;
  actorId: number | null;
  actorName: string;
  action: string;
  fromState: OrderState | null;
  toState: OrderState;
  reason: string | null;
  detail: Record<string, unknown> | null;
}

/** The columns of a new order (orders.create's input, decided and checked by OrdersService). */
export interface NewOrder {
  code: string;
  title: string;
  description: string;
  categoryId: string;
  domainId: string;
  workstationId: string | null;
  gridId: string | null;
  address: string;
  lat: number | null;
  lng: number | null;
  source: OrderRow['source'] | 'open311';
  reporterName: string | null;
  reporterPhone: string | null;
  urgency: OrderRow['urgency'];
  responseLevel: OrderRow['responseLevel'];
  stationId: string | null;
  cameraId: string | null;
  createdBy: number | null;
  now: number;
  limitMinutes: number;
  mode: 'natural' | 'working';
  warnAt: number;
  deadlineAt: number;
}

/** A follow-up (催办) added to an open supervision by a second 督办. */
export type FollowUp = Supervision['followUps'][number];

interface HistoryDbRow extends Omit<HistoryEntry, 'detail' | 'attachments'> {
  detail: string | null;
}

/** SQL for orders and their history, attachments links and supervision; the rules live in OrdersService. */
export class OrdersRepo {
  /** The linked files themselves are the attachments domain's (AttachmentsRepo). */
  private readonly files: AttachmentsRepo;
  /**
   * The kept KPI facts (order_facts): every write below derives the order's facts again right after
   * it, in the caller's transaction — the one place that keeps them exact for every order write.
   */
  private readonly facts: OrderFactsStore;

  constructor(private readonly db: Db) {
    this.files = new AttachmentsRepo(db);
    this.facts = new OrderFactsStore(db);
  }

  /** The files of `links` in their order, as the contract shows them (a link to a missing file is left out). */
  private linkedFiles<L extends { attachmentId: number }>(links: L[]): (L & { info: AttachmentInfo })[] {
    const byId = new Map(this.files.byIds([...new Set(links.map((l) => l.attachmentId))]).map((f) => [f.id, f]));
    return links.flatMap((l) => {
      const file = byId.get(l.attachmentId);
      return file ? [{ ...l, info: toAttachmentInfo(file) }] : [];
    });
  }

  row(id: number): OrderRow | undefined {
    return this.db.prepare(`SELECT ${ORDER_COLUMNS} FROM ${ORDER_FROM} WHERE o.id = ?`).get(id) as OrderRow | undefined;
  }

  /** Sets the given fields (their columns from order-columns.ts) and updated_at. */
  update(id: number, fields: OrderUpdate, now: number): void {
    const { sets, params } = orderSetClause(fields);
    sets.push('updated_at = @updatedAt');
    this.db.prepare(`UPDATE orders SET ${sets.join(', ')} WHERE id = @id`).run({ ...params, updatedAt: now, id });
    this.facts.refresh([id]);
  }

  /** A new order in state 'reported'; its id. */
  insert(order: NewOrder): number {
    const { lastInsertRowid } = this.db
      .prepare(
        `INSERT INTO orders (code, title, description, category_id, domain_id, workstation_id, grid_id, address, lat, lng,
           source, reporter_name, reporter_phone, urgency, response_level, state, station_id, camera_id, created_by,
           created_at, updated_at, limit_minutes, limit_mode, warn_at, deadline_at)
         VALUES (@code, @title, @description, @categoryId, @domainId, @workstationId, @gridId, @address, @lat, @lng,
           @source, @reporterName, @reporterPhone, @urgency, @responseLevel, 'reported', @stationId, @cameraId,
           @createdBy, @now, @now, @limitMinutes, @mode, @warnAt, @deadlineAt)`,
      )
      .run(order);
    const id = Number(lastInsertRowid);
    this.facts.refresh([id]);
    return id;
  }

  appendHistory(h: HistoryAppend): number {
    const { lastInsertRowid } = this.db
      .prepare(
        `INSERT INTO order_history (order_id, at, actor_id, actor_name, action, from_state, to_state, reason, detail)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        h.orderId,
        h.at,
        h.actorId,
        h.actorName,
        h.action,
        h.fromState,
        h.toState,
        h.reason,
        h.detail ? JSON.stringify(h.detail) : null,
      );
    this.facts.refresh([h.orderId]);
    return Number(lastInsertRowid);
  }

  linkAttachments(orderId: number, historyId: number, attachmentIds: readonly number[]): void {
    const link = this.db.prepare(
      'INSERT OR IGNORE INTO order_attachments (order_id, history_id, attachment_id) VALUES (?, ?, ?)',
    );
    for (const a of attachmentIds) link.run(orderId, historyId, a);
  }

  /** The timeline of an order and of the orders merged into it, oldest first. */
  history(orderIds: readonly number[]): HistoryEntry[] {
    const marks = orderIds.map(() => '?').join(',');
    const rows = this.db
      .prepare(
        `SELECT h.id, h.at, h.actor_name AS actorName, h.action, h.from_state AS fromState, h.to_state AS toState,
                h.reason, h.detail, o.code AS orderCode
         FROM order_history h JOIN orders o ON o.id = h.order_id
         WHERE h.order_id IN (${marks}) ORDER BY h.at, h.id`,
      )
      .all(...orderIds) as HistoryDbRow[];
    const files = this.linkedFiles(
      this.db
        .prepare(
          `SELECT history_id AS historyId, attachment_id AS attachmentId FROM order_attachments
           WHERE order_id IN (${marks}) ORDER BY order_id, attachment_id`,
        )
        .all(...orderIds) as { historyId: number | null; attachmentId: number }[],
    );
    return rows.map((r) => ({
      ...r,
      detail: r.detail ? (JSON.parse(r.detail) as Record<string, unknown>) : null,
      attachments: files.filter((f) => f.historyId === r.id).map((f) => f.info),
    }));
  }

  attachments(orderId: number): AttachmentInfo[] {
    return this.linkedFiles(
      this.db
        .prepare(
          'SELECT attachment_id AS attachmentId FROM order_attachments WHERE order_id = ? ORDER BY attachment_id',
        )
        .all(orderId) as { attachmentId: number }[],
    ).map((f) => f.info);
  }

  children(parentId: number): { id: number; code: string; title: string }[] {
    return this.db.prepare('SELECT id, code, title FROM orders WHERE parent_id = ? ORDER BY id').all(parentId) as {
      id: number;
      code: string;
      title: string;
    }[];
  }

  /** The supervisions of one order, or of every order the scope may see (order-visibility.ts). */
  supervisions(of: { orderId: number } | { scope: OrderScope }): Supervision[] {
    const scoped = 'scope' in of ? orderScopeSql(of.scope) : null;
    const where = 'orderId' in of ? 's.order_id = ?' : (scoped?.sql ?? '1 = 1');
    const args = 'orderId' in of ? [of.orderId] : (scoped?.params ?? []);
    const rows = this.db
      .prepare(
        `SELECT s.id, s.order_id AS orderId, o.code AS orderCode, o.title AS orderTitle, s.note, s.due_at AS dueAt,
                s.created_by_name AS createdByName, s.created_at AS createdAt, s.reply,
                s.replied_by_name AS repliedByName, s.replied_at AS repliedAt
         FROM order_supervisions s JOIN orders o ON o.id = s.order_id
         WHERE ${where} ORDER BY s.due_at, s.id`,
      )
      .all(...args) as Omit<Supervision, 'followUps'>[];
    const followUps = this.followUpsOf(rows.map((r) => r.id));
    return rows.map((r) => ({ ...r, followUps: followUps.get(r.id) ?? [] }));
  }

  addSupervision(
    orderId: number,
    note: string,
    dueAt: number,
    by: { id: number | null; name: string },
    now: number,
  ): void {
    this.db
      .prepare(
        `INSERT INTO order_supervisions (order_id, note, due_at, created_by, created_by_name, created_at)
         VALUES (?, ?, ?, ?, ?, ?)`,
      )
      .run(orderId, note, dueAt, by.id, by.name, now);
  }

  /** The open supervision of an order (there is at most one: a second 督办 is a follow-up on it). */
  openSupervision(orderId: number): { id: number; dueAt: number } | undefined {
    return this.db
      .prepare(
        'SELECT id, due_at AS dueAt FROM order_supervisions WHERE order_id = ? AND reply IS NULL ORDER BY id LIMIT 1',
      )
      .get(orderId) as { id: number; dueAt: number } | undefined;
  }

  hasOpenSupervision(orderId: number): boolean {
    return this.openSupervision(orderId) !== undefined;
  }

  /** Adds a follow-up (催办) to an open supervision; its due time becomes `dueAt`. */
  addFollowUp(
    supervisionId: number,
    note: string,
    dueAt: number,
    by: { id: number | null; name: string },
    now: number,
  ): void {
    this.db
      .prepare(
        `INSERT INTO order_supervision_followups (supervision_id, note, due_at, created_by, created_by_name, created_at)
         VALUES (?, ?, ?, ?, ?, ?)`,
      )
      .run(supervisionId, note, dueAt, by.id, by.name, now);
    this.db.prepare('UPDATE order_supervisions SET due_at = ? WHERE id = ?').run(dueAt, supervisionId);
  }

  /** The follow-ups of the given supervisions, oldest first, by supervision id. */
  private followUpsOf(supervisionIds: readonly number[]): Map<number, FollowUp[]> {
    const out = new Map<number, FollowUp[]>();
    if (supervisionIds.length === 0) return out;
    const rows = this.db
      .prepare(
        `SELECT supervision_id AS supervisionId, note, due_at AS dueAt, created_by_name AS byName, created_at AS at
         FROM order_supervision_followups WHERE supervision_id IN (SELECT value FROM json_each(?))
         ORDER BY created_at, id`,
      )
      .all(JSON.stringify(supervisionIds)) as (FollowUp & { supervisionId: number })[];
    for (const { supervisionId, ...f } of rows) {
      const list = out.get(supervisionId) ?? [];
      list.push(f);
      out.set(supervisionId, list);
    }
    return out;
  }

  /** Replies to the oldest unanswered supervision of the order; false when there is none. */
  replySupervision(orderId: number, reply: string, byName: string, now: number): boolean {
    const open = this.openSupervision(orderId);
    if (!open) return false;
    this.db
      .prepare('UPDATE order_supervisions SET reply = ?, replied_by_name = ?, replied_at = ? WHERE id = ?')
      .run(reply, byName, now, open.id);
    return true;
  }
}
