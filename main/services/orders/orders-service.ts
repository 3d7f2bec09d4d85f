import type { HandlerRef, MethodParsedInput, OrderDetail } from '../../../common/contract';
import { apiError } from '../../../common/contract';
import { type OrderState, type ResponseLevel } from '../../../common/domain/orders/states';
import {
  availableActions,
  decide,
  ORDER_RULES,
  type OrderAction,
  type OrderFacts,
} from '../../../common/domain/orders/transitions';
import { orderConflictMessage, orderForbiddenMessage } from '../../../common/domain/orders/action-names';
import { isOutsideJurisdiction, jurisdictionOf, targetStationOf } from '../../../common/domain/orders/jurisdiction';
import type { Clock } from '../../clock';
import type { Db } from '../../db/connection';
import { requireVisibleAttachments } from '../attachments/attachment-visibility';
import type { OrgRepo } from '../org/org-repo';
import { viewerOf } from '../org/viewer';
import { maskPhone, type OrderActor } from './actor';
import { defaultSupervisionDue } from './inbox-supervision';
import { nextOrderCode } from './order-codes';
import { marksOf, toSummary, type OrderRow } from './order-rows';
import { indexOrderText } from './order-search';
import { canSeeOrder, orderNotFound } from './order-visibility';
import { OrdersRepo } from './orders-repo';
import { requirePlace } from './order-place';
import type { SlaClock } from './sla-port';

/** orders.create's input with the response level decided (the handler fills the incident-mode default). */
export type CreateOrderInput = Omit<MethodParsedInput<'orders.create'>, 'source' | 'responseLevel'> & {
  source: MethodParsedInput<'orders.create'>['source'] | 'open311';
  responseLevel: ResponseLevel;
};
export type ActInput = MethodParsedInput<'orders.act'>;

/** What a step changed, for events and alerts raised after the transaction commits. */
export interface OrderChange {
  id: number;
  code: string;
  title: string;
  state: OrderState;
  stationId: string | null;
  /** The station that held the order before this step, when it changed (it must hear of it too). */
  previousStationId: string | null;
  /** A new 特急 order. */
  critical: boolean;
}

/**
 * The work-order lifecycle (DESIGN.md §5): creation and every step through the state machine of
 * common/domain/orders, each with an append-only history row. Call inside a transaction.
 */
export class OrdersService {
  readonly repo: OrdersRepo;

  constructor(
    private readonly db: Db,
    private readonly org: OrgRepo,
    private readonly sla: SlaClock,
    private readonly clock: Clock,
  ) {
    this.repo = new OrdersRepo(db);
  }

  /** The order if the actor may see it (order-visibility.ts: the list's rule), else E_NOT_FOUND. */
  visibleRow(id: number, actor: OrderActor): OrderRow {
    const row = this.repo.row(id);
    if (!row || !canSeeOrder(row, actor)) throw orderNotFound(id);
    return row;
  }

  /** Attachments may be linked only when they exist and the actor may see them (uploaded them, or on a visible record). */
  private checkAttachments(ids: readonly number[], actor: OrderActor): void {
    requireVisibleAttachments(this.db, ids, viewerOf(this.org, actor), 'attachmentIds');
  }

