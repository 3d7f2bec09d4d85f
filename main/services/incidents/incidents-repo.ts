import { planLevelSchema } from '../../../common/contract/incidents';
import type { IncidentChecklistItem } from '../../../common/contract/incidents';
import type { IncidentLevel, IncidentType, PlanLevel, ReportKind } from '../../../common/domain/incidents';
import { SqlRepo } from '../../db/statements';

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

/** What an activation writes: the incident row as it starts. */
export type NewIncident = Omit<
  IncidentRecord,
  'id' | 'levelChangedAt' | 'closedAt' | 'closedByName' | 'summary' | 'startedById'
> & { startedById: number };

/** Which incidents a list wants; each key is one fixed condition. */
export interface IncidentFilter {
  state?: 'active' | 'closed' | undefined;
  type?: IncidentType | undefined;
  drill?: boolean | undefined;
  from?: number | undefined;
  to?: number | undefined;
}

/** Who writes a row: the signed-in user's id and name as they are stored. */
export interface IncidentWriter {
  id: number;
  name: string;
}

/** An order's link to an incident, as stored. */
export interface IncidentOrderLink {
  orderId: number;
  linkedAt: number;
  linkedByName: string;
  auto: boolean;
}

/** An incident as a handover summary names it. */
export interface ShiftIncidentRow {
  id: number;
  name: string;
  level: IncidentLevel;
  drill: number;
  startedAt: number;
  closedAt: number | null;
}

/** A report deadline a plan level adds. */
export type NewReport = Pick<ReportRecord, 'level' | 'kind' | 'dueAt'>;

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

const REPORT_COLUMNS = `id, incident_id AS incidentId, level, kind, due_at AS dueAt, recorded_at AS recordedAt,
  recorded_by_name AS recordedByName, text, attachment_ids AS attachmentIds, superseded_at AS supersededAt,
  soon_alerted_at AS soonAlertedAt, due_alerted_at AS dueAlertedAt`;

type RawReport = Omit<ReportRecord, 'attachmentIds'> & { attachmentIds: string | null };

function toReport(r: RawReport): ReportRecord {
  return { ...r, attachmentIds: r.attachmentIds === null ? [] : (JSON.parse(r.attachmentIds) as number[]) };
}

/** The filter's conditions, each a fixed SQL fragment with its parameter. */
function listWhere(filter: IncidentFilter): { where: string; params: (string | number)[] } {
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
  return { where: where.length > 0 ? `WHERE ${where.join(' AND ')}` : '', params };
}

/**
 * SQL of incidents, their checklists, report deadlines and order links (docs/architecture.md): the
 * incident services keep the rules and call these; writes run in the caller's transaction.
 */
export class IncidentsRepo extends SqlRepo {
  incident(id: number): IncidentRecord | undefined {
    const row = this.sql(`SELECT ${INCIDENT_COLUMNS} FROM incidents WHERE id = ?`).get(id) as RawIncident | undefined;
    return row ? toRecord(row) : undefined;
  }

  /** Active incidents, the real one first, then drills by start. */
  active(): IncidentRecord[] {
    const rows = this.sql(
      `SELECT ${INCIDENT_COLUMNS} FROM incidents WHERE closed_at IS NULL ORDER BY drill, started_at, id`,
    ).all() as RawIncident[];
    return rows.map(toRecord);
  }

  /** Newest first, filtered. */
  list(filter: IncidentFilter): IncidentRecord[] {
    const { where, params } = listWhere(filter);
    const rows = this.sql(`SELECT ${INCIDENT_COLUMNS} FROM incidents ${where} ORDER BY started_at DESC, id DESC`).all(
      ...params,
    ) as RawIncident[];
    return rows.map(toRecord);
  }

  reports(incidentId: number): ReportRecord[] {
    const rows = this.sql(
      `SELECT ${REPORT_COLUMNS} FROM incident_reports WHERE incident_id = ? ORDER BY due_at, id`,
    ).all(incidentId) as RawReport[];
    return rows.map(toReport);
  }

  /** Open reports of open incidents, earliest deadline first. */
  openReports(): ReportRecord[] {
    const rows = this.sql(
      `SELECT ${REPORT_COLUMNS} FROM incident_reports
       WHERE recorded_at IS NULL AND superseded_at IS NULL
         AND incident_id IN (SELECT id FROM incidents WHERE closed_at IS NULL)
       ORDER BY due_at, id`,
    ).all() as RawReport[];
    return rows.map(toReport);
  }

  checklist(incidentId: number): IncidentChecklistItem[] {
    const rows = this.sql(
      `SELECT id, key, text, level, added_at AS addedAt, done, done_at AS doneAt, done_by_name AS doneByName
       FROM incident_checklist WHERE incident_id = ? ORDER BY id`,
    ).all(incidentId) as (Omit<IncidentChecklistItem, 'done'> & { done: number })[];
    return rows.map((r) => ({ ...r, done: r.done === 1 }));
  }

  /** The incident's order links, newest first. */
  links(incidentId: number): IncidentOrderLink[] {
    const rows = this.sql(
      `SELECT order_id AS orderId, linked_at AS linkedAt, linked_by_name AS linkedByName, auto
       FROM incident_orders WHERE incident_id = ? ORDER BY linked_at DESC, order_id DESC`,
    ).all(incidentId) as (Omit<IncidentOrderLink, 'auto'> & { auto: number })[];
    return rows.map((r) => ({ ...r, auto: r.auto === 1 }));
  }

