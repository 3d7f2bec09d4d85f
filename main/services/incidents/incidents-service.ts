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
import { appendTimeline } from './timeline';
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
    this.read = new IncidentReader(db, plans);
    this.users = new UsersRepo(db);
  }

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
      const info = this.db
        .prepare(
          `INSERT INTO incidents (center_id, type, name, level, drill, situation, area_ids, station_ids,
             commander_name, commander_user_id, plan_id, plan_level, started_at, started_by_id, started_by_name,
             level_changed_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          centerId,
          input.type,
          name,
          input.level,
          input.drill ? 1 : 0,
          input.situation,
          JSON.stringify(areaIds),
          JSON.stringify(stationIds),
          input.commanderName,
          input.commanderUserId,
          plan?.id ?? null,
          plan ? JSON.stringify(plan.levels[input.level]) : null,
          now,
          actor.id,
          actor.name,
          now,
        );
      id = Number(info.lastInsertRowid);
    } catch (err) {
      // Two activations at once: the partial unique index lets one through.
      const other = this.read.active().find((i) => i.centerId === centerId && !i.drill);
      if (isUniqueViolation(err) && other) throw this.oneActive(other);
      throw err;
    }
    const areas = this.read.areas(areaIds).map((a) => a.name);
    appendTimeline(this.db, id, {
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
    const addItem = this.db.prepare(
      'INSERT INTO incident_checklist (incident_id, level, key, text, added_at) VALUES (?, ?, ?, ?, ?)',
    );
    for (const item of app.checklist) addItem.run(incidentId, item.level, item.key, item.text, now);
    const supersede = this.db.prepare(
      'UPDATE incident_reports SET superseded_at = ? WHERE id = ? AND incident_id = ? AND recorded_at IS NULL',
    );
    for (const id of app.supersede) supersede.run(now, id, incidentId);
    const addReport = this.db.prepare(
      'INSERT INTO incident_reports (incident_id, level, kind, due_at) VALUES (?, ?, ?, ?)',
    );
    for (const r of app.reports) addReport.run(incidentId, r.level, r.kind, r.dueAt);
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
    this.db
      .prepare('UPDATE incidents SET level = ?, level_changed_at = ?, plan_level = ? WHERE id = ?')
      .run(level, now, current ? JSON.stringify(current.levels[level]) : null, id);
    appendTimeline(this.db, id, {
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
    this.db
      .prepare(
        `UPDATE incident_reports SET superseded_at = ?
         WHERE incident_id = ? AND recorded_at IS NULL AND superseded_at IS NULL AND due_at > ?`,
      )
      .run(now, id, now);
    appendTimeline(this.db, id, {
      kind: 'closed',
      ...closedWords(incident.drill, summary),
      byUserId: actor.id,
      byName: actor.name,
      at: now,
    });
    this.db
      .prepare('UPDATE incidents SET closed_at = ?, closed_by_id = ?, closed_by_name = ?, summary = ? WHERE id = ?')
      .run(now, actor.id, actor.name, summary, id);
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
    this.db
      .prepare('UPDATE incident_checklist SET done = ?, done_at = ?, done_by_id = ?, done_by_name = ? WHERE id = ?')
      .run(done ? 1 : 0, done ? now : null, done ? actor.id : null, done ? actor.name : null, itemId);
    appendTimeline(this.db, id, {
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
    const linked = this.db
      .prepare('SELECT incident_id AS incidentId FROM incident_orders WHERE order_id = ?')
      .get(orderId) as { incidentId: number } | undefined;
    if (linked) {
      throw apiError(
        'E_CONFLICT',
        linked.incidentId === id
          ? `工单 ${order.code} 已关联到该事件`
          : `工单 ${order.code} 已关联到另一应急事件（#${linked.incidentId}）`,
        linked.incidentId === id
          ? `Order ${order.code} is already linked to this incident`
          : `Order ${order.code} is already linked to another incident (#${linked.incidentId})`,
        { field: 'orderId', incidentId: linked.incidentId },
      );
    }
    const now = this.clock();
    this.db
      .prepare(
        `INSERT INTO incident_orders (incident_id, order_id, linked_at, linked_by_id, linked_by_name, auto)
         VALUES (?, ?, ?, ?, ?, ?)`,
      )
      .run(id, orderId, now, actor.id, actor.name, auto ? 1 : 0);
    appendTimeline(this.db, id, {
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
    appendTimeline(this.db, id, {
      kind: 'note',
      text,
      byUserId: actor.id,
      byName: actor.name,
      at: this.clock(),
    });
  }
}
