import type { Urgency } from '../../../common/domain/orders/states';

/** The instants at which an order turns yellow (80 % of its limit used) and red (100 %). */
export interface ClockMarks {
  limitMinutes: number;
  mode: 'natural' | 'working';
  warnAt: number;
  deadlineAt: number;
}

/** What the order service needs from the SLA module (main/services/sla). */
export interface SlaClock {
  /** Starts the clock for a new order: the limit for (category × urgency) from `at`. */
  start(at: number, categoryId: string, urgency: Urgency): ClockMarks;
  /** After a pause from `pausedAt` to `resumedAt`, the marks still ahead move on by the paused time. */
  resume(marks: ClockMarks, pausedAt: number, resumedAt: number): ClockMarks;
  /** An approved extension: the limit grows by `extraMinutes` (in the order's mode). */
  extend(marks: ClockMarks, extraMinutes: number): ClockMarks;
  /** Share of the limit used at `now` (1 = due now); frozen at `pausedAt` while parked. */
  timeUsed(marks: ClockMarks, now: number, pausedAt: number | null): number;
}
