import { describe, expect, it } from 'vitest';
import { apiErr } from '../helpers/api-error';
import { count, roster, uid, useRosterFixture } from '../helpers/duty-roster-fixture';
import { sh } from '../helpers/shift-calendar';

useRosterFixture();

describe('roster views', () => {
  it('shows a month as whole weeks with the assignments of each shift', () => {
    roster.assign('HQ-C', { date: '2026-02-03', shiftCode: 'early', postCode: 'duty_chief', userId: uid('chief1') });
    roster.assign('HQ-C', { date: '2026-02-03', shiftCode: 'early', postCode: 'grid_officer', userId: uid('grid1') });
    roster.assign('HQ-C', { date: '2026-02-28', shiftCode: 'night', postCode: 'duty_chief', userId: uid('chief2') });
    const m = roster.month('HQ-C', 2026, 2);
    // February 2026 starts on a Sunday: the grid runs Mon 26 Jan – Sun 1 Mar.
    expect(m.weeks).toHaveLength(5);
    expect(m.weeks[0]?.[0]).toMatchObject({ date: '2026-01-26', weekday: 1, inMonth: false });
    expect(m.weeks[4]?.[6]).toMatchObject({ date: '2026-03-01', inMonth: false });
    const days = m.weeks.flat();
    const feb3 = days.find((d) => d.date === '2026-02-03');
    expect(feb3?.shifts.map((s) => s.code)).toEqual(['night', 'early', 'middle']);
    const early = feb3?.shifts.find((s) => s.code === 'early');
    expect(early).toMatchObject({ name: '早班', startsAt: sh('2026-02-03 08:00'), endsAt: sh('2026-02-03 16:00') });
    // Post catalog order: 平台值班长 first.
    expect(early?.assignments.map((a) => [a.postCode, a.userName])).toEqual([
      ['duty_chief', '王值班'],
      ['grid_officer', '李网格'],
    ]);
    expect(days.find((d) => d.date === '2026-02-28')?.shifts[0]?.assignments[0]?.userName).toBe('赵值班');
    expect(
      days
        .filter((d) => d.date !== '2026-02-03' && d.date !== '2026-02-28')
        .flatMap((d) => d.shifts.flatMap((s) => s.assignments)),
    ).toEqual([]);
    // The station's month has none of the center's people.
    expect(
      roster
        .month('HQ-S1', 2026, 2)
        .weeks.flat()
        .flatMap((d) => d.shifts.flatMap((s) => s.assignments)),
    ).toEqual([]);
  });

  it('puts the station night standby across midnight and checks in at 23:00 and at 05:00', () => {
    roster.assign('HQ-S1', {
      date: '2026-02-03',
      shiftCode: 'night_standby',
      postCode: 'station_info_officer',
      userId: uid('s1a'),
    });
    roster.assign('HQ-S1', {
      date: '2026-02-03',
      shiftCode: 'night_standby',
      postCode: 'station_info_officer',
      userId: uid('s1b'),
    });
    const week = roster.week('HQ-S1', '2026-02-05');
    expect(week.monday).toBe('2026-02-02');
    const standby = week.days.find((d) => d.date === '2026-02-03')?.shifts.find((s) => s.code === 'night_standby');
    expect(standby).toMatchObject({
      kind: 'standby',
      startsAt: sh('2026-02-03 22:00'),
      endsAt: sh('2026-02-04 06:00'),
    });
    expect(standby?.assignments.map((a) => a.userName).sort()).toEqual(['吴信息', '郑信息'].sort());

    const late = roster.checkIn(uid('s1a'), sh('2026-02-03 23:00'));
    expect(late).toMatchObject({ orgUnitId: 'HQ-S1', date: '2026-02-03', shiftCode: 'night_standby' });
    // 05:00 the next morning still belongs to the standby that started on the 3rd.
    const early = roster.checkIn(uid('s1b'), sh('2026-02-04 05:00'));
    expect(early).toMatchObject({
      date: '2026-02-03',
      shiftCode: 'night_standby',
      checkedInAt: sh('2026-02-04 05:00'),
    });

    const now = roster.onDuty('HQ-S1', sh('2026-02-04 05:30'));
    expect(now.shift).toMatchObject({ date: '2026-02-03', code: 'night_standby' });
    const officers = now.posts.find((p) => p.code === 'station_info_officer')?.people ?? [];
    expect(officers.map((p) => p.checkedInAt).sort()).toEqual([sh('2026-02-03 23:00'), sh('2026-02-04 05:00')]);
  });
});

