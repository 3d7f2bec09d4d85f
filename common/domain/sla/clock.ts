/**
 * The work-order deadline clock (docs/domain.md#the-order-lifecycle). An order's clock is stored as marks: its limit, the
 * mode it is measured in, and the instants at which 80 % (warnAt: yellow) and 100 % (deadlineAt: red)
 * of the limit are used. The light is then a comparison with now; these functions keep the marks right
 * across parking (the clock pauses) and approved extensions.
 */
import type { WorkingCalendar } from './working-calendar';

export type ClockMode = 'natural' | 'working';

/** Share of the limit at which an order turns yellow. */
export const WARN_SHARE = 0.8;

/** Same shape as main/services/orders/sla-port.ts ClockMarks (epoch ms). */
export interface ClockMarks {
  limitMinutes: number;
  mode: ClockMode;
  warnAt: number;
  deadlineAt: number;
}

/** Adds and measures time in one mode. */
export interface TimeMeasure {
  /** The instant `minutes` (negative allowed) after `at`, in epoch ms. */
  addMinutes(at: number, minutes: number): number;
  /** Minutes from `from` to `to`, negative when `to` is earlier. */
  minutesBetween(from: number, to: number): number;
}

/** Wall-clock time: every minute counts. */
export const NATURAL_TIME: TimeMeasure = {
  addMinutes: (at, minutes) => Math.round(at + minutes * 60_000),
  minutesBetween: (from, to) => (to - from) / 60_000,
};

/** The measure for each mode. */
export type TimeMeasures = Readonly<Record<ClockMode, TimeMeasure>>;

/** Natural time, and working time by `calendar`. */
export function clockMeasures(calendar: WorkingCalendar): TimeMeasures {
  return { natural: NATURAL_TIME, working: calendar };
}

export interface ClockLimit {
  minutes: number;
  mode: ClockMode;
}

/** Starts a clock at `at` (the order's creation). */
export function startMarks(measures: TimeMeasures, at: number, limit: ClockLimit): ClockMarks {
  if (!(limit.minutes > 0)) throw new RangeError('a time limit must be positive');
  const m = measures[limit.mode];
  return {
    limitMinutes: limit.minutes,
    mode: limit.mode,
    warnAt: m.addMinutes(at, limit.minutes * WARN_SHARE),
    deadlineAt: m.addMinutes(at, limit.minutes),
  };
}

/**
 * The clock was paused (parked) from `pausedAt` to `resumedAt`: each mark still ahead at `pausedAt`
 * moves on by the paused span measured in the order's mode (a weekend in working mode moves nothing);
 * marks already passed stay where they were.
 */
export function resumeMarks(
  measures: TimeMeasures,
  marks: ClockMarks,
  pausedAt: number,
  resumedAt: number,
): ClockMarks {
  const m = measures[marks.mode];
  const paused = m.minutesBetween(pausedAt, resumedAt);
  if (!(paused > 0)) return { ...marks };
  const move = (mark: number) => (mark > pausedAt ? m.addMinutes(mark, paused) : mark);
  return { ...marks, warnAt: move(marks.warnAt), deadlineAt: move(marks.deadlineAt) };
}

/**
 * An approved extension: the limit grows by `extraMinutes` (in the order's mode), the deadline moves on
 * by as much, and warnAt is again the instant at which 80 % of the new limit is used — the deadline
 * minus 20 % of the new limit. An overdue order can so turn yellow or green again.
 */
export function extendMarks(measures: TimeMeasures, marks: ClockMarks, extraMinutes: number): ClockMarks {
  const limitMinutes = marks.limitMinutes + extraMinutes;
  if (!Number.isFinite(extraMinutes) || !(limitMinutes > 0))
    throw new RangeError('the extended limit must be positive');
  const m = measures[marks.mode];
  const deadlineAt = m.addMinutes(marks.deadlineAt, extraMinutes);
  return {
    limitMinutes,
    mode: marks.mode,
    warnAt: m.addMinutes(deadlineAt, -limitMinutes * (1 - WARN_SHARE)),
    deadlineAt,
  };
}

/**
 * Share of the limit used at `now` — or at `pausedAt` while the clock is paused: 1 − remaining/limit,
 * the remaining time measured in the order's mode up to the deadline (negative past it). 1 = due now,
 * 1.25 = 25 % overdue. Consistent with the marks: ≥ 0.8 exactly from warnAt, ≥ 1 from deadlineAt.
 */
export function timeUsed(measures: TimeMeasures, marks: ClockMarks, now: number, pausedAt: number | null): number {
  const at = pausedAt ?? now;
  const remaining = measures[marks.mode].minutesBetween(at, marks.deadlineAt);
  return 1 - remaining / marks.limitMinutes;
}
