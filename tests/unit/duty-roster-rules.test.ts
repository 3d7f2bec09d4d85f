import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CENTER_PATTERN,
  DEFAULT_STATION_PATTERN,
  copyWeekForward,
  findConflicts,
  rosterByShift,
} from '../../common/domain/duty';
import { assign, instance } from '../helpers/shift-calendar';

describe('copy a week forward', () => {
  const C = DEFAULT_CENTER_PATTERN;
  const week = [
    assign(1, '张伟', 'duty_chief', instance(C, '2026-02-02', 'early'), 'HQ-C'),
    assign(2, '李娜', 'grid_officer', instance(C, '2026-02-08', 'middle'), 'HQ-C'),
    assign(1, '张伟', 'duty_chief', instance(C, '2026-02-09', 'early'), 'HQ-C'), // next week: not copied
  ];

  it('repeats the week’s assignments 7 × n days later, on the same shifts', () => {
    const copies = copyWeekForward(week, '2026-02-02', 2);
    expect(copies.map((a) => [a.personName, a.postCode, a.shift.date, a.shift.code, a.orgUnitId])).toEqual([
      ['张伟', 'duty_chief', '2026-02-09', 'early', 'HQ-C'],
      ['李娜', 'grid_officer', '2026-02-15', 'middle', 'HQ-C'],
      ['张伟', 'duty_chief', '2026-02-16', 'early', 'HQ-C'],
      ['李娜', 'grid_officer', '2026-02-22', 'middle', 'HQ-C'],
    ]);
    for (const c of copies) expect(c.shift).toEqual(instance(C, c.shift.date, c.shift.code));
    // The source is untouched.
    expect(week[0]?.shift.date).toBe('2026-02-02');
  });

  it('feeds conflict checking: a copy landing on an existing assignment is caught', () => {
    const copies = copyWeekForward(week, '2026-02-02', 1);
    const conflicts = findConflicts(week, copies);
    expect(conflicts.map((c) => [c.kind, c.proposed.shift.date])).toEqual([['duplicate', '2026-02-09']]);
  });

  it('requires a Monday and a sensible number of weeks', () => {
    expect(() => copyWeekForward(week, '2026-02-03', 1)).toThrow(/not a Monday/);
    expect(() => copyWeekForward(week, '2026-02-02', 0)).toThrow(RangeError);
    expect(() => copyWeekForward(week, '2026-02-02', 1.5)).toThrow(RangeError);
  });
});

