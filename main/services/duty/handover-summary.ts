import { apiError } from '../../../common/contract';
import {
  HANDOVER_LIST_MAX,
  handoverSummarySchema,
  type ChecklistAnswer,
  type ChecklistItem,
  type HandoverSummary,
  type PendingAssigned,
} from '../../../common/contract/duty-handover';
import type { DutyShift } from '../../../common/contract/duty-log';
import type { DutyStore } from './duty-store';

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

/** What the summary reads: the log, the last sealed summary and the open orders. */
export type SummaryStore = Pick<DutyStore, 'log' | 'handovers' | 'openOrders'>;

/**
 * Generates the handover summary (交接班摘要) of a shift at `now`: the unit's open orders by state,
 * the overdue / supervised / parked ones, the 交办事项 still pending, the checklist and notes.
 * The center sees every order; a station the orders it holds (orders.station_id).
 */
export function buildSummary(
  store: SummaryStore,
  scope: SummaryScope,
  checklistItems: readonly ChecklistItem[],
  input: SummaryInput,
  now: number,
  sources: SummarySources = {},
): HandoverSummary {
  const station = scope.unit.kind === 'station' ? scope.unit.id : null;
  const { byState, overdue, supervised, parked } = store.openOrders(station, now, HANDOVER_LIST_MAX);

  const { pending, done } = assignedItems(store, scope, input.doneAssigned);
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
  { log, handovers }: SummaryStore,
  scope: SummaryScope,
  doneIds: readonly number[],
): { pending: PendingAssigned[]; done: PendingAssigned[] } {
  const lastSeal = handovers.lastSealSummary(scope.unit.id, scope.shift.startsAt);
  const carried = lastSeal !== undefined ? handoverSummarySchema.safeParse(JSON.parse(lastSeal)) : null;
  const fromShift: PendingAssigned[] = log.assigned(scope.shift.id);
  const candidates = [...(carried?.success ? carried.data.pendingAssigned : []), ...fromShift];
  const corrected = new Set(log.corrections(candidates.map((c) => c.entryId)).map((r) => r.correctsId));
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
  const withRef = (c: PendingAssigned): PendingAssigned => {
    const [ref] = log.refs([c.entryId]);
    return ref ? { ...c, ref } : c;
  };
  return {
    pending: open.filter((c) => !done.has(c.entryId)).map(withRef),
    done: open.filter((c) => done.has(c.entryId)).map(withRef),
  };
}
