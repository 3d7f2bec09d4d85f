import type {
  IncidentChecklistItem,
  IncidentDetail,
  IncidentReport,
  IncidentSummary,
  LinkedOrder,
} from '../../../common/contract/incidents';
import { planLevelSchema } from '../../../common/contract/incidents';
import {
  INCIDENT_TYPE_NAMES,
  isOpenReport,
  reportStatus,
  type IncidentLevel,
  type IncidentType,
  type Plan,
  type PlanLevel,
  type ReportKind,
} from '../../../common/domain/incidents';
import type { Db } from '../../db/connection';
import { linkedOrderFacts } from '../orders/order-refs';
import { canSeeOrder } from '../orders/order-visibility';
import { OrgRepo } from '../org/org-repo';
import type { Viewer } from '../org/viewer';
import type { PlansRepo } from './plans';
import type { IncidentPorts } from './ports';
import { readTimeline } from './timeline';

/** An incidents row as the service works with it. */
export interface IncidentRecord {
  id: number;
  centerId: string;
  type: IncidentType;
  name: string;
  level: IncidentLevel;
  drill: boolean;
  situation: string;
  areaIds: string[];
  stationIds: string[];
  commanderName: string;
  commanderUserId: number | null;
  planId: number | null;
  /**
   * The plan level as it was when the incident's level took effect (activation, level change): the
   * running incident keeps it when an administrator edits the plan; the edit applies from the next
   * level change. Null without a plan (or for an incident from before it was kept).
   */
  planLevel: PlanLevel | null;
  startedAt: number;
  startedById: number | null;
  startedByName: string;
  levelChangedAt: number;
  closedAt: number | null;
  closedByName: string | null;
  summary: string | null;
}

const INCIDENT_COLUMNS = `id, center_id AS centerId, type, name, level, drill, situation, area_ids AS areaIds,
  station_ids AS stationIds, commander_name AS commanderName, commander_user_id AS commanderUserId,
  plan_id AS planId, started_at AS startedAt, started_by_id AS startedById, started_by_name AS startedByName,
  level_changed_at AS levelChangedAt, closed_at AS closedAt, closed_by_name AS closedByName, summary,
  plan_level AS planLevel`;

type RawIncident = Omit<IncidentRecord, 'drill' | 'areaIds' | 'stationIds' | 'planLevel'> & {
  drill: number;
  areaIds: string;
  stationIds: string;
  planLevel: string | null;
};

function toRecord(r: RawIncident): IncidentRecord {
  return {
    ...r,
    drill: r.drill === 1,
    areaIds: JSON.parse(r.areaIds) as string[],
    stationIds: JSON.parse(r.stationIds) as string[],
    planLevel: r.planLevel === null ? null : planLevelSchema.parse(JSON.parse(r.planLevel)),
  };
}

export interface ReportRecord {
  id: number;
  incidentId: number;
  level: IncidentLevel;
  kind: ReportKind;
  dueAt: number;
  recordedAt: number | null;
  recordedByName: string | null;
  text: string | null;
  attachmentIds: number[];
  supersededAt: number | null;
  soonAlertedAt: number | null;
  dueAlertedAt: number | null;
}

const REPORT_COLUMNS = `id, incident_id AS incidentId, level, kind, due_at AS dueAt, recorded_at AS recordedAt,
  recorded_by_name AS recordedByName, text, attachment_ids AS attachmentIds, superseded_at AS supersededAt,
  soon_alerted_at AS soonAlertedAt, due_alerted_at AS dueAlertedAt`;

function toReport(r: Omit<ReportRecord, 'attachmentIds'> & { attachmentIds: string | null }): ReportRecord {
  return { ...r, attachmentIds: r.attachmentIds === null ? [] : (JSON.parse(r.attachmentIds) as number[]) };
}

export function reportDto(r: ReportRecord, now: number): IncidentReport {
  return {
    id: r.id,
    kind: r.kind,
    level: r.level,
    dueAt: r.dueAt,
    status: reportStatus(r, now),
    recordedAt: r.recordedAt,
    recordedByName: r.recordedByName,
    text: r.text,
    attachmentIds: r.attachmentIds,
    supersededAt: r.supersededAt,
  };
}

/** Reads incidents and everything hanging off them; no writes. */
export class IncidentReader {
  /** Areas are org units (OrgRepo); linked orders are the orders domain's (orders/order-refs.ts). */
  private readonly org: OrgRepo;

  constructor(
    private readonly db: Db,
    private readonly plans: PlansRepo,
  ) {
    this.org = new OrgRepo(db);
  }

  incident(id: number): IncidentRecord | undefined {
    const row = this.db.prepare(`SELECT ${INCIDENT_COLUMNS} FROM incidents WHERE id = ?`).get(id) as
      RawIncident | undefined;
    return row ? toRecord(row) : undefined;
  }

  /** Active incidents, the real one first, then drills by start. */
  active(): IncidentRecord[] {
    const rows = this.db
      .prepare(`SELECT ${INCIDENT_COLUMNS} FROM incidents WHERE closed_at IS NULL ORDER BY drill, started_at, id`)
      .all() as RawIncident[];
    return rows.map(toRecord);
  }

