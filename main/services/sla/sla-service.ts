import { apiError } from '../../../common/contract/errors';
import type { CalendarDay, TimeLimit } from '../../../common/contract/sla';
import type { Urgency } from '../../../common/domain/orders/states';
import {
  WorkingCalendar,
  clockMeasures,
  extendMarks,
  resumeMarks,
  startMarks,
  timeUsed,
  type ClockLimit,
  type TimeMeasures,
} from '../../../common/domain/sla';
import { dayNumber } from '../../../common/domain/time';
import type { Db } from '../../db/connection';
import type { ClockMarks, SlaClock } from '../orders/sla-port';

/** Used only when no row matches, not even '*' (the seed always provides the '*' rows). */
const BUILT_IN_LIMITS: Record<Urgency, ClockLimit> = {
  normal: { minutes: 1350, mode: 'working' },
  urgent: { minutes: 480, mode: 'natural' },
  critical: { minutes: 120, mode: 'natural' },
};

/** The ids a limit is looked up by, most specific first: 0200201 → 02002 → 02 → '*'. */
function lookupChain(categoryId: string): string[] {
  const chain = [categoryId];
  if (categoryId.length > 5) chain.push(categoryId.slice(0, 5));
  if (categoryId.length > 2) chain.push(categoryId.slice(0, 2));
  if (categoryId !== '*') chain.push('*');
  return chain;
}

/**
 * Time limits per category × urgency and the working calendar, with the deadline clock on top of them.
 * Both tables are held in memory and reloaded (lazily, from the database) after any change made through
 * this service, so a write that is rolled back never lingers in memory.
 */
export class SlaService implements SlaClock {
  private limitMap: Map<string, TimeLimit> | null = null;
  private cache: { calendar: WorkingCalendar; measures: TimeMeasures } | null = null;

  constructor(private readonly db: Db) {}

  /** Drops the in-memory copies; the next computation reads the tables again. */
  invalidate(): void {
    this.limitMap = null;
    this.cache = null;
  }

  // ---- time limits ----

  limits(): TimeLimit[] {
    return this.db
      .prepare(
        `SELECT category_id AS categoryId, urgency, minutes, mode FROM time_limits
         ORDER BY category_id = '*' DESC, category_id, CASE urgency WHEN 'normal' THEN 0 WHEN 'urgent' THEN 1 ELSE 2 END`,
      )
      .all() as TimeLimit[];
  }

  /** Sets the limit for (category × urgency); it applies to clocks started afterwards. */
  setLimit(limit: TimeLimit): TimeLimit {
    if (limit.categoryId !== '*' && !this.db.prepare('SELECT 1 FROM categories WHERE id = ?').get(limit.categoryId)) {
      throw apiError('E_NOT_FOUND', `没有此类别：${limit.categoryId}`, `No such category: ${limit.categoryId}`, {
        categoryId: limit.categoryId,
      });
    }
    this.db
      .prepare(
        `INSERT INTO time_limits (category_id, urgency, minutes, mode) VALUES (@categoryId, @urgency, @minutes, @mode)
         ON CONFLICT (category_id, urgency) DO UPDATE SET minutes = excluded.minutes, mode = excluded.mode`,
      )
      .run(limit);
    this.invalidate();
    return { ...limit };
  }

  /** The limit for (category × urgency): the category's own, else its parent's, its domain's, or '*'. */
  limitFor(categoryId: string, urgency: Urgency): ClockLimit {
    const map = this.loadLimits();
    for (const id of lookupChain(categoryId)) {
      const found = map.get(`${id}|${urgency}`);
      if (found) return { minutes: found.minutes, mode: found.mode };
    }
    return { ...BUILT_IN_LIMITS[urgency] };
  }

  // ---- working calendar ----

  calendarDays(year: number): CalendarDay[] {
    return this.db
      .prepare('SELECT date, kind, name FROM calendar_days WHERE date >= ? AND date < ? ORDER BY date')
      .all(`${year}-01-01`, `${year + 1}-01-01`) as CalendarDay[];
  }

  /** Marks a day as holiday or worked weekend day; 'normal' returns it to the Monday–Friday rule. */
  setCalendarDay(date: string, kind: CalendarDay['kind'] | 'normal', name: string): void {
    if (dayNumber(date) === null) {
      throw apiError('E_INVALID', `日期无效：${date}`, `Not a calendar date: ${date}`, { date });
    }
    if (kind === 'normal') {
      this.db.prepare('DELETE FROM calendar_days WHERE date = ?').run(date);
    } else {
      this.db
        .prepare(
          `INSERT INTO calendar_days (date, kind, name) VALUES (?, ?, ?)
           ON CONFLICT (date) DO UPDATE SET kind = excluded.kind, name = excluded.name`,
        )
        .run(date, kind, name);
    }
    this.invalidate();
  }

  /** The working calendar as it is now (built from the table on first use after a change). */
  calendar(): WorkingCalendar {
    return this.loadCalendar().calendar;
  }

  // ---- the clock (SlaClock) ----

  start(at: number, categoryId: string, urgency: Urgency): ClockMarks {
    return startMarks(this.measures(), at, this.limitFor(categoryId, urgency));
  }

  resume(marks: ClockMarks, pausedAt: number, resumedAt: number): ClockMarks {
    return resumeMarks(this.measures(), marks, pausedAt, resumedAt);
  }

  extend(marks: ClockMarks, extraMinutes: number): ClockMarks {
    return extendMarks(this.measures(), marks, extraMinutes);
  }

  timeUsed(marks: ClockMarks, now: number, pausedAt: number | null): number {
    return timeUsed(this.measures(), marks, now, pausedAt);
  }

  private loadLimits(): Map<string, TimeLimit> {
    if (!this.limitMap) {
      this.limitMap = new Map(this.limits().map((l) => [`${l.categoryId}|${l.urgency}`, l]));
    }
    return this.limitMap;
  }

  private loadCalendar(): { calendar: WorkingCalendar; measures: TimeMeasures } {
    if (!this.cache) {
      const rows = this.db.prepare('SELECT date, kind FROM calendar_days').all() as CalendarDay[];
      // Rows are checked on the way in; one written around this service must not stop every clock.
      const calendar = new WorkingCalendar(rows.filter((d) => dayNumber(d.date) !== null));
      this.cache = { calendar, measures: clockMeasures(calendar) };
    }
    return this.cache;
  }

  private measures(): TimeMeasures {
    return this.loadCalendar().measures;
  }
}
