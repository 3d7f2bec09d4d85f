import { apiError, type MethodParsedInput } from '../../../common/contract';
import {
  activeConflict,
  applyPlanLevel,
  INCIDENT_LEVEL_NAMES,
  levelRank,
  type IncidentLevel,
  type PlanApplication,
} from '../../../common/domain/incidents';
import type { Clock } from '../../clock';
import type { Db } from '../../db/connection';
import { scopedOrderRef } from '../orders/order-refs';
import { canSeeOrder, orderNotFound } from '../orders/order-visibility';
import type { OrgRepo } from '../org/org-repo';
import type { Viewer } from '../org/viewer';
import { UsersRepo } from '../users/users-repo';
import { defaultIncidentName, IncidentReader, type IncidentRecord } from './incident-read';
import type { PlansRepo } from './plans';
import { recordReport } from './report-record';
import { IncidentsRepo } from './incidents-repo';
import { IncidentTimelineRepo } from './timeline-repo';
import { activatedWords, closedWords, levelWords, orderLinkedWords, tickWords } from './timeline-words';
import { canSeeIncident, incidentNotFound, stationsOfAreas } from './visibility';

/** Who acts: the signed-in user as the scoping rules see them. */
export interface IncidentActor {
  id: number;
  name: string;
  viewer: Viewer;
}

export type ActivateInput = MethodParsedInput<'incidents.activate'>;

function closedError(i: IncidentRecord) {
  return apiError('E_CONFLICT', `应急事件「${i.name}」已结束，不能再修改`, `Incident "${i.name}" is closed`, {
    id: i.id,
  });
}

