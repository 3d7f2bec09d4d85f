import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  NATURAL_TIME,
  WorkingCalendar,
  clockMeasures,
  extendMarks,
  resumeMarks,
  startMarks,
  timeUsed,
  type CalendarException,
  type ClockMarks,
} from '../../common/domain/sla';
import { shanghaiDate } from '../../common/domain/time';

interface SeedCalendar {
  note: string;
  days: { date: string; kind: 'holiday' | 'workday'; name: string }[];
}
const seed = JSON.parse(
  fs.readFileSync(path.resolve(import.meta.dirname, '../../resources/seed/calendar.json'), 'utf8'),
) as SeedCalendar;

/** An instant given as Shanghai wall-clock time, 'YYYY-MM-DD HH:mm'. */
function sh(local: string): number {
  const ms = Date.parse(`${local.replace(' ', 'T')}:00+08:00`);
  if (Number.isNaN(ms)) throw new Error(`bad test time ${local}`);
  return ms;
}

/** Shanghai wall-clock time of an instant, 'YYYY-MM-DD HH:mm' (without any local-time API). */
function fmt(at: number): string {
  return new Date(at + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

const cal = new WorkingCalendar(seed.days);
const measures = clockMeasures(cal);
const add = (local: string, minutes: number) => fmt(cal.addMinutes(sh(local), minutes));
const between = (a: string, b: string) => cal.minutesBetween(sh(a), sh(b));

/** Reference implementation: walks minute by minute. */
function bruteMinutesBetween(days: readonly CalendarException[], from: number, to: number): number {
  const kinds = new Map(days.map((d) => [d.date, d.kind]));
  let n = 0;
  for (let t = from; t < to; t += 60_000) {
    const local = new Date(t + 8 * 3_600_000);
    const kind = kinds.get(local.toISOString().slice(0, 10));
    const dow = local.getUTCDay();
    const workday = kind ? kind === 'workday' : dow !== 0 && dow !== 6;
    const m = local.getUTCHours() * 60 + local.getUTCMinutes();
    if (workday && ((m >= 540 && m < 720) || (m >= 780 && m < 1050))) n++;
  }
  return n;
}

/** Deterministic PRNG (mulberry32) for the property tests. */
function rng(seedValue: number) {
  let a = seedValue;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('calendar seed data', () => {
  it('has worked days only on weekends, no duplicate dates, and a note on 2027', () => {
    const dates = seed.days.map((d) => d.date);
    expect(new Set(dates).size).toBe(dates.length);
    for (const d of seed.days.filter((x) => x.kind === 'workday')) {
      expect([0, 6], d.date).toContain(new Date(`${d.date}T00:00:00Z`).getUTCDay());
    }
    expect(seed.note).toContain('2027');
    expect(seed.days.filter((d) => d.date.startsWith('2027')).every((d) => d.kind === 'holiday')).toBe(true);
  });

  it('gives 2026 its 248 working days (261 weekdays − 10 statutory − 3 make-up days off)', () => {
    let n = 0;
    for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2027, 0, 1); t += 86_400_000) {
      if (cal.isWorkday(new Date(t).toISOString().slice(0, 10))) n++;
    }
    expect(n).toBe(248);
    expect(cal.minutesBetween(sh('2026-01-01 00:00'), sh('2027-01-01 00:00'))).toBe(248 * 450);
  });

  it('knows the 2026 holidays and 调休 days', () => {
    expect(cal.isWorkday('2026-11-27')).toBe(true); // a Friday
    expect(cal.isWorkday('2026-11-28')).toBe(false); // a Saturday
    expect(cal.isWorkday('2026-10-01')).toBe(false); // 国庆, Thursday
    expect(cal.isWorkday('2026-02-16')).toBe(false); // 春节, Monday
    expect(cal.isWorkday('2026-01-04')).toBe(true); // Sunday worked
    expect(cal.isWorkday('2026-10-10')).toBe(true); // Saturday worked
    expect(cal.isWorkday('2026-09-20')).toBe(true); // Sunday worked
    expect(() => cal.isWorkday('2026-02-30')).toThrow(RangeError);
  });
});

describe('working time', () => {
  it('runs across a night', () => {
    // Thursday 2026-11-26 16:00 + 2 h: 1.5 h that day, 0.5 h on Friday morning.
    expect(add('2026-11-26 16:00', 120)).toBe('2026-11-27 09:30');
    expect(between('2026-11-26 16:00', '2026-11-27 09:30')).toBe(120);
    expect(between('2026-11-26 20:00', '2026-11-27 08:00')).toBe(0);
  });

  it('skips the lunch break', () => {
    expect(add('2026-11-26 11:30', 60)).toBe('2026-11-26 13:30');
    expect(between('2026-11-26 11:00', '2026-11-26 14:00')).toBe(120);
    expect(between('2026-11-26 12:10', '2026-11-26 12:50')).toBe(0);
  });

  it('ends a deadline at 17:30 rather than the next morning', () => {
    expect(add('2026-11-26 16:30', 60)).toBe('2026-11-26 17:30');
    expect(add('2026-11-26 09:00', 450)).toBe('2026-11-26 17:30');
    expect(add('2026-11-26 09:00', 451)).toBe('2026-11-27 09:01');
  });

  it('skips weekends', () => {
    expect(add('2026-11-27 17:00', 60)).toBe('2026-11-30 09:30');
    expect(add('2026-11-28 10:00', 1)).toBe('2026-11-30 09:01'); // started on a Saturday
    expect(between('2026-11-27 17:00', '2026-11-30 09:30')).toBe(60);
  });

  it('skips public holidays', () => {
    // Wednesday 09-30, then 国庆 10-01…10-07; Thursday 10-08 is the next working day.
    expect(add('2026-09-30 17:00', 60)).toBe('2026-10-08 09:30');
    expect(between('2026-09-30 09:00', '2026-10-08 09:00')).toBe(450);
    // 春节: Friday 02-13 → the 调休 Saturday 02-14 is worked, then nine days off.
    expect(add('2026-02-13 17:00', 60)).toBe('2026-02-14 09:30');
    expect(add('2026-02-14 17:00', 60)).toBe('2026-02-24 09:30');
  });

  it('works the 调休 weekend days', () => {
    expect(add('2026-10-09 17:00', 60)).toBe('2026-10-10 09:30'); // Saturday worked
    expect(add('2026-09-19 10:00', 30)).toBe('2026-09-20 09:30'); // Sunday worked
    expect(between('2026-10-09 09:00', '2026-10-12 09:00')).toBe(900);
  });

  it('adds negative minutes (walks backwards)', () => {
    expect(add('2026-11-30 09:30', -60)).toBe('2026-11-27 17:00');
    expect(add('2026-11-26 13:30', -60)).toBe('2026-11-26 11:30');
    expect(add('2026-10-08 09:30', -60)).toBe('2026-09-30 17:00');
    // The earliest instant with that much work done: Friday 17:30, not Monday 09:00.
    expect(add('2026-11-30 10:00', -60)).toBe('2026-11-27 17:30');
    expect(between('2026-11-30 09:30', '2026-11-27 17:00')).toBe(-60);
  });

  it('skips whole days arithmetically, also far away and across years', () => {
    expect(add('2026-11-26 09:00', 1350)).toBe('2026-11-30 17:30');
    // 248 working days from the first working minute of 2026 (Sunday 01-04, worked) end on its last.
    expect(add('2026-01-04 09:00', 248 * 450)).toBe('2026-12-31 17:30');
    expect(add('2026-01-05 09:00', 247 * 450)).toBe('2026-12-31 17:30');
    // Back one working day over 元旦 2027: the start of 12-31's work, i.e. the end of 12-30's.
    expect(add('2027-01-04 09:00', -450)).toBe('2026-12-30 17:30');
    expect(add('2027-01-04 09:00', -449)).toBe('2026-12-31 09:01');
    // Outside the calendar's years the Monday–Friday rule applies.
    expect(add('2030-01-07 09:00', 5 * 450)).toBe('2030-01-11 17:30');
  });

  it('agrees with a minute-by-minute walk', () => {
    const next = rng(20261126);
    const base = sh('2026-01-01 00:00');
    for (let i = 0; i < 60; i++) {
      const from = base + Math.floor(next() * 360 * 1440) * 60_000;
      const to = from + Math.floor(next() * 12 * 1440) * 60_000;
      const expected = bruteMinutesBetween(seed.days, from, to);
      expect(cal.minutesBetween(from, to), `${fmt(from)} → ${fmt(to)}`).toBe(expected);
      if (expected > 0) {
        // The expected-th working minute ends at the result.
        const end = cal.addMinutes(from, expected);
        expect(end).toBeLessThanOrEqual(to);
        expect(bruteMinutesBetween(seed.days, from, end)).toBe(expected);
      }
    }
  });

  it('round-trips add and between', () => {
    const next = rng(7);
    for (let i = 0; i < 500; i++) {
      const at = sh('2025-06-01 00:00') + Math.floor(next() * 900 * 1440) * 60_000;
      const minutes = Math.round((next() - 0.5) * 40_000);
      if (minutes === 0) continue;
      expect(cal.minutesBetween(at, cal.addMinutes(at, minutes))).toBeCloseTo(minutes, 6);
    }
  });

  it('rejects bad working hours and dates', () => {
    expect(() => new WorkingCalendar([], [])).toThrow(RangeError);
    expect(() => new WorkingCalendar([], [{ from: '12:00', to: '09:00' }])).toThrow(RangeError);
    expect(() => new WorkingCalendar([{ date: '2026-13-01', kind: 'holiday' }])).toThrow(RangeError);
  });

  it('takes other working hours from one place', () => {
    const short = new WorkingCalendar([], [{ from: '08:00', to: '16:00' }]);
    expect(short.minutesPerDay).toBe(480);
    expect(fmt(short.addMinutes(sh('2026-11-27 15:00'), 120))).toBe('2026-11-30 09:00');
  });
});

describe('time zone independence', () => {
  const original = process.env.TZ;
  afterEach(() => {
    if (original === undefined) delete process.env.TZ;
    else process.env.TZ = original;
  });

  it('computes the same in any machine time zone', () => {
    const results = ['UTC', 'America/Los_Angeles', 'Pacific/Kiritimati', 'Asia/Shanghai'].map((tz) => {
      process.env.TZ = tz;
      const fresh = new WorkingCalendar(seed.days);
      return [
        fresh.addMinutes(sh('2026-11-27 17:00'), 60),
        fresh.minutesBetween(sh('2026-09-30 09:00'), sh('2026-10-12 12:00')), // 9-30, 10-08, 10-09, 10-10 and a morning
        fresh.isWorkday('2026-10-10'),
        shanghaiDate(sh('2026-11-27 23:59')),
      ];
    });
    for (const r of results) expect(r).toEqual([sh('2026-11-30 09:30'), 4 * 450 + 180, true, '2026-11-27']);
  });
});

describe('the deadline clock', () => {
  const start = sh('2026-11-26 10:00'); // Thursday
  const working = startMarks(measures, start, { minutes: 1350, mode: 'working' });

  it('starts working-time marks at 80 % and 100 %', () => {
    // Thu 390 + Fri 450 = 840 by Friday evening; 80 % = 1080 → Monday 14:00; 1350 → Tuesday 10:00.
    expect(fmt(working.warnAt)).toBe('2026-11-30 14:00');
    expect(fmt(working.deadlineAt)).toBe('2026-12-01 10:00');
    expect(working).toMatchObject({ limitMinutes: 1350, mode: 'working' });
  });

  it('starts natural-time marks', () => {
    const m = startMarks(measures, start, { minutes: 480, mode: 'natural' });
    expect(fmt(m.warnAt)).toBe('2026-11-26 16:24');
    expect(fmt(m.deadlineAt)).toBe('2026-11-26 18:00');
  });

  it('reports time used, past 1 when overdue', () => {
    expect(timeUsed(measures, working, start, null)).toBe(0);
    expect(timeUsed(measures, working, sh('2026-11-28 12:00'), null)).toBeCloseTo(840 / 1350, 9); // weekend: frozen
    expect(timeUsed(measures, working, working.warnAt, null)).toBeCloseTo(0.8, 9);
    expect(timeUsed(measures, working, working.deadlineAt, null)).toBeCloseTo(1, 9);
    expect(timeUsed(measures, working, sh('2026-12-01 13:00'), null)).toBeCloseTo(1 + 120 / 1350, 9);
    const natural = startMarks(measures, start, { minutes: 120, mode: 'natural' });
    expect(timeUsed(measures, natural, start + 150 * 60_000, null)).toBeCloseTo(1.25, 9);
  });

  it('freezes time used while paused', () => {
    const pausedAt = sh('2026-11-27 10:00');
    const atPause = timeUsed(measures, working, pausedAt, null);
    expect(timeUsed(measures, working, sh('2026-12-20 10:00'), pausedAt)).toBe(atPause);
  });

  it('does not move working-time marks for a pause over a weekend', () => {
    const resumed = resumeMarks(measures, working, sh('2026-11-27 18:00'), sh('2026-11-30 08:30'));
    expect(resumed).toEqual(working);
  });

  it('moves working-time marks by the working time paused', () => {
    // Friday 16:30 → Monday 10:00: one working hour on Friday, one on Monday.
    const resumed = resumeMarks(measures, working, sh('2026-11-27 16:30'), sh('2026-11-30 10:00'));
    expect(fmt(resumed.warnAt)).toBe('2026-11-30 16:00');
    expect(fmt(resumed.deadlineAt)).toBe('2026-12-01 12:00');
    expect(resumed.limitMinutes).toBe(1350);
    // The share used is the same just before the pause and just after it.
    expect(timeUsed(measures, resumed, sh('2026-11-30 10:00'), null)).toBeCloseTo(
      timeUsed(measures, working, sh('2026-11-27 16:30'), null),
      9,
    );
  });

  it('moves natural-time marks by the whole weekend', () => {
    const m = startMarks(measures, sh('2026-11-27 15:00'), { minutes: 480, mode: 'natural' });
    const resumed = resumeMarks(measures, m, sh('2026-11-27 16:00'), sh('2026-11-30 08:00'));
    // 64 h paused: 21:24 → Monday 13:24, 23:00 → Monday 15:00.
    expect(fmt(resumed.warnAt)).toBe('2026-11-30 13:24');
    expect(fmt(resumed.deadlineAt)).toBe('2026-11-30 15:00');
  });

  it('leaves marks already passed where they are', () => {
    const m = startMarks(measures, start, { minutes: 480, mode: 'natural' }); // warn 16:24, due 18:00
    const resumed = resumeMarks(measures, m, sh('2026-11-26 17:00'), sh('2026-11-26 19:00'));
    expect(resumed.warnAt).toBe(m.warnAt);
    expect(fmt(resumed.deadlineAt)).toBe('2026-11-26 20:00');
    expect(resumeMarks(measures, m, sh('2026-11-26 19:00'), sh('2026-11-27 19:00'))).toEqual(m); // both passed
  });

  it('extends the limit and recomputes both marks', () => {
    const extended = extendMarks(measures, working, 450);
    expect(extended.limitMinutes).toBe(1800);
    expect(fmt(extended.deadlineAt)).toBe('2026-12-02 10:00');
    // 80 % of 1800 = 1440 working minutes from the start: Tuesday 11:30.
    expect(fmt(extended.warnAt)).toBe('2026-12-01 11:30');
    expect(extended.warnAt).toBe(cal.addMinutes(start, 1440));
  });

  it('turns an overdue order yellow again when extended', () => {
    const now = sh('2026-12-01 13:00');
    expect(timeUsed(measures, working, now, null)).toBeGreaterThan(1);
    const extended = extendMarks(measures, working, 450);
    const used = timeUsed(measures, extended, now, null);
    expect(used).toBeCloseTo(1 - 330 / 1800, 9);
    expect(now >= extended.warnAt && now < extended.deadlineAt).toBe(true);
  });

  it('extends natural-time marks', () => {
    const m = startMarks(measures, start, { minutes: 120, mode: 'natural' });
    const e = extendMarks(measures, m, 60);
    expect(fmt(e.deadlineAt)).toBe('2026-11-26 13:00');
    expect(fmt(e.warnAt)).toBe('2026-11-26 12:24');
    expect(() => extendMarks(measures, m, -120)).toThrow(RangeError);
  });

  it('keeps the light consistent with time used', () => {
    const next = rng(42);
    for (let i = 0; i < 300; i++) {
      const at = sh('2026-01-01 00:00') + Math.floor(next() * 700 * 1440) * 60_000;
      const mode = next() < 0.5 ? 'working' : 'natural';
      let marks: ClockMarks = startMarks(measures, at, { minutes: 10 + Math.floor(next() * 3000), mode });
      if (next() < 0.3) marks = extendMarks(measures, marks, 10 + Math.floor(next() * 900));
      const now = at + Math.floor(next() * 20 * 1440) * 60_000 + Math.floor(next() * 60_000);
      const used = timeUsed(measures, marks, now, null);
      if (Math.abs(used - 0.8) > 1e-6) expect(used >= 0.8, `warn ${fmt(now)}`).toBe(now >= marks.warnAt);
      if (Math.abs(used - 1) > 1e-6) expect(used >= 1, `due ${fmt(now)}`).toBe(now >= marks.deadlineAt);
    }
  });

  it('measures natural time plainly', () => {
    expect(NATURAL_TIME.addMinutes(0, 1.5)).toBe(90_000);
    expect(NATURAL_TIME.minutesBetween(90_000, 0)).toBe(-1.5);
  });
});
