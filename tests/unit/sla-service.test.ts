import { describe, expect, it } from 'vitest';
import { ApiError } from '../../common/contract/errors';
import type { Connection } from '../../main/api/connection';
import type { AuditNote, HandlerContext } from '../../main/api/handler-types';
import { slaHandlers } from '../../main/api/handlers/sla-handlers';
import { openDatabase, type Db } from '../../main/db/connection';
import { seedReferenceData } from '../../main/services/org/seed';
import { seedSla } from '../../main/services/sla/seed';
import { SlaService } from '../../main/services/sla/sla-service';
import { tempDir } from '../helpers/test-env';

function sh(local: string): number {
  return Date.parse(`${local.replace(' ', 'T')}:00+08:00`);
}

function fmt(at: number): string {
  return new Date(at + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

function seeded(dir = tempDir()) {
  const db = openDatabase(dir);
  seedReferenceData(db);
  seedSla(db);
  return { db, dir, sla: new SlaService(db) };
}

function count(db: Db, table: 'time_limits' | 'calendar_days'): number {
  return db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
}

describe('SlaService: time limits', () => {
  it('falls back from sub-category to parent, domain and the default', () => {
    const { db, sla } = seeded();
    // 02002 公共设施损坏缺失 has its own urgent limit; 0200201 井盖 is under it.
    expect(sla.limitFor('02002', 'urgent')).toEqual({ minutes: 240, mode: 'natural' });
    expect(sla.limitFor('0200201', 'urgent')).toEqual({ minutes: 240, mode: 'natural' });
    // …but no critical one: the default applies.
    expect(sla.limitFor('0200201', 'critical')).toEqual({ minutes: 120, mode: 'natural' });
    expect(sla.limitFor('01003', 'normal')).toEqual({ minutes: 1350, mode: 'working' });
    expect(sla.limitFor('05008', 'normal')).toEqual({ minutes: 1440, mode: 'natural' });
    expect(sla.limitFor('01003', 'urgent')).toEqual({ minutes: 480, mode: 'natural' });

    // A domain-wide limit applies to every sub-category of the domain, not to other domains.
    sla.setLimit({ categoryId: '01', urgency: 'normal', minutes: 900, mode: 'working' });
    expect(sla.limitFor('01003', 'normal')).toEqual({ minutes: 900, mode: 'working' });
    expect(sla.limitFor('0101301', 'normal')).toEqual({ minutes: 900, mode: 'working' });
    expect(sla.limitFor('02004', 'normal')).toEqual({ minutes: 1350, mode: 'working' });
    // A sub-category limit beats its domain's.
    sla.setLimit({ categoryId: '01003', urgency: 'normal', minutes: 60, mode: 'natural' });
    expect(sla.limitFor('01003', 'normal')).toEqual({ minutes: 60, mode: 'natural' });
    expect(sla.limitFor('01004', 'normal')).toEqual({ minutes: 900, mode: 'working' });
    db.close();
  });

  it('applies a changed limit to clocks started afterwards', () => {
    const { db, sla } = seeded();
    const at = sh('2026-11-26 10:00'); // Thursday
    const before = sla.start(at, '01003', 'normal');
    expect(fmt(before.deadlineAt)).toBe('2026-12-01 10:00');
    const saved = sla.setLimit({ categoryId: '*', urgency: 'normal', minutes: 450, mode: 'working' });
    expect(saved).toEqual({ categoryId: '*', urgency: 'normal', minutes: 450, mode: 'working' });
    const after = sla.start(at, '01003', 'normal');
    expect(after).toMatchObject({ limitMinutes: 450, mode: 'working' });
    expect(fmt(after.deadlineAt)).toBe('2026-11-27 10:00');
    expect(sla.limits()).toContainEqual(saved);
    expect(sla.limits()[0]?.categoryId).toBe('*');
    db.close();
  });

  it('refuses a limit for a category that does not exist', () => {
    const { db, sla } = seeded();
    expect(() => sla.setLimit({ categoryId: '09', urgency: 'normal', minutes: 60, mode: 'natural' })).toThrow(ApiError);
    db.close();
  });
});

describe('SlaService: working calendar', () => {
  it('lists a year and uses the seeded 2026 schedule', () => {
    const { db, sla } = seeded();
    const days2026 = sla.calendarDays(2026);
    expect(days2026).toContainEqual({ date: '2026-10-10', kind: 'workday', name: '国庆节调休上班' });
    expect(days2026.every((d) => d.date.startsWith('2026-'))).toBe(true);
    expect(sla.calendarDays(2027).length).toBeGreaterThan(0);
    expect(sla.calendarDays(2030)).toEqual([]);
    // Wednesday 09-30 16:00 + 3 working days: 1.5 h that day, then 国庆 until 10-07, 10-08, 10-09 and the
    // 调休 Saturday 10-10.
    const marks = sla.start(sh('2026-09-30 16:00'), '01003', 'normal');
    expect(sla.calendar().isWorkday('2026-10-01')).toBe(false);
    expect(fmt(marks.deadlineAt)).toBe('2026-10-10 16:00');
    db.close();
  });

  it('takes a changed day into account for the next computations', () => {
    const { db, sla } = seeded();
    const at = sh('2026-11-26 10:00');
    expect(fmt(sla.start(at, '01003', 'normal').deadlineAt)).toBe('2026-12-01 10:00');

    sla.setCalendarDay('2026-11-27', 'holiday', '测试假日'); // Friday off
    expect(sla.calendar().isWorkday('2026-11-27')).toBe(false);
    expect(fmt(sla.start(at, '01003', 'normal').deadlineAt)).toBe('2026-12-02 10:00');

    sla.setCalendarDay('2026-11-28', 'workday', '测试调休'); // Saturday worked
    expect(sla.calendar().isWorkday('2026-11-28')).toBe(true);
    expect(fmt(sla.start(at, '01003', 'normal').deadlineAt)).toBe('2026-12-01 10:00');

    // The time left on a stored mark is measured with the new calendar too: with Friday worked again,
    // Saturday 09:00 → Tuesday 10:00 leaves Saturday, Monday and an hour.
    const marks = sla.start(at, '01003', 'normal');
    expect(sla.timeUsed(marks, sh('2026-11-28 09:00'), null)).toBeCloseTo(390 / 1350, 9);
    sla.setCalendarDay('2026-11-27', 'normal', '');
    expect(sla.timeUsed(marks, sh('2026-11-27 17:30'), null)).toBeCloseTo(1 - 960 / 1350, 9);

    sla.setCalendarDay('2026-10-01', 'normal', ''); // back to the Monday–Friday rule: a Thursday
    expect(sla.calendar().isWorkday('2026-10-01')).toBe(true);
    expect(sla.calendarDays(2026).find((d) => d.date === '2026-10-01')).toBeUndefined();
    expect(sla.calendarDays(2026)).toContainEqual({ date: '2026-11-28', kind: 'workday', name: '测试调休' });
    db.close();
  });

  it('refuses an impossible date', () => {
    const { db, sla } = seeded();
    expect(() => sla.setCalendarDay('2026-02-30', 'holiday', 'x')).toThrow(ApiError);
    db.close();
  });

  it('implements the clock with resume and extend in the order’s mode', () => {
    const { db, sla } = seeded();
    const marks = sla.start(sh('2026-11-26 10:00'), '01003', 'normal');
    expect(sla.resume(marks, sh('2026-11-27 18:00'), sh('2026-11-30 08:00'))).toEqual(marks);
    expect(fmt(sla.extend(marks, 450).deadlineAt)).toBe('2026-12-02 10:00');
    const urgent = sla.start(sh('2026-11-27 15:00'), '01003', 'urgent');
    expect(fmt(sla.resume(urgent, sh('2026-11-27 16:00'), sh('2026-11-30 08:00')).deadlineAt)).toBe('2026-11-30 15:00');
    db.close();
  });
});

describe('seedSla', () => {
  it('is idempotent and keeps administrators’ edits across restarts', () => {
    const { db, dir, sla } = seeded();
    const limits = count(db, 'time_limits');
    const days = count(db, 'calendar_days');
    expect(limits).toBeGreaterThanOrEqual(3);
    expect(days).toBeGreaterThan(50);
    seedSla(db);
    expect(count(db, 'time_limits')).toBe(limits);
    expect(count(db, 'calendar_days')).toBe(days);

    sla.setLimit({ categoryId: '*', urgency: 'normal', minutes: 900, mode: 'natural' });
    sla.setCalendarDay('2026-10-01', 'normal', ''); // deleted
    sla.setCalendarDay('2026-10-02', 'workday', '改过');
    sla.setCalendarDay('2026-12-24', 'holiday', '新增');
    db.close();

    const again = seeded(dir);
    expect(again.sla.limitFor('01003', 'normal')).toEqual({ minutes: 900, mode: 'natural' });
    const d2026 = again.sla.calendarDays(2026);
    expect(d2026.find((d) => d.date === '2026-10-01')).toBeUndefined();
    expect(d2026).toContainEqual({ date: '2026-10-02', kind: 'workday', name: '改过' });
    expect(d2026).toContainEqual({ date: '2026-12-24', kind: 'holiday', name: '新增' });
    expect(count(again.db, 'time_limits')).toBe(limits);
    expect(count(again.db, 'calendar_days')).toBe(days);
    again.db.close();
  });
});

describe('sla handlers', () => {
  function fakeContext() {
    const audit: AuditNote = { target: null, summary: null };
    let transactions = 0;
    const ctx: HandlerContext = {
      conn: { id: 'test', token: null, push: () => undefined } satisfies Connection,
      session: null,
      audit,
      requireSession: () => {
        throw new Error('no session in this test');
      },
      tx: <T>(write: () => T): T => {
        transactions++;
        return write();
      },
      publish: () => undefined,
      afterSuccess: () => undefined,
    };
    return { ctx, audit, transactions: () => transactions };
  }

  it('sets limits and days in a transaction with an audit note', async () => {
    const { db, sla } = seeded();
    const h = slaHandlers(sla);
    const a = fakeContext();
    const limit = { categoryId: '02002', urgency: 'critical', minutes: 60, mode: 'natural' } as const;
    expect(await h['sla.limits.set'](a.ctx, limit)).toEqual(limit);
    expect(a.transactions()).toBe(1);
    expect(a.audit.target).toBe('time_limit:02002/critical');
    expect(a.audit.summary).toContain('60');
    expect(await h['sla.limits.list'](a.ctx, {})).toContainEqual(limit);

    const b = fakeContext();
    expect(await h['sla.calendar.set'](b.ctx, { date: '2026-10-01', kind: 'normal', name: '' })).toBeNull();
    expect(b.transactions()).toBe(1);
    expect(b.audit.target).toBe('calendar:2026-10-01');
    const list = await h['sla.calendar.list'](b.ctx, { year: 2026 });
    expect(list.find((d) => d.date === '2026-10-01')).toBeUndefined();
    expect(sla.calendar().isWorkday('2026-10-01')).toBe(true);
    db.close();
  });
});