function isUniqueViolation(err: unknown): boolean {
  return err instanceof Error && 'code' in err && (err as { code: unknown }).code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/**
 * Incident mode: activation, level changes that re-apply the plan, the close, the
 * checklist and free notes — each written with its timeline entry in the caller's transaction.
 */
export class IncidentsService {
  readonly read: IncidentReader;

  constructor(
    private readonly db: Db,
    private readonly org: OrgRepo,
    readonly plans: PlansRepo,
    private readonly clock: Clock,
  ) {
    this.repo = new IncidentsRepo(db);
    this.timeline = new IncidentTimelineRepo(db);
    this.read = new IncidentReader(db, this.repo, this.timeline, plans);
    this.users = new UsersRepo(db);
  }

  /** The incidents' tables and their timeline (incidents-repo.ts, timeline-repo.ts). */
  private readonly repo: IncidentsRepo;
  private readonly timeline: IncidentTimelineRepo;

  /** The commander named at activation is checked against the users domain's rows. */
  private readonly users: UsersRepo;

  /** The incident if the viewer may see it; otherwise the same E_NOT_FOUND as for a missing one. */
  visible(id: number, viewer: Viewer): IncidentRecord {
    const found = this.read.incident(id);
    if (!found || !canSeeIncident(found, viewer)) throw incidentNotFound(id);
    return found;
  }

  private open(id: number, viewer: Viewer): IncidentRecord {
    const found = this.visible(id, viewer);
    if (found.closedAt !== null) throw closedError(found);
    return found;
  }

  /** Activation, level change and close are the center's: a station user with such a role is refused. */
  private requireCenter(actor: IncidentActor): string {
    if (!actor.viewer.isCenter) {
      throw apiError(
        'E_FORBIDDEN',
        '只有中心的应急协调或值班长可以启动、调整或结束应急事件',
        'Only the center’s coordinator or duty chief may activate, change or close an incident',
      );
    }
    return actor.viewer.orgUnitId;
  }

  activate(input: ActivateInput, actor: IncidentActor): IncidentRecord {
    const centerId = this.requireCenter(actor);
    const now = this.clock();
    const areaIds = [...new Set(input.areaIds)];
    const stationIds = stationsOfAreas(this.org.units(), areaIds);
    if (input.commanderUserId !== null) {
      const user = this.users.byId(input.commanderUserId);
      if (!user) {
        throw apiError(
          'E_INVALID',
          `指挥人员（用户 ${input.commanderUserId}）不存在`,
          `No user ${input.commanderUserId}`,
          {
            field: 'commanderUserId',
          },
        );
      }
    }
    const clash = activeConflict(
      this.read.active().filter((i) => i.centerId === centerId),
      input.drill,
    );
    if (clash) throw this.oneActive(clash);
    const plan = this.plans.forType(input.type);
    const name = input.name?.trim() || defaultIncidentName(input.type);
    let id: number;
    try {
      id = this.repo.insert({
        centerId,
        type: input.type,
        name,
        level: input.level,
        drill: input.drill,
        situation: input.situation,
        areaIds,
        stationIds,
        commanderName: input.commanderName,
        commanderUserId: input.commanderUserId,
        planId: plan?.id ?? null,
        planLevel: plan?.levels[input.level] ?? null,
        startedAt: now,
        startedById: actor.id,
        startedByName: actor.name,
      });
    } catch (err) {
      // Two activations at once: the partial unique index lets one through.
      const other = this.read.active().find((i) => i.centerId === centerId && !i.drill);
      if (isUniqueViolation(err) && other) throw this.oneActive(other);
      throw err;
    }
    const areas = this.read.areas(areaIds).map((a) => a.name);
    this.timeline.append(id, {
      kind: 'activated',
      ...activatedWords({
        drill: input.drill,
        type: input.type,
        level: input.level,
        areas,
        commander: input.commanderName,
        situation: input.situation,
      }),
      byUserId: actor.id,
      byName: actor.name,
      at: now,
      ref: { level: input.level },
    });
    if (plan) this.store(id, applyPlanLevel(plan, input.level, now, { checklist: [], reports: [] }), now);
    return this.read.incident(id) as IncidentRecord;
  }

  private oneActive(clash: IncidentRecord) {
    return apiError(
      'E_CONFLICT',
      `已有进行中的应急事件「${clash.name}」（${INCIDENT_LEVEL_NAMES[clash.level].zh}，#${clash.id}），同一时间只能有一个；请先结束它，或以演练方式启动`,
      `Incident "${clash.name}" (#${clash.id}) is already active; only one real incident runs at a time — close it first, or start a drill`,
      { activeId: clash.id },
    );
  }

  /** Writes what a plan level adds (checklist items, report deadlines) and supersedes what it replaces. */
  private store(incidentId: number, app: PlanApplication, now: number): void {
    for (const item of app.checklist) this.repo.addChecklistItem(incidentId, item, now);
    for (const id of app.supersede) this.repo.supersedeReport(incidentId, id, now);
    for (const r of app.reports) this.repo.addReport(incidentId, r);
  }

  setLevel(id: number, level: IncidentLevel, reason: string, actor: IncidentActor): IncidentRecord {
    this.requireCenter(actor);
    const incident = this.open(id, actor.viewer);
    if (incident.level === level) {
      throw apiError(
        'E_INVALID',
        `事件已是${INCIDENT_LEVEL_NAMES[level].zh}`,
        `The incident is already at level ${level}`,
        {
          field: 'level',
        },
      );
    }
    const now = this.clock();
    const up = levelRank(level) > levelRank(incident.level);
    // The plan as it is now: an administrator's edit since the last level change takes effect here.
    const plan = incident.planId === null ? undefined : this.plans.get(incident.planId);
    const current = plan ?? this.plans.forType(incident.type);
    this.repo.setLevel(id, level, current ? current.levels[level] : null, now);
    this.timeline.append(id, {
      kind: 'level',
      ...levelWords(up, incident.level, level, reason),
      byUserId: actor.id,
      byName: actor.name,
      at: now,
      ref: { level, fromLevel: incident.level },
    });
    if (current) {
      const existing = { checklist: this.read.checklist(id), reports: this.read.reports(id) };
      this.store(id, applyPlanLevel(current, level, now, existing), now);
    }
    return this.read.incident(id) as IncidentRecord;
  }

  close(id: number, summary: string, actor: IncidentActor): IncidentRecord {
    this.requireCenter(actor);
    const incident = this.open(id, actor.viewer);
    const now = this.clock();
    // Deadlines not yet reached end with the incident; missed ones stay missed.
    this.repo.supersedeReportsDueAfter(id, now);
    this.timeline.append(id, {
      kind: 'closed',
      ...closedWords(incident.drill, summary),
      byUserId: actor.id,
      byName: actor.name,
      at: now,
    });
    this.repo.close(id, actor, summary, now);
    return this.read.incident(id) as IncidentRecord;
  }

  /** Ticks or unticks a checklist action; answers false when it already was so (nothing written). */
  tick(id: number, itemId: number, done: boolean, actor: IncidentActor): boolean {
    this.open(id, actor.viewer);
    const item = this.read.checklist(id).find((c) => c.id === itemId);
    if (!item) {
      throw apiError(
        'E_NOT_FOUND',
        `检查项 ${itemId} 不属于该事件`,
        `Checklist item ${itemId} is not part of this incident`,
        {
          field: 'itemId',
        },
      );
    }
    if (item.done === done) return false;
    const now = this.clock();
    this.repo.tick(itemId, done ? actor : null, now);
    this.timeline.append(id, {
      kind: 'checklist',
      ...tickWords(done, item.text),
      byUserId: actor.id,
      byName: actor.name,
      at: now,
      ref: { itemId },
    });
    return true;
  }

  /**
   * Records a report (its timer stops, on time or late) and schedules the next update
   * (report-record.ts).
   */
  record(
    id: number,
    reportId: number,
    text: string,
    attachmentIds: readonly number[],
    actor: IncidentActor,
  ): { late: boolean } {
    const incident = this.open(id, actor.viewer);
    const deps = { db: this.db, read: this.read, plans: this.plans, clock: this.clock };
    return recordReport(deps, incident, reportId, text, attachmentIds, actor);
  }

  /**
   * Links an order to an incident (by hand, or `auto` from orders.create while it is active). An
   * order belongs to one incident at most; linking by hand, the actor must see both.
   */
  linkOrder(id: number, orderId: number, actor: IncidentActor, auto = false): void {
    // An automatic link comes from the hub (the creator's new order, the active incident), not a pick.
    if (auto) {
      const incident = this.read.incident(id);
      if (!incident || incident.closedAt !== null) throw incidentNotFound(id);
    } else {
      this.open(id, actor.viewer);
    }
    const order = scopedOrderRef(this.db, orderId);
    if (!order || (!auto && !canSeeOrder(order, actor.viewer))) throw orderNotFound(orderId, 'orderId');
    const linkedTo = this.repo.incidentOfOrder(orderId);
    if (linkedTo !== undefined) {
      throw apiError(
        'E_CONFLICT',
        linkedTo === id
          ? `工单 ${order.code} 已关联到该事件`
          : `工单 ${order.code} 已关联到另一应急事件（#${linkedTo}）`,
        linkedTo === id
          ? `Order ${order.code} is already linked to this incident`
          : `Order ${order.code} is already linked to another incident (#${linkedTo})`,
        { field: 'orderId', incidentId: linkedTo },
      );
    }
    const now = this.clock();
    this.repo.linkOrder(id, orderId, actor, auto, now);
    this.timeline.append(id, {
      kind: 'order_linked',
      ...orderLinkedWords(auto, order),
      byUserId: actor.id,
      byName: actor.name,
      at: now,
      ref: { orderId },
    });
  }

  note(id: number, text: string, actor: IncidentActor): void {
    this.open(id, actor.viewer);
    this.timeline.append(id, {
      kind: 'note',
      text,
      byUserId: actor.id,
      byName: actor.name,
      at: this.clock(),
    });
  }
}
