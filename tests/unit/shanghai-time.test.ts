import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatShiftHours, formatShiftRange } from '../../common/domain/duty';
import {
  dateOfDay,
  dayNumber,
  dayStart,
  formatShanghai,
  hhmm,
  isoShanghai,
  minuteOfDay,
  shanghaiDate,
  shanghaiDay,
  shanghaiParts,
} from '../../common/domain/time';

const ROOT = path.resolve(__dirname, '../..');

describe('the one Shanghai time module', () => {
  it('puts an instant on the Shanghai date, with midnight at 16:00 UTC', () => {
    const lastSecond = Date.UTC(2026, 11, 2, 15, 59, 59);
    expect(shanghaiDate(lastSecond)).toBe('2026-12-02');
    expect(shanghaiDate(lastSecond + 1000)).toBe('2026-12-03');
    expect(dayStart(shanghaiDay(lastSecond + 1000))).toBe(lastSecond + 1000);
    expect(hhmm(lastSecond)).toBe('23:59');
    expect(minuteOfDay(lastSecond + 1000)).toBe(0);
    expect(isoShanghai(lastSecond)).toBe('2026-12-02T23:59:59+08:00');
    expect(shanghaiParts(lastSecond)).toEqual({ year: 2026, month: 12, day: 2, hour: 23, minute: 59, second: 59 });
  });

  it('reads and writes calendar dates, refusing ones that do not exist', () => {
    const day = dayNumber('2028-02-29');
    expect(day).not.toBeNull();
    expect(dateOfDay(day ?? 0)).toBe('2028-02-29');
    expect(dayNumber('2027-02-29')).toBeNull();
    expect(dayNumber('2027-2-1')).toBeNull();
  });

  it('formats with Intl exactly as the arithmetic says, before 1970 and far ahead too', () => {
    for (const at of [0, -86_400_000 * 3 + 12_345, Date.UTC(2026, 5, 30, 16, 0, 0), Date.UTC(2040, 0, 1, 3, 4, 5)]) {
      const p = shanghaiParts(at);
      const pad = (n: number) => String(n).padStart(2, '0');
      expect(formatShanghai(at)).toBe(
        `${p.year}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}`,
      );
      expect(formatShanghai(at).slice(0, 10)).toBe(shanghaiDate(at));
    }
  });

  it('writes shift hours one way: 24:00 at midnight, 次日 / next day across it', () => {
    const day = dayNumber('2026-12-02') ?? 0;
    const at = (h: number, m = 0) => dayStart(day) + (h * 60 + m) * 60_000;
    expect(formatShiftHours({ startsAt: at(8), endsAt: at(16) })).toEqual({ zh: '08:00–16:00', en: '08:00–16:00' });
    expect(formatShiftHours({ startsAt: at(16), endsAt: at(24) })).toEqual({ zh: '16:00–24:00', en: '16:00–24:00' });
    expect(formatShiftHours({ startsAt: at(22), endsAt: at(30) })).toEqual({
      zh: '22:00–次日06:00',
      en: '22:00–06:00 next day',
    });
    expect(formatShiftRange({ startsAt: at(22), endsAt: at(30) }).en).toBe('2026-12-02 22:00–06:00 next day');
  });

  it('is the only place that knows the offset or the zone', () => {
    // The module itself, the zone's name, and dayjs's adapter in the renderer (which gets the zone from it).
    const allowed = new Set(['common/domain/time.ts', 'common/domain/org.ts', 'renderer/src/time/dayjs.ts']);
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
        const rel = `${dir}/${entry.name}`;
        if (entry.isDirectory()) walk(rel);
        else if (/\.tsx?$/.test(entry.name) && !allowed.has(rel)) {
          const text = fs.readFileSync(path.join(ROOT, rel), 'utf8');
          if (/8 \* 3_?600_?000|8 \* 60 \* 60|SHANGHAI_OFFSET_MS =|\.tz\(|new Intl\.DateTimeFormat/.test(text))
            offenders.push(rel);
        }
      }
    };
    for (const dir of ['main', 'common', 'renderer/src']) walk(dir);
    expect(offenders).toEqual([]);
  });
});
