import { describe, expect, it } from 'vitest';
import {
  CENTER_POSTS,
  DEFAULT_CENTER_PATTERN,
  DEFAULT_STATION_PATTERN,
  STATION_POSTS,
  crossesMidnight,
  findConflicts,
  formatShiftRange,
  mondayOf,
  monthView,
  shiftAt,
  shiftInstances,
  validatePattern,
  weekView,
} from '../../common/domain/duty';
import { CENTER_0715, DAY_MS, assign, instance, pattern, sh } from '../helpers/shift-calendar';

describe('shift templates and their validation', () => {
  it('accepts the default center and station patterns and the 07/15/23 variant', () => {
    expect(validatePattern(DEFAULT_CENTER_PATTERN)).toEqual([]);
    expect(validatePattern(DEFAULT_STATION_PATTERN)).toEqual([]);
    expect(validatePattern(CENTER_0715)).toEqual([]);
    expect(DEFAULT_CENTER_PATTERN.shifts.map((s) => s.name)).toEqual(['夜班', '早班', '中班']);
    expect(DEFAULT_STATION_PATTERN.shifts.map((s) => [s.name, s.start, s.end, s.kind])).toEqual([
      ['早班', '06:00', '14:00', 'duty'],
      ['晚班', '14:00', '22:00', 'duty'],
      ['夜间备勤', '22:00', '06:00', 'standby'],
    ]);
  });

  it('names the posts of the center and the stations with codes', () => {
    expect(CENTER_POSTS.map((p) => [p.code, p.name])).toEqual([
      ['duty_chief', '平台值班长'],
      ['grid_officer', '网格信息员'],
      ['hotline_officer', '热线信息员'],
      ['video_monitor', '视频监控员'],
    ]);
    expect(STATION_POSTS.map((p) => p.name)).toEqual(
      expect.arrayContaining(['站长', '值班长', '平台信息员', '联勤队长']),
    );
    const codes = [...CENTER_POSTS, ...STATION_POSTS].map((p) => p.code);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('catches a gap in the 7×24 center pattern, including one across midnight', () => {
    const gap = validatePattern(
      pattern('center', ['night', '00:00', '08:00'], ['early', '08:00', '16:00'], ['middle', '16:00', '23:00']),
    );
    expect(gap.map((p) => p.kind)).toEqual(['gap']);
    expect(gap[0]?.message.zh).toContain('23:00–24:00');
    expect(gap[0]?.message.en).toContain('23:00–24:00');

    const across = validatePattern(
      pattern('center', ['early', '08:00', '16:00'], ['middle', '16:00', '23:00'], ['night', '01:00', '08:00']),
    );
    expect(across).toHaveLength(1);
    expect(across[0]?.message.en).toContain('23:00–01:00');

    // Standby is not duty: a center whose nights are only standby is not 7×24.
    const standby = validatePattern(
      pattern('center', ['day', '08:00', '20:00'], ['nightsb', '20:00', '08:00', 'standby']),
    );
    expect(standby.map((p) => [p.kind, p.message.en])).toEqual([['gap', expect.stringContaining('20:00–08:00')]]);
  });

  it('does not require 24-hour cover at a station', () => {
    expect(validatePattern(pattern('station', ['early', '06:00', '14:00'], ['late', '14:00', '22:00']))).toEqual([]);
  });

  it('catches overlaps, also across midnight', () => {
    const sameDay = validatePattern(
      pattern('center', ['night', '00:00', '08:00'], ['early', '08:00', '16:30'], ['middle', '16:00', '24:00']),
    );
    expect(sameDay.map((p) => [p.kind, p.codes])).toEqual([['overlap', ['early', 'middle']]]);
    expect(sameDay[0]?.message.zh).toMatch(/early.*middle.*重叠/);

    // 16:00–00:30 runs into the next day's 00:00–08:00.
    const wrapped = validatePattern(
      pattern('center', ['night', '00:00', '08:00'], ['early', '08:00', '16:00'], ['middle', '16:00', '00:30']),
    );
    expect(wrapped.map((p) => [p.kind, p.codes])).toEqual([['overlap', ['night', 'middle']]]);

    const standby = validatePattern(
      pattern('station', ['early', '05:00', '14:00'], ['night_standby', '22:00', '06:00', 'standby']),
    );
    expect(standby.map((p) => p.kind)).toEqual(['overlap']);
  });

  it('rejects bad times, codes and empty patterns; accepts 24:00 only as an end', () => {
    const bad = validatePattern(
      pattern(
        'station',
        ['a', '25:00', '06:00'],
        ['b', '24:00', '23:00'],
        ['c', '8:00', '12:00'],
        ['d', '12:00', '24:00'],
      ),
    );
    expect(bad.map((p) => [p.kind, p.codes])).toEqual([
      ['bad_time', ['a']],
      ['bad_time', ['b']],
      ['bad_time', ['c']],
    ]);
    expect(bad[0]?.message.zh).toContain('25:00');
    const codes = validatePattern(
      pattern('station', ['x', '06:00', '10:00'], ['x', '10:00', '14:00'], ['Bad Code', '14:00', '18:00']),
    );
    expect(codes.map((p) => p.kind)).toEqual(['duplicate_code', 'bad_code']);
    expect(validatePattern({ orgKind: 'center', shifts: [] }).map((p) => p.kind)).toEqual(['no_shifts']);
    // One 24-hour shift (end = start) covers the center alone.
    expect(validatePattern(pattern('center', ['all', '08:00', '08:00']))).toEqual([]);
  });
});

describe('shift instances in Asia/Shanghai', () => {
  it('places the center shifts of a day, the 中班 ending at midnight (24:00)', () => {
    const day = shiftInstances(DEFAULT_CENTER_PATTERN, '2026-02-04', '2026-02-04');
    expect(day).toEqual([
      { date: '2026-02-04', code: 'night', startsAt: sh('2026-02-04 00:00'), endsAt: sh('2026-02-04 08:00') },
      { date: '2026-02-04', code: 'early', startsAt: sh('2026-02-04 08:00'), endsAt: sh('2026-02-04 16:00') },
      { date: '2026-02-04', code: 'middle', startsAt: sh('2026-02-04 16:00'), endsAt: sh('2026-02-05 00:00') },
    ]);
    expect(formatShiftRange(day[2] ?? day[0]!).zh).toBe('2026-02-04 16:00–24:00');
  });

  it('dates a cross-midnight center night shift by the day it starts', () => {
    const night = instance(CENTER_0715, '2026-02-28', 'night');
    expect(night.startsAt).toBe(sh('2026-02-28 23:00'));
    expect(night.endsAt).toBe(sh('2026-03-01 07:00'));
    expect(crossesMidnight({ start: '23:00', end: '07:00' })).toBe(true);
    expect(crossesMidnight({ start: '16:00', end: '24:00' })).toBe(false);
    expect(formatShiftRange(night)).toEqual({
      zh: '2026-02-28 23:00–次日07:00',
      en: '2026-02-28 23:00–07:00 next day',
    });
  });

  it('runs the station night standby 22:00 to 06:00 the next day', () => {
    const sb = instance(DEFAULT_STATION_PATTERN, '2026-12-31', 'night_standby');
    expect(sb).toEqual({
      date: '2026-12-31',
      code: 'night_standby',
      startsAt: sh('2026-12-31 22:00'),
      endsAt: sh('2027-01-01 06:00'),
    });
    expect(sb.endsAt - sb.startsAt).toBe(8 * 3_600_000);
  });

  it('covers every instant of a week with exactly one center shift, back to back', () => {
    const week = shiftInstances(CENTER_0715, '2026-02-02', '2026-02-08');
    expect(week).toHaveLength(21);
    for (let i = 1; i < week.length; i++) expect(week[i]?.startsAt).toBe(week[i - 1]?.endsAt);
  });

  it('finds the shift covering 23:59, 00:00, 05:59 and 06:00 at a station', () => {
    const at = (local: string) => shiftAt(DEFAULT_STATION_PATTERN, sh(local));
    expect(at('2026-02-04 21:59')).toMatchObject({ date: '2026-02-04', code: 'late' });
    expect(at('2026-02-04 22:00')).toMatchObject({ date: '2026-02-04', code: 'night_standby' });
    expect(at('2026-02-04 23:59')).toMatchObject({ date: '2026-02-04', code: 'night_standby' });
    expect(at('2026-02-05 00:00')).toMatchObject({ date: '2026-02-04', code: 'night_standby' });
    expect(at('2026-02-05 05:59')).toMatchObject({ date: '2026-02-04', code: 'night_standby' });
    expect(at('2026-02-05 06:00')).toMatchObject({ date: '2026-02-05', code: 'early' });
    expect(shiftAt(DEFAULT_STATION_PATTERN, sh('2026-02-05 06:00') - 1)).toMatchObject({
      date: '2026-02-04',
      code: 'night_standby',
    });
    // Without standby nobody is on shift at night.
    expect(
      shiftAt(pattern('station', ['early', '06:00', '14:00'], ['late', '14:00', '22:00']), sh('2026-02-04 23:00')),
    ).toBeNull();
  });

  it('finds the center shift at 23:59, 00:00, 05:59 and 06:00, and yesterday’s night at 03:00', () => {
    const at = (local: string) => shiftAt(DEFAULT_CENTER_PATTERN, sh(local));
    expect(at('2026-02-04 23:59')).toMatchObject({ date: '2026-02-04', code: 'middle' });
    expect(at('2026-02-05 00:00')).toMatchObject({ date: '2026-02-05', code: 'night' });
    expect(at('2026-02-05 05:59')).toMatchObject({ date: '2026-02-05', code: 'night' });
    expect(at('2026-02-05 06:00')).toMatchObject({ date: '2026-02-05', code: 'night' });
    expect(at('2026-02-05 08:00')).toMatchObject({ date: '2026-02-05', code: 'early' });
    expect(shiftAt(CENTER_0715, sh('2026-03-01 03:00'))).toMatchObject({ date: '2026-02-28', code: 'night' });
    expect(shiftAt(CENTER_0715, sh('2026-03-01 00:00'))).toMatchObject({ date: '2026-02-28', code: 'night' });
    expect(shiftAt(CENTER_0715, sh('2026-03-01 07:00'))).toMatchObject({ date: '2026-03-01', code: 'early' });
  });

  it('rejects malformed dates and template times', () => {
    expect(() => shiftInstances(DEFAULT_CENTER_PATTERN, '2026-02-30', '2026-03-01')).toThrow(RangeError);
    expect(() => shiftInstances(pattern('station', ['x', '6:00', '14:00']), '2026-02-01', '2026-02-01')).toThrow(
      /invalid times/,
    );
    expect(shiftInstances(DEFAULT_CENTER_PATTERN, '2026-02-02', '2026-02-01')).toEqual([]);
  });
});

describe('week and month views', () => {
  it('shows a Monday-based week, also when asked for its Sunday', () => {
    for (const d of ['2026-02-02', '2026-02-04', '2026-02-08']) {
      const w = weekView(DEFAULT_STATION_PATTERN, d);
      expect(w.monday).toBe('2026-02-02');
      expect(w.days.map((x) => x.date)).toEqual([
        '2026-02-02',
        '2026-02-03',
        '2026-02-04',
        '2026-02-05',
        '2026-02-06',
        '2026-02-07',
        '2026-02-08',
      ]);
      expect(w.days.map((x) => x.weekday)).toEqual([1, 2, 3, 4, 5, 6, 7]);
      expect(w.days.every((x) => x.shifts.length === 3 && x.shifts.every((s) => s.date === x.date))).toBe(true);
    }
    expect(mondayOf('2026-03-01')).toBe('2026-02-23');
    // Year boundary: 2027-01-01 is a Friday.
    expect(weekView(DEFAULT_CENTER_PATTERN, '2027-01-01').monday).toBe('2026-12-28');
  });

  it('lays out February 2026 (starts on a Sunday) as 5 whole weeks', () => {
    const m = monthView(DEFAULT_CENTER_PATTERN, 2026, 2);
    const days = m.weeks.flat();
    expect(m.weeks).toHaveLength(5);
    expect(m.weeks.every((w) => w.length === 7 && w[0]?.weekday === 1 && w[6]?.weekday === 7)).toBe(true);
    expect(days[0]?.date).toBe('2026-01-26');
    expect(days.at(-1)?.date).toBe('2026-03-01');
    expect(m.weeks[0]?.filter((d) => d.inMonth).map((d) => d.date)).toEqual(['2026-02-01']);
    expect(days.filter((d) => d.inMonth)).toHaveLength(28);
    expect(days.flatMap((d) => d.shifts)).toHaveLength(35 * 3);
    expect(days.filter((d) => d.inMonth).flatMap((d) => d.shifts)).toHaveLength(28 * 3);
    // Consecutive dates with no day missing or repeated.
    for (let i = 1; i < days.length; i++) {
      expect(Date.parse(days[i]?.date ?? '') - Date.parse(days[i - 1]?.date ?? '')).toBe(DAY_MS);
    }
  });

  it('lays out March 2026 (31 days from a Sunday) as 6 weeks and February 2027 as exactly 4', () => {
    const mar = monthView(DEFAULT_STATION_PATTERN, 2026, 3);
    const days = mar.weeks.flat();
    expect(mar.weeks).toHaveLength(6);
    expect([days[0]?.date, days.at(-1)?.date]).toEqual(['2026-02-23', '2026-04-05']);
    expect(days.filter((d) => d.inMonth)).toHaveLength(31);
    expect(days.flatMap((d) => d.shifts)).toHaveLength(42 * 3);
    // The last in-month night standby runs into April.
    const lastStandby = days.find((d) => d.date === '2026-03-31')?.shifts.find((s) => s.code === 'night_standby');
    expect(lastStandby?.endsAt).toBe(sh('2026-04-01 06:00'));

    const feb27 = monthView(DEFAULT_CENTER_PATTERN, 2027, 2);
    expect(feb27.weeks).toHaveLength(4);
    expect(feb27.weeks.flat().every((d) => d.inMonth)).toBe(true);
    expect(() => monthView(DEFAULT_CENTER_PATTERN, 2026, 13)).toThrow(RangeError);
  });
});

describe('independence from the machine time zone', () => {
  it('gives the same shifts, views and messages with TZ set elsewhere', () => {
    const compute = () => ({
      instances: shiftInstances(DEFAULT_STATION_PATTERN, '2026-03-28', '2026-03-30'),
      at: shiftAt(DEFAULT_CENTER_PATTERN, sh('2026-03-29 00:00')),
      month: monthView(DEFAULT_CENTER_PATTERN, 2026, 3).weeks.map((w) => w.map((d) => d.date)),
      week: weekView(DEFAULT_CENTER_PATTERN, '2026-03-29').monday,
      range: formatShiftRange(instance(DEFAULT_STATION_PATTERN, '2026-03-28', 'night_standby')),
      message: findConflicts(
        [assign(1, '张伟', 'patrol_leader', instance(DEFAULT_STATION_PATTERN, '2026-03-28', 'night_standby'))],
        [assign(1, '张伟', 'duty_chief', instance(DEFAULT_CENTER_PATTERN, '2026-03-29', 'night'))],
      ).map((c) => c.message),
    });
    const saved = process.env.TZ;
    try {
      process.env.TZ = 'Asia/Shanghai';
      const shanghai = compute();
      // Los Angeles is 16 h behind and changes to daylight saving on 2026-03-08; Kiritimati is UTC+14.
      for (const zone of ['America/Los_Angeles', 'Pacific/Kiritimati']) {
        process.env.TZ = zone;
        expect(new Date(sh('2026-03-29 00:00')).getHours()).not.toBe(0); // the zone really changed
        expect(compute()).toEqual(shanghai);
      }
      expect(shanghai.at).toMatchObject({ date: '2026-03-29', code: 'night' });
      expect(shanghai.range.zh).toBe('2026-03-28 22:00–次日06:00');
      expect(shanghai.message).toHaveLength(1);
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });
});
