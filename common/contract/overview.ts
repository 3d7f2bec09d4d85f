import { z } from 'zod';
import { method } from './define';
import { onDutySchema } from './duty-roster';
import { incidentSummarySchema } from './incidents';
import { orderStateSchema, urgencySchema } from './orders';
import { empty, epochMs, idSchema } from './schemas';

/**
 * Who opens the situation overview (态势总览): the duty chief and the coordinator (the center's room;
 * it is their landing) and the station chief (their station's part of it). Not the administrator,
 * who works on no order, nor the officers and monitors, whose work is the list, the intake and the wall.
 */
export const OVERVIEW_ROLES = ['duty_chief', 'station_chief', 'coordinator'] as const;

/** Rows of the overdue list sent; `overdue.total` stays exact beyond it. */
export const OVERVIEW_OVERDUE_MAX = 20;

const count = z.number().int().min(0);

/** Open orders and their red part: a station's or a workstation's row. */
const placeCountsSchema = z.object({ open: count, red: count });

export const overviewOverdueSchema = z.object({
  id: idSchema,
  code: z.string(),
  title: z.string(),
  urgency: urgencySchema,
  state: orderStateSchema,
  stationId: z.string().nullable(),
  workstationId: z.string().nullable(),
  handlerName: z.string().nullable(),
  deadlineAt: epochMs,
});
export type OverviewOverdue = z.infer<typeof overviewOverdueSchema>;

export const overviewCamerasSchema = z.object({
  gridId: z.string(),
  gridName: z.string(),
  total: count,
  enabled: count,
  online: count,
  offline: count,
});

/** Who is on shift now in one unit: onDuty without the caller's own check-in part. */
export const overviewShiftSchema = onDutySchema.omit({ mine: true }).extend({ orgUnitName: z.string() });
export type OverviewShift = z.infer<typeof overviewShiftSchema>;

/**
 * The room at `at`, scoped like the order list (a station user: their station's orders, cameras and
 * roster). Orders linked to a drill incident never count (issue 14 item 6): the links carry
 * `drill: false` so the list shows exactly the orders counted.
 */
export const overviewSchema = z.object({
  at: epochMs,
  /** The station the overview is scoped to (a station user's), else null: the whole town. */
  stationId: z.string().nullable(),
  /** 00:00 today in Beijing time: "new today" counts orders created since. */
  todayFrom: epochMs,
  orders: z.object({
    /** Open = not closed, voided, merged, called back or archived. */
    open: count,
    newToday: count,
    /** Every open state in lifecycle order, zeros included. */
    byState: z.array(z.object({ state: orderStateSchema, count })),
    /** The list's traffic light of the open orders; parked ones are `paused`. */
    byLight: z.object({ green: count, yellow: count, red: count, paused: count }),
  }),
  /** Red (overdue) open orders, most overdue first. */
  overdue: z.object({ total: count, rows: z.array(overviewOverdueSchema) }),
  /** Requests waiting for a duty chief's decision (the inbox's 审批): 延时, 挂账, 退单. */
  approvals: z.object({ total: count, extension: count, park: count, return: count }),
  /** Open orders held by each joint-duty station in scope. */
  stations: z.array(placeCountsSchema.extend({ id: z.string(), name: z.string() })),
  /** Every workstation in scope (all 36 for the center), zeros included. */
  workstations: z.array(placeCountsSchema.extend({ id: z.string(), name: z.string(), gridId: z.string().nullable() })),
  /** Cameras by responsibility grid, online state from the camera gateway (as on the wall's tree). */
  cameras: z.array(overviewCamerasSchema),
  /** The shift running now at the center and the stations in scope. */
  onShift: z.array(overviewShiftSchema),
  /** Active incidents as the banner shows them (the real one first, then drills), with report deadlines. */
  incidents: z.array(incidentSummarySchema),
});
export type Overview = z.infer<typeof overviewSchema>;

export const overviewMethods = {
  'overview.get': method({
    input: empty,
    output: overviewSchema,
    access: OVERVIEW_ROLES,
    writes: false,
    summary:
      'The situation overview (态势总览) in one call: open orders by state and light, overdue, approvals, per station and workstation, cameras by grid, who is on shift, active incidents',
  }),
} as const;
