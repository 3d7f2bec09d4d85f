import type { MethodParsedInput, OrderDetail } from '../../../common/contract';
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
import { jurisdictionOf } from '../../../common/domain/orders/jurisdiction';
import type { Clock } from '../../clock';
import type { Db } from '../../db/connection';
import { requireVisibleAttachments } from '../attachments/attachment-visibility';
import type { OrgRepo } from '../org/org-repo';
import { viewerOf } from '../org/viewer';
import { maskPhone, type OrderActor } from './actor';
import { nextOrderCode } from './order-codes';
import type { OrderUpdate } from './order-columns';
import { toSummary, type OrderRow } from './order-rows';
import { indexOrderText } from './order-search';
import { canSeeOrder, orderNotFound } from './order-visibility';
import { OrdersRepo } from './orders-repo';
import { requirePlace } from './order-place';
import type { SlaClock } from './sla-port';
import { ORDER_STEPS, type ActInput, type StepDeps } from './steps';
import { parsePendingDetail } from './steps/pending-requests';

/** orders.create's input with the response level decided (the handler fills the incident-mode default). */
export type CreateOrderInput = Omit<MethodParsedInput<'orders.create'>, 'source' | 'responseLevel'> & {
  source: MethodParsedInput<'orders.create'>['source'] | 'open311';
  responseLevel: ResponseLevel;
};

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
 * The work-order lifecycle (docs/domain.md#the-order-lifecycle): creation and every step through the state machine of
 * common/domain/orders, each with an append-only history row. Call inside a transaction.
 */
export class OrdersService {
  readonly repo: OrdersRepo;
  private readonly stepDeps: StepDeps;

  constructor(
    private readonly db: Db,
    private readonly org: OrgRepo,
    private readonly sla: SlaClock,
    private readonly clock: Clock,
  ) {
    this.repo = new OrdersRepo(db);
    this.stepDeps = { org, sla, repo: this.repo, visibleRow: (id, actor) => this.visibleRow(id, actor) };
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

  /** The category (a sub-category or item) and grid of a new order, or E_INVALID. */
  private classify(input: CreateOrderInput) {
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
    return { category, gridId };
  }

  create(input: CreateOrderInput, actor: OrderActor): OrderChange {
    const now = this.clock();
    const { category, gridId } = this.classify(input);
    requirePlace(input);
    this.checkAttachments(input.attachmentIds, actor);
    const marks = this.sla.start(now, category.id, input.urgency);
    const code = nextOrderCode(this.db, now);
    const id = this.repo.insert({
      code,
      title: input.title,
      description: input.description,
      categoryId: input.categoryId,
      domainId: category.id.slice(0, 2),
      workstationId: input.workstationId,
      gridId,
      address: input.address,
      lat: input.lat,
      lng: input.lng,
      source: input.source,
      reporterName: input.reporterName,
      reporterPhone: input.reporterPhone,
      urgency: input.urgency,
      responseLevel: input.responseLevel,
      // A station's own report stays with the station (it may solve it on the spot: 自处理).
      stationId: actor.stationId,
      cameraId: input.cameraId,
      createdBy: actor.id,
      now,
      ...marks,
    });
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
    const state = input.acceptNow ? this.acceptAtOnce(id, actor, now) : 'reported';
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

  /** 受理 in the same step as the report (a hotline officer on the call), when the actor may accept. */
  private acceptAtOnce(id: number, actor: OrderActor, now: number): OrderState {
    if (!decide(this.facts(this.visibleRow(id, actor)), 'accept', actor).ok) return 'reported';
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
    return 'accepted';
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

  /** The state `action` leads to, or the refusal as an API error (the lifecycle's rules in common/domain/orders). */
  private allowedTarget(row: OrderRow, action: OrderAction, actor: OrderActor): OrderState {
    const decision = decide(this.facts(row), action, actor);
    if (decision.ok) return decision.to;
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

  /** One step of the lifecycle: checked, written by its action family's step (steps/), recorded in the history. */
  act(input: ActInput, actor: OrderActor): OrderChange {
    const now = this.clock();
    const row = this.visibleRow(input.id, actor);
    const action: OrderAction = input.action;
    const to = this.allowedTarget(row, action, actor);
    const reason = input.reason?.trim() ? input.reason.trim() : null;
    if (ORDER_RULES[action].reason === 'required' && reason === null) {
      throw apiError('E_INVALID', '此操作须填写原因/说明', 'This step needs a reason', { field: 'reason' });
    }
    this.checkAttachments(input.attachmentIds, actor);
    const { fields, detail } = ORDER_STEPS[action]({ row, input, actor, reason, now }, this.stepDeps);
    const changes: OrderUpdate = to === row.state ? fields : { ...fields, state: to };
    this.repo.update(row.id, changes, now);
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
    const stationId = changes.stationId === undefined ? row.stationId : changes.stationId;
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
    const pending = parsePendingDetail(row.pendingDetail);
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
      supervisions: this.repo.supervisions({ orderId: row.id }),
      children,
      actions: availableActions(this.facts(row), actor),
    };
  }
}
