import type {
  IncidentChecklistItem,
  IncidentDetail,
  IncidentReport,
  IncidentSummary,
  LinkedOrder,
} from '../../../common/contract/incidents';
import {
  INCIDENT_TYPE_NAMES,
  isOpenReport,
  reportStatus,
  type IncidentType,
  type Plan,
  type PlanLevel,
} from '../../../common/domain/incidents';
import type { Db } from '../../db/connection';
import { linkedOrderFacts } from '../orders/order-refs';
import { canSeeOrder } from '../orders/order-visibility';
import { OrgRepo } from '../org/org-repo';
import type { Viewer } from '../org/viewer';
import type { PlansRepo } from './plans';
import type { IncidentPorts } from './ports';
import type { IncidentFilter, IncidentRecord, IncidentsRepo, ReportRecord } from './incidents-repo';
import type { IncidentTimelineRepo } from './timeline-repo';

export type { IncidentRecord, ReportRecord } from './incidents-repo';

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
    readonly repo: IncidentsRepo,
    readonly timeline: IncidentTimelineRepo,
    private readonly plans: PlansRepo,
  ) {
    this.org = new OrgRepo(db);
  }

  incident(id: number): IncidentRecord | undefined {
    return this.repo.incident(id);
  }

  /** Active incidents, the real one first, then drills by start. */
  active(): IncidentRecord[] {
    return this.repo.active();
  }

  /** Newest first, filtered; `limit + 1` rows so the caller can tell there are more. */
  list(filter: IncidentFilter): IncidentRecord[] {
    return this.repo.list(filter);
  }

  reports(incidentId: number): ReportRecord[] {
    return this.repo.reports(incidentId);
  }

  /** Open reports of open incidents (the sweep's work list), earliest deadline first. */
  openReports(): ReportRecord[] {
    return this.repo.openReports();
  }

  checklist(incidentId: number): IncidentChecklistItem[] {
    return this.repo.checklist(incidentId);
  }

  /** Linked orders the viewer may see, newest link first, with their durations at `now`. */
  orders(incidentId: number, viewer: Viewer, now: number): LinkedOrder[] {
    const links = this.repo.links(incidentId);
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
          auto,
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
      timeline: this.timeline.read(i.id),
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