describe('roster conflicts', () => {
  it('rejects one person on two overlapping posts with a clear message', () => {
    roster.assign('HQ-S1', {
      date: '2026-02-03',
      shiftCode: 'early',
      postCode: 'station_duty_chief',
      userId: uid('s1chief'),
    });
    const overlap = apiErr(() =>
      roster.assign('HQ-S1', {
        date: '2026-02-03',
        shiftCode: 'early',
        postCode: 'patrol_leader',
        userId: uid('s1chief'),
      }),
    );
    expect(overlap.code).toBe('E_CONFLICT');
    expect(overlap.bilingual.zh).toContain('排班冲突：周站长');
    expect(overlap.bilingual.zh).toContain('时间重叠');
    expect(overlap.bilingual.en).toContain('overlaps');
    expect(overlap.details).toMatchObject({
      conflicts: [
        {
          kind: 'person_overlap',
          postCode: 'patrol_leader',
          with: { orgUnitId: 'HQ-S1', postCode: 'station_duty_chief', shiftCode: 'early' },
        },
      ],
    });

    const twice = apiErr(() =>
      roster.assign('HQ-S1', {
        date: '2026-02-03',
        shiftCode: 'early',
        postCode: 'station_duty_chief',
        userId: uid('s1chief'),
      }),
    );
    expect(twice.code).toBe('E_CONFLICT');
    expect(twice.bilingual.zh).toContain('不能重复排班');

    const full = apiErr(() =>
      roster.assign('HQ-S1', {
        date: '2026-02-03',
        shiftCode: 'early',
        postCode: 'station_duty_chief',
        userId: uid('s1a'),
      }),
    );
    expect(full.code).toBe('E_CONFLICT');
    expect(full.bilingual.zh).toContain('已由 周站长 担任');
    expect(count()).toBe(1);
  });

  it('accepts the 22–06 standby followed by the 06–14 early shift', () => {
    roster.assign('HQ-S1', {
      date: '2026-02-03',
      shiftCode: 'night_standby',
      postCode: 'patrol_leader',
      userId: uid('s1a'),
    });
    const next = roster.assign('HQ-S1', {
      date: '2026-02-04',
      shiftCode: 'early',
      postCode: 'patrol_leader',
      userId: uid('s1a'),
    });
    expect(next).toMatchObject({ date: '2026-02-04', shiftCode: 'early', userName: '吴信息' });
    // The late shift 14–22 before the standby does not overlap it either.
    roster.assign('HQ-S1', { date: '2026-02-03', shiftCode: 'late', postCode: 'patrol_leader', userId: uid('s1a') });
    expect(count()).toBe(3);
  });

  it('only rosters enabled users of the unit on its own posts and shifts', () => {
    const other = apiErr(() =>
      roster.assign('HQ-S1', {
        date: '2026-02-03',
        shiftCode: 'early',
        postCode: 'patrol_leader',
        userId: uid('s2chief'),
      }),
    );
    expect(other.code).toBe('E_INVALID');
    // Another unit's user is named by id only: the answer does not say who they are or where they work.
    expect(other.bilingual.zh).toBe(`用户 #${uid('s2chief')} 不是第一联勤站的人员`);
    const disabled = apiErr(() =>
      roster.assign('HQ-C', { date: '2026-02-03', shiftCode: 'early', postCode: 'grid_officer', userId: uid('gone') }),
    );
    expect(disabled.bilingual.zh).toContain('已停用');
    expect(
      apiErr(() =>
        roster.assign('HQ-C', {
          date: '2026-02-03',
          shiftCode: 'early',
          postCode: 'patrol_leader',
          userId: uid('grid1'),
        }),
      ).code,
    ).toBe('E_INVALID');
    expect(
      apiErr(() =>
        roster.assign('HQ-C', {
          date: '2026-02-03',
          shiftCode: 'late',
          postCode: 'grid_officer',
          userId: uid('grid1'),
        }),
      ).code,
    ).toBe('E_INVALID');
    expect(apiErr(() => roster.week('HQ-G01', '2026-02-03')).code).toMatch(/E_INVALID|E_NOT_FOUND/);
    expect(count()).toBe(0);
  });
});

describe('copy a week forward', () => {
  const seedWeek = () => {
    roster.assign('HQ-C', { date: '2026-02-02', shiftCode: 'early', postCode: 'duty_chief', userId: uid('chief1') });
    roster.assign('HQ-C', { date: '2026-02-03', shiftCode: 'early', postCode: 'grid_officer', userId: uid('grid1') });
    roster.assign('HQ-C', { date: '2026-02-08', shiftCode: 'middle', postCode: 'duty_chief', userId: uid('chief2') });
  };

  it('copies every assignment of the week to the following weeks', () => {
    seedWeek();
    expect(roster.copyWeek('HQ-C', '2026-02-02', 2)).toEqual({ created: 6 });
    expect(count()).toBe(9);
    const third = roster.week('HQ-C', '2026-02-16');
    const people = third.days.flatMap((d) =>
      d.shifts.flatMap((s) => s.assignments.map((a) => `${a.date} ${a.shiftCode} ${a.postCode} ${a.userName}`)),
    );
    expect(people).toEqual([
      '2026-02-16 early duty_chief 王值班',
      '2026-02-17 early grid_officer 李网格',
      '2026-02-22 middle duty_chief 赵值班',
    ]);
  });

  it('copies nothing when any copy conflicts, listing every conflict', () => {
    seedWeek();
    // Next week 李网格 is already a video monitor on the Tuesday early shift, and 王值班 holds Monday's early chief post.
    roster.assign('HQ-C', { date: '2026-02-10', shiftCode: 'early', postCode: 'video_monitor', userId: uid('grid1') });
    roster.assign('HQ-C', { date: '2026-02-09', shiftCode: 'early', postCode: 'duty_chief', userId: uid('chief2') });
    const before = count();
    const err = apiErr(() => roster.copyWeek('HQ-C', '2026-02-02', 3));
    expect(err.code).toBe('E_CONFLICT');
    expect(err.bilingual.zh).toContain('未复制任何排班');
    expect(err.bilingual.zh).toContain('共 2 处冲突');
    const details = err.details as { conflicts: { kind: string; date: string; userId: number }[] };
    expect(details.conflicts.map((c) => [c.kind, c.date]).sort()).toEqual([
      ['person_overlap', '2026-02-10'],
      ['post_full', '2026-02-09'],
    ]);
    expect(count()).toBe(before);
    expect(apiErr(() => roster.copyWeek('HQ-C', '2026-02-03', 1)).code).toBe('E_INVALID');
  });
});