  create(input: CreateOrderInput, actor: OrderActor): OrderChange {
    const now = this.clock();
    const category = this.org.category(input.categoryId);
    if (!category || category.level < 2) {
      throw apiError('E_INVALID', '请选择问题小类（第二或第三级分类）', 'Choose a sub-category (level 2 or 3)', {
        field: 'categoryId',
      });
    }
    let gridId: string | null = null;
    if (input.workstationId !== null) {
      const ws = this.org.unit(input.workstationId);
      if (!ws || ws.kind !== 'workstation') {
        throw apiError('E_INVALID', '所选村居工作站不存在', 'No such village/residential workstation', {
          field: 'workstationId',
        });
      }
      gridId = ws.parentId;
    }
    requirePlace(input);
    this.checkAttachments(input.attachmentIds, actor);
    const marks = this.sla.start(now, category.id, input.urgency);
    const code = nextOrderCode(this.db, now);
    const { lastInsertRowid } = this.db
      .prepare(
        `INSERT INTO orders (code, title, description, category_id, domain_id, workstation_id, grid_id, address, lat, lng,
           source, reporter_name, reporter_phone, urgency, response_level, state, station_id, camera_id, created_by,
           created_at, updated_at, limit_minutes, limit_mode, warn_at, deadline_at)
         VALUES (@code, @title, @description, @categoryId, @domainId, @workstationId, @gridId, @address, @lat, @lng,
           @source, @reporterName, @reporterPhone, @urgency, @responseLevel, 'reported', @stationId, @cameraId,
           @createdBy, @now, @now, @limitMinutes, @mode, @warnAt, @deadlineAt)`,
      )
      .run({
        ...input,
        code,
        domainId: category.id.slice(0, 2),
        gridId,
        // A station's own report stays with the station (it may solve it on the spot: 自处理).
        stationId: actor.stationId,
        createdBy: actor.id,
        now,
        ...marks,
      });
    const id = Number(lastInsertRowid);
    indexOrderText(this.db, id, { title: input.title, description: input.description, address: input.address, code });
    const historyId = this.repo.appendHistory({
      orderId: id,
      at: now,
      actorId: actor.id,
      actorName: actor.name,
      action: 'create',
      fromState: null,
      toState: 'reported',
      reason: null,
      detail: { source: input.source, urgency: input.urgency, categoryId: category.id, deadlineAt: marks.deadlineAt },
    });
    this.repo.linkAttachments(id, historyId, input.attachmentIds);
    let state: OrderState = 'reported';
    if (input.acceptNow && decide(this.facts(this.visibleRow(id, actor)), 'accept', actor).ok) {
      this.repo.update(id, { state: 'accepted' }, now);
      this.repo.appendHistory({
        orderId: id,
        at: now,
        actorId: actor.id,
        actorName: actor.name,
        action: 'accept',
        fromState: 'reported',
        toState: 'accepted',
        reason: null,
        detail: null,
      });
      state = 'accepted';
    }
    return {
      id,
      code,
      title: input.title,
      state,
      stationId: actor.stationId,
      previousStationId: null,
      critical: input.urgency === 'critical',
    };
  }

  private readonly unitOf = (id: string) => this.org.unit(id);

  /** The grid and station that own a workstation (org data), for dispatch's suggestion and warning. */
  jurisdiction(workstationId: string | null) {
    return jurisdictionOf(workstationId, this.unitOf);
  }

  private facts(row: OrderRow): OrderFacts {
    return {
      state: row.state,
      previousState: row.previousState,
      pending: row.pending,
      stationId: row.stationId,
      openSupervision: this.repo.hasOpenSupervision(row.id),
    };
  }

  private resolveHandler(ref: HandlerRef, row: OrderRow, actor: OrderActor) {
    if (ref.kind === 'department') {
      const dept = this.org.department(ref.id);
      if (!dept) throw apiError('E_INVALID', '处置部门不存在', 'No such department', { field: 'handler' });
      // A department dispatched by a station stays under the station's watch.
      return { name: dept.name, stationId: actor.stationId ?? row.stationId };
    }
    const unit = this.org.unit(ref.id);
    if (!unit || unit.kind !== ref.kind) {
      throw apiError('E_INVALID', '处置单位不存在', 'No such handling unit', { field: 'handler' });
    }
    if (ref.kind === 'station') return { name: unit.name, stationId: unit.id };
    const grid = unit.parentId ? this.org.unit(unit.parentId) : undefined;
    if (actor.stationId !== null && grid?.stationId !== actor.stationId) {
      throw apiError(
        'E_FORBIDDEN',
        '只能派往本站责任区内的村居',
        'A station may dispatch only to workstations of its own area',
        {
          field: 'handler',
        },
      );
    }
    return { name: unit.name, stationId: grid?.stationId ?? null };
  }

