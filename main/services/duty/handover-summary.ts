import { apiError } from '../../../common/contract';
import {
  HANDOVER_LIST_MAX,
  handoverSummarySchema,
  type ChecklistAnswer,
  type ChecklistItem,
  type HandoverOrder,
  type HandoverSummary,
  type PendingAssigned,
} from '../../../common/contract/duty-handover';
import type { DutyEntryRef, DutyShift } from '../../../common/contract/duty-log';
import { FINISHED_STATES, ORDER_STATES, type OrderState } from '../../../common/domain/orders/states';
import type { Db } from '../../db/connection';

/** What the summary is about: the unit and its shift. */
export interface SummaryScope {
  unit: { id: string; name: string; kind: 'center' | 'station' };
  shift: DutyShift & { name: string };
}

/** What the outgoing chief adds: checklist answers, notes, the 交办事项 done this shift. */
export interface SummaryInput {
  checklist: readonly { id: string; done: boolean; note: string }[];
  notes: string;
  doneAssigned: readonly number[];
}

/** Sections that come from other parts of the hub once they exist (cameras, incident mode). */
export interface SummarySources {
  camerasOffline?: () => { id: string; name: string }[];
  /** The incident section: the unit's incident of the shift, or null (incidents/handover-section.ts). */
  incident?: (scope: SummaryScope, now: number) => NonNullable<HandoverSummary['incident']> | null;
}

const FINISHED_SQL = FINISHED_STATES.map((s) => `'${s}'`).join(', ');

/**
 * Generates the handover summary (交接班摘要) of a shift at `now`: the unit's open orders by state,
 * the overdue / supervised / parked ones, the 交办事项 still pending, the checklist and notes.
 * The center sees every order; a station the orders it holds (orders.station_id).
 */
export function buildSummary(
  db: Db,
  scope: SummaryScope,
  checklistItems: readonly ChecklistItem[],
  input: SummaryInput,
  now: number,
  sources: SummarySources = {},
): HandoverSummary {
  const station = scope.unit.kind === 'station' ? scope.unit.id : null;
  const where = `state NOT IN (${FINISHED_SQL})${station ? ' AND station_id = @station' : ''}`;
  const params = { station, now, max: HANDOVER_LIST_MAX };
  const counts = db.prepare(`SELECT state, count(*) AS n FROM orders WHERE ${where} GROUP BY state`).all(params) as {
    state: OrderState;
    n: number;
  }[];
  const byState = ORDER_STATES.flatMap((state) => {
    const found = counts.find((c) => c.state === state);
    return found ? [{ state, count: found.n }] : [];
  });
  const list = (condition: string, order: string): { total: number; rows: HandoverOrder[] } => {
    const total = (
      db.prepare(`SELECT count(*) AS n FROM orders WHERE ${where} AND ${condition}`).get(params) as { n: number }
    ).n;
    const rows = db
      .prepare(
        `SELECT id, code, title, state, deadline_at AS deadlineAt FROM orders
         WHERE ${where} AND ${condition} ORDER BY ${order} LIMIT @max`,
      )
      .all(params) as HandoverOrder[];
    return { total, rows };
  };
  const overdue = list(`state <> 'parked' AND deadline_at IS NOT NULL AND deadline_at < @now`, 'deadline_at, id');
  const supervised = list('supervised = 1', 'deadline_at IS NULL, deadline_at, id');
  const parked = list(`state = 'parked'`, 'id');

  const { pending, done } = assignedItems(db, scope, input.doneAssigned);
  const summary: HandoverSummary = {
    generatedAt: now,
    orgUnitId: scope.unit.id,
    orgUnitName: scope.unit.name,
    shift: {
      date: scope.shift.date,
      code: scope.shift.code,
      name: scope.shift.name,
      startsAt: scope.shift.startsAt,
      endsAt: scope.shift.endsAt,
    },
    orders: {
      byState,
      openTotal: byState.reduce((sum, s) => sum + s.count, 0),
      overdueTotal: overdue.total,
      overdue: overdue.rows,
      supervisedTotal: supervised.total,
      supervised: supervised.rows,
      parkedTotal: parked.total,
      parked: parked.rows,
    },
    pendingAssigned: pending,
    doneAssigned: done,
    checklist: answers(checklistItems, input.checklist),
    notes: input.notes.trim(),
  };
  if (sources.incident) summary.incident = sources.incident(scope, now);
  if (sources.camerasOffline) summary.camerasOffline = sources.camerasOffline();
  return handoverSummarySchema.parse(summary);
}