describe('roster conflicts', () => {
  const C = DEFAULT_CENTER_PATTERN;
  const S = DEFAULT_STATION_PATTERN;

  it('allows back-to-back shifts: 早班 ending 16:00 then 中班 from 16:00; standby ending 06:00 then 早班 at 06:00', () => {
    expect(
      findConflicts(
        [assign(1, '张伟', 'duty_chief', instance(C, '2026-02-04', 'early'))],
        [assign(1, '张伟', 'grid_officer', instance(C, '2026-02-04', 'middle'))],
      ),
    ).toEqual([]);
    expect(
      findConflicts(
        [assign(7, '王强', 'patrol_leader', instance(S, '2026-02-04', 'night_standby'), 'HQ-S1')],
        [assign(7, '王强', 'station_duty_chief', instance(S, '2026-02-05', 'early'), 'HQ-S1')],
      ),
    ).toEqual([]);
    // The center's 中班 until 24:00 and the next day's 夜班 from 00:00.
    expect(
      findConflicts(
        [assign(1, '张伟', 'duty_chief', instance(C, '2026-02-04', 'middle'))],
        [assign(1, '张伟', 'duty_chief', instance(C, '2026-02-05', 'night'))],
      ),
    ).toEqual([]);
  });

  it('rejects one person on two overlapping posts, naming the person, both posts and both shifts in Shanghai time', () => {
    const existing = [assign(1, '张伟', 'duty_chief', instance(C, '2026-02-04', 'early'), 'HQ-C')];
    const proposed = [assign(1, '张伟', 'station_duty_chief', instance(S, '2026-02-04', 'early'), 'HQ-S1')];
    const [c, ...rest] = findConflicts(existing, proposed);
    expect(rest).toEqual([]);
    expect(c?.kind).toBe('person_overlap');
    expect(c?.with).toBe(existing[0]);
    expect(c?.withProposed).toBe(false);
    expect(c?.message.zh).toBe(
      '排班冲突：张伟（#1） 已排在 平台值班长（早班 2026-02-04 08:00–16:00），与 值班长（早班 2026-02-04 06:00–14:00）时间重叠',
    );
    expect(c?.message.en).toBe(
      'Roster conflict: 张伟 (#1) is already on Duty chief (Early 2026-02-04 08:00–16:00), which overlaps Station duty chief (Early 2026-02-04 06:00–14:00)',
    );
  });

  it('catches an overlap with a night standby across midnight', () => {
    const existing = [assign(7, '王强', 'patrol_leader', instance(S, '2026-02-04', 'night_standby'), 'HQ-S1')];
    const proposed = [assign(7, '王强', 'duty_chief', instance(C, '2026-02-05', 'night'), 'HQ-C')];
    const conflicts = findConflicts(existing, proposed);
    expect(conflicts.map((c) => c.kind)).toEqual(['person_overlap']);
    expect(conflicts[0]?.message.zh).toContain('夜间备勤 2026-02-04 22:00–次日06:00');
    expect(conflicts[0]?.message.zh).toContain('夜班 2026-02-05 00:00–08:00');
    expect(conflicts[0]?.message.zh).toContain('联勤队长');
  });

  it('rejects one post twice in the same shift, but honours seats and separate stations', () => {
    const early = instance(C, '2026-02-04', 'early');
    const full = findConflicts(
      [assign(1, '张伟', 'grid_officer', early, 'HQ-C')],
      [assign(2, '李娜', 'grid_officer', early, 'HQ-C')],
    );
    expect(full.map((c) => c.kind)).toEqual(['post_full']);
    expect(full[0]?.message.zh).toContain('网格信息员（早班 2026-02-04 08:00–16:00）已由 张伟 担任');
    expect(full[0]?.message.zh).toContain('李娜（#2）');
    // Same post, next shift: fine.
    expect(
      findConflicts(
        [assign(1, '张伟', 'grid_officer', early, 'HQ-C')],
        [assign(2, '李娜', 'grid_officer', instance(C, '2026-02-04', 'middle'), 'HQ-C')],
      ),
    ).toEqual([]);

    const sEarly = instance(S, '2026-02-04', 'early');
    const two = [
      assign(11, '赵一', 'station_info_officer', sEarly, 'HQ-S1'),
      assign(12, '钱二', 'station_info_officer', sEarly, 'HQ-S1'),
    ];
    expect(findConflicts([], two)).toEqual([]);
    const third = findConflicts(two, [assign(13, '孙三', 'station_info_officer', sEarly, 'HQ-S1')]);
    expect(third.map((c) => [c.kind, c.proposed.personName])).toEqual([['post_full', '孙三']]);
    expect(third[0]?.message.en).toContain('赵一, 钱二 (2 seats)');
    // Each station has its own 站长.
    expect(
      findConflicts(
        [assign(21, '周站长', 'station_head', sEarly, 'HQ-S1')],
        [assign(22, '吴站长', 'station_head', sEarly, 'HQ-S2')],
      ),
    ).toEqual([]);
  });

  it('rejects the same person twice on one post and shift, and conflicts inside the proposed batch', () => {
    const early = instance(C, '2026-02-04', 'early');
    const dup = findConflicts([assign(1, '张伟', 'duty_chief', early)], [assign(1, '张伟', 'duty_chief', early)]);
    expect(dup.map((c) => c.kind)).toEqual(['duplicate']);
    expect(dup[0]?.message.zh).toContain('不能重复排班');

    const batch = findConflicts(
      [],
      [assign(3, '刘洋', 'hotline_officer', early), assign(3, '刘洋', 'video_monitor', early)],
    );
    expect(batch.map((c) => [c.kind, c.withProposed, c.with.postCode, c.proposed.postCode])).toEqual([
      ['person_overlap', true, 'hotline_officer', 'video_monitor'],
    ]);
  });

  it('groups a roster by shift in time order, chief first', () => {
    const early = instance(C, '2026-02-04', 'early');
    const night = instance(C, '2026-02-04', 'night');
    const groups = rosterByShift([
      assign(2, '李娜', 'grid_officer', early),
      assign(4, '陈静', 'video_monitor', night),
      assign(1, '张伟', 'duty_chief', early),
    ]);
    expect(groups.map((g) => [g.shift.code, g.assignments.map((a) => a.postCode)])).toEqual([
      ['night', ['video_monitor']],
      ['early', ['duty_chief', 'grid_officer']],
    ]);
  });
});