  act(input: ActInput, actor: OrderActor): OrderChange {
    const now = this.clock();
    const row = this.visibleRow(input.id, actor);
    const action: OrderAction = input.action;
    const decision = decide(this.facts(row), action, actor);
    if (!decision.ok) {
      if (decision.why === 'role' || decision.why === 'scope') {
        const m = orderForbiddenMessage(action);
        throw apiError('E_FORBIDDEN', m.zh, m.en, { action });
      }
      if (decision.why === 'no_supervision') {
        throw apiError('E_CONFLICT', '该工单没有待回复的督办', 'This order has no supervision awaiting a reply');
      }
      const m = orderConflictMessage(row.state, row.pending, action);
      throw apiError('E_CONFLICT', m.zh, m.en, { state: row.state, pending: row.pending, action });
    }
    const reason = input.reason?.trim() ? input.reason.trim() : null;
    if (ORDER_RULES[action].reason === 'required' && reason === null) {
      throw apiError('E_INVALID', '此操作须填写原因/说明', 'This step needs a reason', { field: 'reason' });
    }
    this.checkAttachments(input.attachmentIds, actor);
    const to = decision.to;
    const fields: Record<string, string | number | null> = {};
    const detail: Record<string, unknown> = {};
    const marks = marksOf(row);
    const setMarks = (m: typeof marks) => {
      if (!m) return;
      fields.limit_minutes = m.limitMinutes;
      fields.warn_at = m.warnAt;
      fields.deadline_at = m.deadlineAt;
      fields.alerted_yellow = now >= m.warnAt ? row.alertedYellow : 0;
      fields.alerted_red = now >= m.deadlineAt ? row.alertedRed : 0;
      detail.deadlineAt = m.deadlineAt;
    };

    switch (action) {
      case 'dispatch':
      case 'redispatch': {
        if (!input.handler)
          throw apiError('E_INVALID', '请选择处置单位', 'Choose who handles it', { field: 'handler' });
        const handler = this.resolveHandler(input.handler, row, actor);
        Object.assign(fields, {
          handler_kind: input.handler.kind,
          handler_id: input.handler.id,
          handler_name: handler.name,
          station_id: handler.stationId,
        });
        if (input.responseLevel) fields.response_level = input.responseLevel;
        Object.assign(detail, {
          handler: handler.name,
          handlerKind: input.handler.kind,
          responseLevel: input.responseLevel,
        });
        // Sent outside the place's own station: allowed (the chief decides), and on the record.
        const owner = this.jurisdiction(row.workstationId);
        if (isOutsideJurisdiction(owner, targetStationOf(input.handler, this.unitOf))) {
          detail.outsideJurisdiction = { ownerStationId: owner?.stationId, ownerStation: owner?.stationName };
        }
        break;
      }
      case 'feedback': {
        if (input.feedbackResult === undefined) {
          throw apiError('E_INVALID', '请选择回访结果', 'Choose the feedback result', { field: 'feedbackResult' });
        }
        Object.assign(fields, { feedback_result: input.feedbackResult, feedback_at: now });
        detail.feedbackResult = input.feedbackResult;
        break;
      }
      case 'request_return':
        fields.previous_state = row.state;
        break;
      case 'approve_return':
        Object.assign(fields, {
          handler_kind: null,
          handler_id: null,
          handler_name: null,
          station_id: null,
          previous_state: null,
        });
        detail.returnedBy = row.handlerName;
        break;
      case 'reject_return':
      case 'resume':
        fields.previous_state = null;
        if (action === 'resume' && row.pausedAt !== null) {
          fields.paused_at = null;
          setMarks(marks && this.sla.resume(marks, row.pausedAt, now));
          detail.pausedMs = now - row.pausedAt;
        }
        break;
      case 'self_handle':
        if (row.handlerId === null && actor.stationId !== null) {
          const station = this.org.unit(actor.stationId);
          Object.assign(fields, {
            handler_kind: 'station',
            handler_id: actor.stationId,
            handler_name: station?.name ?? actor.stationId,
            station_id: actor.stationId,
            response_level: 'patrol',
          });
        }
        break;
      case 'verify_fail':
        fields.rework_count = row.reworkCount + 1;
        detail.rework = row.reworkCount + 1;
        break;
      case 'close':
      case 'void':
        fields.closed_at = now;
        break;
      case 'merge': {
        if (input.parentId === undefined)
          throw apiError('E_INVALID', '请选择合并到的主工单', 'Choose the order to merge into', { field: 'parentId' });
        const parent = this.visibleRow(input.parentId, actor);
        if (parent.id === row.id || parent.parentId !== null || ['voided', 'merged'].includes(parent.state)) {
          throw apiError('E_CONFLICT', `不能合并到工单 ${parent.code}`, `Cannot merge into order ${parent.code}`);
        }
        Object.assign(fields, { parent_id: parent.id, closed_at: now });
        Object.assign(detail, { parentId: parent.id, parentCode: parent.code });
        break;
      }
      case 'request_extension': {
        if (input.extensionHours === undefined) {
          throw apiError('E_INVALID', '请填写申请延长的小时数', 'Give the extension in hours', {
            field: 'extensionHours',
          });
        }
        fields.pending_request = 'extension';
        fields.pending_detail = JSON.stringify({ reason, hours: input.extensionHours, byName: actor.name, at: now });
        detail.hours = input.extensionHours;
        break;
      }
      case 'request_park':
        fields.pending_request = 'park';
        fields.pending_detail = JSON.stringify({ reason, hours: null, byName: actor.name, at: now });
        break;
      case 'approve_extension': {
        const hours = (JSON.parse(row.pendingDetail ?? '{}') as { hours?: number }).hours ?? 0;
        Object.assign(fields, { pending_request: null, pending_detail: null });
        setMarks(marks && this.sla.extend(marks, hours * 60));
        detail.hours = hours;
        break;
      }
      case 'approve_park':
        Object.assign(fields, {
          pending_request: null,
          pending_detail: null,
          previous_state: row.state,
          paused_at: now,
        });
        break;
      case 'reject_extension':
      case 'reject_park':
        Object.assign(fields, { pending_request: null, pending_detail: null });
        break;
      case 'supervise': {
        // One open 督办 per order: a second one is a follow-up (催办) on it.
        const given = input.supervisionDueAt;
        if (given !== undefined && given <= now) {
          throw apiError('E_INVALID', '请填写晚于现在的督办期限', 'Give a supervision due time in the future', {
            field: 'supervisionDueAt',
          });
        }
        const open = this.repo.openSupervision(row.id);
        if (open) {
          const dueAt = given ?? open.dueAt;
          this.repo.addFollowUp(open.id, reason ?? '', dueAt, actor, now);
          Object.assign(detail, { dueAt, followUp: true });
        } else {
          const dueAt = given ?? defaultSupervisionDue(now, row);
          fields.supervised = 1;
          this.repo.addSupervision(row.id, reason ?? '', dueAt, actor, now);
          detail.dueAt = dueAt;
        }
        break;
      }
      case 'reply_supervision':
        if (!this.repo.replySupervision(row.id, reason ?? '', actor.name, now)) {
          throw apiError('E_CONFLICT', '该工单没有待回复的督办', 'This order has no supervision awaiting a reply');
        }
        break;
      default:
        break;
    }
    if (to !== row.state) fields.state = to;
    this.repo.update(row.id, fields, now);
    const historyId = this.repo.appendHistory({
      orderId: row.id,
      at: now,
      actorId: actor.id,
      actorName: actor.name,
      action,
      fromState: row.state,
      toState: to,
      reason,
      detail: Object.keys(detail).length > 0 ? detail : null,
    });
    this.repo.linkAttachments(row.id, historyId, input.attachmentIds);
    const stationId = 'station_id' in fields ? (fields.station_id as string | null) : row.stationId;
    return {
      id: row.id,
      code: row.code,
      title: row.title,
      state: to,
      stationId,
      previousStationId: stationId === row.stationId ? null : row.stationId,
      critical: false,
    };
  }