  /** Newest first, filtered; `limit + 1` rows so the caller can tell there are more. */
  list(filter: {
    state?: 'active' | 'closed' | undefined;
    type?: IncidentType | undefined;
    drill?: boolean | undefined;
    from?: number | undefined;
    to?: number | undefined;
  }): IncidentRecord[] {
    const where: string[] = [];
    const params: (string | number)[] = [];
    if (filter.state === 'active') where.push('closed_at IS NULL');
    if (filter.state === 'closed') where.push('closed_at IS NOT NULL');
    if (filter.type !== undefined) {
      where.push('type = ?');
      params.push(filter.type);
    }
    if (filter.drill !== undefined) {
      where.push('drill = ?');
      params.push(filter.drill ? 1 : 0);
    }
    if (filter.from !== undefined) {
      where.push('started_at >= ?');
      params.push(filter.from);
    }
    if (filter.to !== undefined) {
      where.push('started_at < ?');
      params.push(filter.to);
    }
    const rows = this.db
      .prepare(
        `SELECT ${INCIDENT_COLUMNS} FROM incidents ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
         ORDER BY started_at DESC, id DESC`,
      )
      .all(...params) as RawIncident[];
    return rows.map(toRecord);
  }

  reports(incidentId: number): ReportRecord[] {
    const rows = this.db
      .prepare(`SELECT ${REPORT_COLUMNS} FROM incident_reports WHERE incident_id = ? ORDER BY due_at, id`)
      .all(incidentId) as (Omit<ReportRecord, 'attachmentIds'> & { attachmentIds: string | null })[];
    return rows.map(toReport);
  }

  /** Open reports of open incidents (the sweep's work list), earliest deadline first. */
  openReports(): ReportRecord[] {
    const rows = this.db
      .prepare(
        `SELECT ${REPORT_COLUMNS} FROM incident_reports
         WHERE recorded_at IS NULL AND superseded_at IS NULL
           AND incident_id IN (SELECT id FROM incidents WHERE closed_at IS NULL)
         ORDER BY due_at, id`,
      )
      .all() as (Omit<ReportRecord, 'attachmentIds'> & { attachmentIds: string | null })[];
    return rows.map(toReport);
  }

  checklist(incidentId: number): IncidentChecklistItem[] {
    const rows = this.db
      .prepare(
        `SELECT id, key, text, level, added_at AS addedAt, done, done_at AS doneAt, done_by_name AS doneByName
         FROM incident_checklist WHERE incident_id = ? ORDER BY id`,
      )
      .all(incidentId) as (Omit<IncidentChecklistItem, 'done'> & { done: number })[];
    return rows.map((r) => ({ ...r, done: r.done === 1 }));
  }

  /** Linked orders the viewer may see, newest link first, with their durations at `now`. */
  orders(incidentId: number, viewer: Viewer, now: number): LinkedOrder[] {
    const links = this.db
      .prepare(
        `SELECT order_id AS orderId, linked_at AS linkedAt, linked_by_name AS linkedByName, auto
         FROM incident_orders WHERE incident_id = ? ORDER BY linked_at DESC, order_id DESC`,
      )
      .all(incidentId) as { orderId: number; linkedAt: number; linkedByName: string; auto: number }[];
    const orders = linkedOrderFacts(
      this.db,
      links.map((l) => l.orderId),
    );
    return links.flatMap(({ orderId, auto, ...link }) => {
      const order = orders.get(orderId);
      if (!order || !canSeeOrder(order, viewer)) return [];
      const { stationId: _station, ...facts } = order;
      return [
        {
          ...facts,
          ...link,
          auto: auto === 1,
          durationMs: Math.max(0, (facts.closedAt ?? now) - facts.createdAt),
        },
      ];
    });
  }

  areas(ids: readonly string[]): IncidentSummary['areas'] {
    const wanted = new Set(ids);
    const byId = new Map(
      this.org
        .units()
        .filter((u) => wanted.has(u.id))
        .map(({ id, name, kind }) => [id, { id, name, kind }]),
    );
    return ids.flatMap((id) => {
      const found = byId.get(id);
      return found ? [found] : [];
    });
  }

  summary(i: IncidentRecord, now: number, reports = this.reports(i.id)): IncidentSummary {
    return {
      id: i.id,
      type: i.type,
      name: i.name,
      level: i.level,
      drill: i.drill,
      situation: i.situation,
      areas: this.areas(i.areaIds),
      commanderName: i.commanderName,
      startedAt: i.startedAt,
      startedByName: i.startedByName,
      levelChangedAt: i.levelChangedAt,
      closedAt: i.closedAt,
      nextReports: i.closedAt === null ? reports.filter(isOpenReport).map((r) => reportDto(r, now)) : [],
    };
  }

  detail(i: IncidentRecord, viewer: Viewer, now: number, ports: IncidentPorts): IncidentDetail {
    const reports = this.reports(i.id);
    const plan = i.planId === null ? undefined : this.plans.get(i.planId);
    return {
      incident: {
        ...this.summary(i, now, reports),
        commanderUserId: i.commanderUserId,
        closedByName: i.closedByName,
        summary: i.summary,
        planId: i.planId,
        planName: plan?.name ?? null,
      },
      checklist: this.checklist(i.id),
      reports: reports.map((r) => reportDto(r, now)),
      timeline: readTimeline(this.db, i.id),
      orders: this.orders(i.id, viewer, now),
      notifications: ports.notifications(i.id),
      planLevel: appliedPlanLevel(i, plan),
    };
  }
}

/**
 * The plan level an incident runs on: the one kept when its level took effect; for an incident from
 * before that was kept, its plan's level as it is now.
 */
export function appliedPlanLevel(i: IncidentRecord, plan: Pick<Plan, 'levels'> | undefined): PlanLevel | null {
  return i.planLevel ?? plan?.levels[i.level] ?? null;
}

/** The name an incident gets when the activator gives none: its type (防台防汛). */
export function defaultIncidentName(type: IncidentType): string {
  return INCIDENT_TYPE_NAMES[type].zh;
}