function answers(
  items: readonly ChecklistItem[],
  given: readonly { id: string; done: boolean; note: string }[],
): ChecklistAnswer[] {
  const unknown = given.find((g) => !items.some((i) => i.id === g.id));
  if (unknown) {
    throw apiError('E_INVALID', `检查项 ${unknown.id} 不存在`, `No checklist item ${unknown.id}`, {
      field: 'checklist',
    });
  }
  return items.map((item) => {
    const answer = given.find((g) => g.id === item.id);
    return { id: item.id, label: item.label, done: answer?.done ?? false, note: answer?.note.trim() ?? '' };
  });
}

/**
 * The 交办事项 to hand over: those still pending at the unit's last seal plus those written in this
 * shift; an item corrected by a later entry gives way to its correction (which, if it is itself a
 * 交办事项, is the item now). `doneIds` must name items of that list; they move to `done`.
 */
function assignedItems(
  db: Db,
  scope: SummaryScope,
  doneIds: readonly number[],
): { pending: PendingAssigned[]; done: PendingAssigned[] } {
  const lastSeal = db
    .prepare(
      `SELECT d.summary FROM duty_seals d JOIN duty_shifts s ON s.id = d.shift_id
       WHERE s.org_unit_id = ? AND s.starts_at < ? ORDER BY s.starts_at DESC, d.id DESC LIMIT 1`,
    )
    .get(scope.unit.id, scope.shift.startsAt) as { summary: string } | undefined;
  const carried = lastSeal ? handoverSummarySchema.safeParse(JSON.parse(lastSeal.summary)) : null;
  const fromShift = db
    .prepare(
      `SELECT id AS entryId, at, author_name AS authorName, text FROM duty_log_entries
       WHERE shift_id = ? AND kind = 'assigned' ORDER BY id`,
    )
    .all(scope.shift.id) as PendingAssigned[];
  const candidates = [...(carried?.success ? carried.data.pendingAssigned : []), ...fromShift];
  const corrected = new Set(
    (
      db
        .prepare(
          `SELECT DISTINCT corrects_id AS id FROM duty_log_entries
           WHERE corrects_id IN (SELECT value FROM json_each(?))`,
        )
        .all(JSON.stringify(candidates.map((c) => c.entryId))) as { id: number }[]
    ).map((r) => r.id),
  );
  const open = candidates.filter((c) => !corrected.has(c.entryId));
  const unknown = doneIds.find((id) => !open.some((c) => c.entryId === id));
  if (unknown !== undefined) {
    throw apiError(
      'E_INVALID',
      `记录 ${unknown} 不是待办的交办事项`,
      `Entry ${unknown} is not a pending assigned task`,
      { field: 'doneAssigned' },
    );
  }
  const done = new Set(doneIds);
  // Named by number and shift (第3条, 12-01 早班 第3条), also for items carried from older summaries.
  const refOf = db.prepare(
    `SELECT e.id, COALESCE(e.seq, 0) AS seq, e.shift_id AS shiftId, s.date AS shiftDate, s.code AS shiftCode
     FROM duty_log_entries e JOIN duty_shifts s ON s.id = e.shift_id WHERE e.id = ?`,
  );
  const withRef = (c: PendingAssigned): PendingAssigned => {
    const ref = refOf.get(c.entryId) as DutyEntryRef | undefined;
    return ref ? { ...c, ref } : c;
  };
  return {
    pending: open.filter((c) => !done.has(c.entryId)).map(withRef),
    done: open.filter((c) => done.has(c.entryId)).map(withRef),
  };
}