  /** The code of the order this one was merged into, when the actor may see that order too. */
  private parentCode(parentId: number | null, actor: OrderActor): string | null {
    if (parentId === null) return null;
    const parent = this.repo.row(parentId);
    return parent && canSeeOrder(parent, actor) ? parent.code : null;
  }

  detail(id: number, actor: OrderActor): OrderDetail {
    const row = this.visibleRow(id, actor);
    const now = this.clock();
    const children = this.repo.children(row.id);
    const pending = row.pendingDetail
      ? (JSON.parse(row.pendingDetail) as { reason: string | null; hours: number | null; byName: string; at: number })
      : null;
    return {
      ...toSummary(row, now, this.sla),
      description: row.description,
      gridId: row.gridId,
      jurisdiction: this.jurisdiction(row.workstationId),
      lat: row.lat,
      lng: row.lng,
      reporterName: row.reporterName,
      reporterPhone: maskPhone(row.reporterPhone, actor),
      cameraId: row.cameraId,
      parentId: row.parentId,
      parentCode: this.parentCode(row.parentId, actor),
      limitMinutes: row.limitMinutes,
      limitMode: row.limitMode,
      pendingDetail: pending ? { ...pending, reason: pending.reason ?? '' } : null,
      history: this.repo.history([row.id, ...children.map((c) => c.id)]),
      attachments: this.repo.attachments(row.id),
      supervisions: this.repo.supervisions('s.order_id = ?', [row.id]),
      children,
      actions: availableActions(this.facts(row), actor),
    };
  }
}