  /**
   * The incident a unit lived through between `start` and `now` (active, or closed since `start`):
   * real before drill, active before closed, newest first; a station's only of its area.
   */
  shiftIncident(
    unit: { id: string; kind: 'center' | 'station' },
    start: number,
    now: number,
  ): ShiftIncidentRow | undefined {
    return this.sql(
      `SELECT id, name, level, drill, started_at AS startedAt, closed_at AS closedAt FROM incidents i
       WHERE started_at <= @now AND (closed_at IS NULL OR closed_at >= @start)
         AND (@center = 1 OR EXISTS (SELECT 1 FROM json_each(i.station_ids) st WHERE st.value = @unit))
       ORDER BY drill, closed_at IS NOT NULL, started_at DESC, id DESC LIMIT 1`,
    ).get({ now, start, center: unit.kind === 'center' ? 1 : 0, unit: unit.id }) as ShiftIncidentRow | undefined;
  }

  /** The incident an order is linked to, if any. */
  incidentOfOrder(orderId: number): number | undefined {
    const row = this.sql('SELECT incident_id AS incidentId FROM incident_orders WHERE order_id = ?').get(orderId) as
      { incidentId: number } | undefined;
    return row?.incidentId;
  }

  /** Inserts an activated incident; its level takes effect at its start. Answers its id. */
  insert(i: NewIncident): number {
    const info = this.sql(
      `INSERT INTO incidents (center_id, type, name, level, drill, situation, area_ids, station_ids,
         commander_name, commander_user_id, plan_id, plan_level, started_at, started_by_id, started_by_name,
         level_changed_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      i.centerId,
      i.type,
      i.name,
      i.level,
      i.drill ? 1 : 0,
      i.situation,
      JSON.stringify(i.areaIds),
      JSON.stringify(i.stationIds),
      i.commanderName,
      i.commanderUserId,
      i.planId,
      i.planLevel ? JSON.stringify(i.planLevel) : null,
      i.startedAt,
      i.startedById,
      i.startedByName,
      i.startedAt,
    );
    return Number(info.lastInsertRowid);
  }

  setLevel(id: number, level: IncidentLevel, planLevel: PlanLevel | null, now: number): void {
    this.sql('UPDATE incidents SET level = ?, level_changed_at = ?, plan_level = ? WHERE id = ?').run(
      level,
      now,
      planLevel ? JSON.stringify(planLevel) : null,
      id,
    );
  }

  close(id: number, by: IncidentWriter, summary: string, now: number): void {
    this.sql('UPDATE incidents SET closed_at = ?, closed_by_id = ?, closed_by_name = ?, summary = ? WHERE id = ?').run(
      now,
      by.id,
      by.name,
      summary,
      id,
    );
  }

  addChecklistItem(incidentId: number, item: Pick<IncidentChecklistItem, 'level' | 'key' | 'text'>, now: number) {
    this.sql('INSERT INTO incident_checklist (incident_id, level, key, text, added_at) VALUES (?, ?, ?, ?, ?)').run(
      incidentId,
      item.level,
      item.key,
      item.text,
      now,
    );
  }

  /** Ticks (by `by`) or unticks a checklist item. */
  tick(itemId: number, by: IncidentWriter | null, now: number): void {
    this.sql('UPDATE incident_checklist SET done = ?, done_at = ?, done_by_id = ?, done_by_name = ? WHERE id = ?').run(
      by ? 1 : 0,
      by ? now : null,
      by ? by.id : null,
      by ? by.name : null,
      itemId,
    );
  }

  addReport(incidentId: number, r: NewReport): void {
    this.sql('INSERT INTO incident_reports (incident_id, level, kind, due_at) VALUES (?, ?, ?, ?)').run(
      incidentId,
      r.level,
      r.kind,
      r.dueAt,
    );
  }

  /** Supersedes a report of the incident not yet recorded. */
  supersedeReport(incidentId: number, reportId: number, now: number): void {
    this.sql(
      'UPDATE incident_reports SET superseded_at = ? WHERE id = ? AND incident_id = ? AND recorded_at IS NULL',
    ).run(now, reportId, incidentId);
  }

  /** Supersedes the incident's open reports whose deadline is still ahead (missed ones stay missed). */
  supersedeReportsDueAfter(incidentId: number, now: number): void {
    this.sql(
      `UPDATE incident_reports SET superseded_at = ?
       WHERE incident_id = ? AND recorded_at IS NULL AND superseded_at IS NULL AND due_at > ?`,
    ).run(now, incidentId, now);
  }

  recordReport(reportId: number, by: IncidentWriter, text: string, attachmentIds: readonly number[], now: number) {
    this.sql(
      `UPDATE incident_reports SET recorded_at = ?, recorded_by_id = ?, recorded_by_name = ?, text = ?,
         attachment_ids = ? WHERE id = ?`,
    ).run(now, by.id, by.name, text, attachmentIds.length > 0 ? JSON.stringify(attachmentIds) : null, reportId);
  }

  /** Marks a report announced as 5 minutes away; false when it already was. */
  markSoonAlerted(reportId: number, now: number): boolean {
    return (
      this.sql('UPDATE incident_reports SET soon_alerted_at = ? WHERE id = ? AND soon_alerted_at IS NULL').run(
        now,
        reportId,
      ).changes > 0
    );
  }

  /** Marks a report announced as due; false when it already was. */
  markDueAlerted(reportId: number, now: number): boolean {
    return (
      this.sql('UPDATE incident_reports SET due_alerted_at = ? WHERE id = ? AND due_alerted_at IS NULL').run(
        now,
        reportId,
      ).changes > 0
    );
  }

  linkOrder(incidentId: number, orderId: number, by: IncidentWriter, auto: boolean, now: number): void {
    this.sql(
      `INSERT INTO incident_orders (incident_id, order_id, linked_at, linked_by_id, linked_by_name, auto)
       VALUES (?, ?, ?, ?, ?, ?)`,
    ).run(incidentId, orderId, now, by.id, by.name, auto ? 1 : 0);
  }
}
