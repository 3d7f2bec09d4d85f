import type { Light, OrderSummary } from '../../../common/contract';
import type { FeedbackResult } from '../../../common/domain/orders/feedback';
import { isOpen, type OrderState } from '../../../common/domain/orders/states';
import type { ClockMarks, SlaClock } from './sla-port';

/** The columns every order query selects, joined with the names the list shows. */
export const ORDER_COLUMNS = `
  o.id, o.code, o.title, o.description, o.category_id AS categoryId, c.name AS categoryName,
  o.domain_id AS domainId, o.workstation_id AS workstationId, w.name AS workstationName,
  o.grid_id AS gridId, o.station_id AS stationId, o.address, o.lat, o.lng, o.source,
  o.reporter_name AS reporterName, o.reporter_phone AS reporterPhone, o.urgency,
  o.response_level AS responseLevel, o.state, o.previous_state AS previousState,
  o.pending_request AS pending, o.pending_detail AS pendingDetail, o.handler_kind AS handlerKind,
  o.handler_id AS handlerId, o.handler_name AS handlerName, o.rework_count AS reworkCount,
  o.supervised, o.parent_id AS parentId, o.camera_id AS cameraId, o.created_by AS createdBy,
  o.created_at AS createdAt, o.updated_at AS updatedAt, o.closed_at AS closedAt,
  o.limit_minutes AS limitMinutes, o.limit_mode AS limitMode, o.warn_at AS warnAt,
  o.deadline_at AS deadlineAt, o.paused_at AS pausedAt, o.alerted_yellow AS alertedYellow,
  o.alerted_red AS alertedRed, o.feedback_result AS feedbackResult, o.feedback_at AS feedbackAt,
  (SELECT io.incident_id FROM incident_orders io WHERE io.order_id = o.id) AS incidentId`;

export const ORDER_FROM = `
  orders o
  JOIN categories c ON c.id = o.category_id
  LEFT JOIN org_units w ON w.id = o.workstation_id`;

export interface OrderRow {
  id: number;
  code: string;
  title: string;
  description: string;
  categoryId: string;
  categoryName: string;
  domainId: string;
  workstationId: string | null;
  workstationName: string | null;
  gridId: string | null;
  stationId: string | null;
  address: string;
  lat: number | null;
  lng: number | null;
  source: OrderSummary['source'];
  reporterName: string | null;
  reporterPhone: string | null;
  urgency: OrderSummary['urgency'];
  responseLevel: OrderSummary['responseLevel'];
  state: OrderState;
  previousState: OrderState | null;
  pending: 'extension' | 'park' | null;
  pendingDetail: string | null;
  handlerKind: 'station' | 'department' | 'workstation' | null;
  handlerId: string | null;
  handlerName: string | null;
  reworkCount: number;
  supervised: number;
  parentId: number | null;
  cameraId: string | null;
  createdBy: number | null;
  createdAt: number;
  updatedAt: number;
  closedAt: number | null;
  limitMinutes: number | null;
  limitMode: 'natural' | 'working' | null;
  warnAt: number | null;
  deadlineAt: number | null;
  pausedAt: number | null;
  alertedYellow: number;
  alertedRed: number;
  /** the incident the order is linked to (incident mode), if any */
  incidentId: number | null;
  feedbackResult: FeedbackResult | null;
  feedbackAt: number | null;
}

export function marksOf(row: OrderRow): ClockMarks | null {
  if (row.limitMinutes === null || row.limitMode === null || row.warnAt === null || row.deadlineAt === null)
    return null;
  return { limitMinutes: row.limitMinutes, mode: row.limitMode, warnAt: row.warnAt, deadlineAt: row.deadlineAt };
}

/** Traffic light at `now`: red past the deadline, yellow past 80 %, frozen while parked. */
export function lightOf(row: OrderRow, now: number): Light {
  if (!isOpen(row.state)) return 'done';
  if (row.pausedAt !== null) return 'paused';
  if (row.deadlineAt !== null && now >= row.deadlineAt) return 'red';
  if (row.warnAt !== null && now >= row.warnAt) return 'yellow';
  return 'green';
}

export function toSummary(row: OrderRow, now: number, sla: SlaClock): OrderSummary {
  const marks = marksOf(row);
  const end = row.closedAt ?? now;
  return {
    id: row.id,
    code: row.code,
    title: row.title,
    categoryId: row.categoryId,
    categoryName: row.categoryName,
    domainId: row.domainId,
    workstationId: row.workstationId,
    workstationName: row.workstationName,
    stationId: row.stationId,
    address: row.address,
    source: row.source,
    urgency: row.urgency,
    responseLevel: row.responseLevel,
    state: row.state,
    handler:
      row.handlerKind && row.handlerId
        ? { kind: row.handlerKind, id: row.handlerId, name: row.handlerName ?? row.handlerId }
        : null,
    deadlineAt: row.deadlineAt,
    light: lightOf(row, now),
    timeUsed: marks ? sla.timeUsed(marks, end, row.pausedAt) : null,
    supervised: row.supervised === 1,
    reworkCount: row.reworkCount,
    pending: row.pending,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    incidentId: row.incidentId,
    feedbackResult: row.feedbackResult,
  };
}
