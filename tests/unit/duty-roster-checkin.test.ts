import { beforeEach, describe, expect, it } from 'vitest';
import { type Audience, type EventName, type MethodDef } from '../../common/contract';
import { dutyRosterMethods, type ShiftTemplateDto } from '../../common/contract/duty-roster';
import type { Role } from '../../common/domain/roles';
import { dutyRosterHandlers } from '../../main/api/handlers/duty-roster-handlers';
import type { HandlerContext, Session } from '../../main/api/handler-types';
import { OrgRepo } from '../../main/services/org/org-repo';
import { latePeople } from '../../renderer/src/workspaces/duty/roster/lateness';
import { apiErr } from '../helpers/api-error';
import { clock, db, roster, uid, useRosterFixture } from '../helpers/duty-roster-fixture';
import { sh } from '../helpers/shift-calendar';

useRosterFixture();

describe('on duty and check-in', () => {
  beforeEach(() => {
    roster.assign('HQ-C', { date: '2026-02-03', shiftCode: 'early', postCode: 'duty_chief', userId: uid('chief1') });
    roster.assign('HQ-C', { date: '2026-02-03', shiftCode: 'early', postCode: 'grid_officer', userId: uid('grid1') });
    roster.assign('HQ-C', { date: '2026-02-03', shiftCode: 'early', postCode: 'video_monitor', userId: uid('video1') });
    roster.assign('HQ-C', { date: '2026-02-03', shiftCode: 'middle', postCode: 'duty_chief', userId: uid('chief2') });
  });

  it('shows the current shift, its chief and every post with check-in state', () => {
    const before = roster.onDuty('HQ-C', sh('2026-02-03 09:00'));
    expect(before.shift).toMatchObject({ code: 'early', name: '早班', date: '2026-02-03' });
    expect(before.chief).toMatchObject({ userName: '王值班', checkedInAt: null });
    expect(before.posts.map((p) => [p.code, p.people.map((x) => x.userName)])).toEqual([
      ['duty_chief', ['王值班']],
      ['grid_officer', ['李网格']],
      ['hotline_officer', []],
      ['video_monitor', ['陈视频']],
    ]);
    roster.checkIn(uid('chief1'), sh('2026-02-03 07:45'));
    expect(roster.onDuty('HQ-C', sh('2026-02-03 09:00')).chief?.checkedInAt).toBe(sh('2026-02-03 07:45'));
    expect(roster.onDuty('HQ-C', sh('2026-02-03 16:00')).chief?.userName).toBe('赵值班');
    // A station with nobody rostered shows its shift and empty posts.
    const station = roster.onDuty('HQ-S1', sh('2026-02-03 09:00'));
    expect(station.shift?.code).toBe('early');
    expect(station.chief).toBeNull();
    expect(station.posts.every((p) => p.people.length === 0)).toBe(true);
  });

  it('tells each user what check-in and check-out would act on now', () => {
    const mine = (user: string, at: string) => roster.onDuty('HQ-C', sh(at), uid(user)).mine;
    expect(mine('chief1', '2026-02-03 07:29')).toEqual({ checkIn: null, checkOut: null });
    // 07:45 is still the night shift, but the early chief may already check in for 08:00.
    const early = roster.onDuty('HQ-C', sh('2026-02-03 07:45'), uid('chief1'));
    expect(early.shift?.code).toBe('night');
    expect(early.mine.checkIn).toMatchObject({
      entry: { userName: '王值班', postCode: 'duty_chief', checkedInAt: null },
      shift: { code: 'early', name: '早班', startsAt: sh('2026-02-03 08:00') },
    });
    expect(early.mine.checkOut).toBeNull();
    roster.checkIn(uid('chief1'), sh('2026-02-03 07:45'));
    expect(mine('chief1', '2026-02-03 09:00')).toMatchObject({
      checkIn: null,
      checkOut: { shift: { code: 'early' }, entry: { checkedInAt: sh('2026-02-03 07:45') } },
    });
    // The handover runs over: at 16:10 the middle shift is on, the early chief can still check out.
    expect(mine('chief1', '2026-02-03 16:10').checkOut?.shift.code).toBe('early');
    expect(mine('chief2', '2026-02-03 16:10')).toMatchObject({
      checkIn: { shift: { code: 'middle' } },
      checkOut: null,
    });
    expect(mine('chief1', '2026-02-03 18:00')).toEqual({ checkIn: null, checkOut: null });
    // Without a user, nobody's.
    expect(roster.onDuty('HQ-C', sh('2026-02-03 07:45')).mine).toEqual({ checkIn: null, checkOut: null });
  });

  it('checks in up to 30 minutes early, once, and out after the shift', () => {
    expect(apiErr(() => roster.checkIn(uid('chief1'), sh('2026-02-03 07:29'))).code).toBe('E_CONFLICT');
    const inn = roster.checkIn(uid('chief1'), sh('2026-02-03 07:30'));
    expect(inn).toMatchObject({ shiftCode: 'early', postCode: 'duty_chief', checkedOutAt: null });
    const again = apiErr(() => roster.checkIn(uid('chief1'), sh('2026-02-03 08:05')));
    expect(again.code).toBe('E_CONFLICT');
    expect(again.bilingual.zh).toContain('已签到');
    expect(apiErr(() => roster.checkOut(uid('grid1'), sh('2026-02-03 09:00'))).code).toBe('E_CONFLICT');
    expect(apiErr(() => roster.checkIn(uid('s1a'), sh('2026-02-03 09:00'))).bilingual.zh).toContain('没有您的排班');
    // The handover may run past 16:00.
    const out = roster.checkOut(uid('chief1'), sh('2026-02-03 16:10'));
    expect(out).toMatchObject({ id: inn.id, checkedOutAt: sh('2026-02-03 16:10') });
    expect(apiErr(() => roster.checkOut(uid('chief1'), sh('2026-02-03 16:20'))).code).toBe('E_CONFLICT');
    // A checked-in assignment is history: it cannot be taken off the roster.
    const chiefId = roster.onDuty('HQ-C', sh('2026-02-03 09:00')).chief?.id ?? -1;
    expect(apiErr(() => roster.unassign(chiefId)).code).toBe('E_CONFLICT');
    const grid = roster.onDuty('HQ-C', sh('2026-02-03 09:00')).posts.find((p) => p.code === 'grid_officer')?.people[0];
    expect(grid && roster.unassign(grid.id).userName).toBe('李网格');
  });

  it('reports a missing check-in 10 minutes after the start, once, with the chief', () => {
    roster.checkIn(uid('chief1'), sh('2026-02-03 07:55'));
    roster.checkIn(uid('video1'), sh('2026-02-03 08:02'));
    expect(roster.missingCheckIns(sh('2026-02-03 08:09'))).toEqual([]);
    const missing = roster.missingCheckIns(sh('2026-02-03 08:10'));
    expect(missing).toEqual([
      {
        orgUnitId: 'HQ-C',
        date: '2026-02-03',
        shiftCode: 'early',
        postCode: 'grid_officer',
        userId: uid('grid1'),
        userName: '李网格',
        startsAt: sh('2026-02-03 08:00'),
        chief: { userId: uid('chief1'), userName: '王值班' },
      },
    ]);
    expect(roster.missingCheckIns(sh('2026-02-03 08:30'))).toEqual([]);
    // The middle chief is reported once their shift is 10 minutes old, with no chief to tell but themselves.
    expect(roster.missingCheckIns(sh('2026-02-03 16:10'))).toMatchObject([{ userName: '赵值班', chief: null }]);
    expect(roster.missingCheckIns(sh('2026-02-03 16:11'))).toEqual([]);
  });

  it('gives someone added to a running shift 10 minutes from being rostered, not from the start', () => {
    for (const u of ['chief1', 'grid1', 'video1']) roster.checkIn(uid(u), sh('2026-02-03 07:55'));
    clock.advance(sh('2026-02-03 11:00') - clock());
    const added = roster.assign('HQ-C', {
      date: '2026-02-03',
      shiftCode: 'early',
      postCode: 'hotline_officer',
      userId: uid('chief2'),
    });
    expect(added.rosteredAt).toBe(sh('2026-02-03 11:00'));
    expect(roster.missingCheckIns(sh('2026-02-03 11:09'))).toEqual([]);
    expect(roster.missingCheckIns(sh('2026-02-03 11:10'))).toMatchObject([
      { userName: '赵值班', postCode: 'hotline_officer', startsAt: sh('2026-02-03 08:00') },
    ]);
    // The console's late mark follows the same rule from the same roster.
    const onDuty = roster.onDuty('HQ-C', sh('2026-02-03 11:09'));
    expect(latePeople(onDuty, sh('2026-02-03 11:09'))).toEqual([]);
    expect(latePeople(onDuty, sh('2026-02-03 11:10')).map((e) => e.userName)).toEqual(['赵值班']);
  });

  it('counts someone rostered before the shift from its start, on both sides', () => {
    const onDuty = roster.onDuty('HQ-C', sh('2026-02-03 08:09'));
    expect(latePeople(onDuty, sh('2026-02-03 08:09'))).toEqual([]);
    expect(
      latePeople(onDuty, sh('2026-02-03 08:10'))
        .map((e) => e.userName)
        .sort(),
    ).toEqual(['李网格', '王值班', '陈视频'].sort());
    expect(roster.missingCheckIns(sh('2026-02-03 08:10'))).toHaveLength(3);
  });
});

describe('shift patterns', () => {
  const t = (code: string, start: string, end: string, kind: 'duty' | 'standby' = 'duty'): ShiftTemplateDto => ({
    code,
    name: code,
    nameEn: code,
    start,
    end,
    kind,
  });

  it('uses the default until one is saved, and refuses an invalid pattern with its problems', () => {
    expect(roster.pattern('HQ-C')).toMatchObject({ isDefault: true, orgKind: 'center' });
    const gap = apiErr(() => roster.setPattern('HQ-C', [t('day', '08:00', '20:00'), t('eve', '20:00', '23:00')]));
    expect(gap.code).toBe('E_INVALID');
    expect(gap.bilingual.zh).toContain('23:00–08:00 没有值班班次');
    const overlap = apiErr(() => roster.setPattern('HQ-S1', [t('a', '06:00', '15:00'), t('b', '14:00', '22:00')]));
    expect(overlap.bilingual.en).toContain('overlap');
    expect(overlap.details).toMatchObject({ problems: [{ kind: 'overlap', codes: ['a', 'b'] }] });
    expect(apiErr(() => roster.setPattern('HQ-S1', [])).bilingual.zh).toContain('没有班次');
    expect(roster.pattern('HQ-S1').isDefault).toBe(true);

    // 07/15/23 boundaries: the night shift crosses midnight.
    const saved = roster.setPattern('HQ-C', [
      t('early', '07:00', '15:00'),
      t('middle', '15:00', '23:00'),
      t('night', '23:00', '07:00'),
    ]);
    expect(saved).toMatchObject({ isDefault: false, orgKind: 'center' });
    const night = roster.week('HQ-C', '2026-02-03').days[1]?.shifts.find((s) => s.code === 'night');
    expect(night).toMatchObject({ startsAt: sh('2026-02-03 23:00'), endsAt: sh('2026-02-04 07:00') });
  });

  it('keeps shifts that still have people rostered', () => {
    roster.assign('HQ-S1', {
      date: '2026-02-05',
      shiftCode: 'night_standby',
      postCode: 'patrol_leader',
      userId: uid('s1a'),
    });
    const err = apiErr(() => roster.setPattern('HQ-S1', [t('early', '06:00', '14:00'), t('late', '14:00', '22:00')]));
    expect(err.code).toBe('E_CONFLICT');
    expect(err.details).toEqual({ shiftCodes: ['night_standby'] });
  });
});

describe('roster handlers', () => {
  interface Published {
    event: EventName;
    payload: unknown;
    audience: Audience | undefined;
  }
  /** Events queued by calls through `ctxFor`, in order (the router sends them once the call succeeded). */
  let published: Published[];
  beforeEach(() => {
    published = [];
  });
  const ctxFor = (username: string, roles: Role[], orgUnitId: string): HandlerContext => {
    const session = { token: 't', user: { id: uid(username), roles, orgUnitId } } as unknown as Session;
    return {
      conn: { id: 'c', token: 't', push: () => undefined },
      session,
      audit: { target: null, summary: null },
      requireSession: () => session,
      tx: (write) => db.transaction(write)(),
      publish: (event, payload, audience) => {
        published.push({ event, payload, audience });
      },
      afterSuccess: () => undefined,
    };
  };
  const parse = (m: keyof typeof dutyRosterMethods, input: unknown): unknown =>
    (dutyRosterMethods[m] as MethodDef).input.parse(input);
  /** 周站长 on his station's duty-chief post, early shift of Tue 2026-02-03. */
  const s1ChiefOnEarly = () => ({
    orgUnitId: 'HQ-S1',
    date: '2026-02-03',
    shiftCode: 'early',
    postCode: 'station_duty_chief',
    userId: uid('s1chief'),
  });

  it('lets station chiefs edit only their own station and checks the caller in', () => {
    const h = dutyRosterHandlers({ roster, org: new OrgRepo(db), clock });
    const s1 = ctxFor('s1chief', ['station_chief'], 'HQ-S1');
    const input = s1ChiefOnEarly();
    const saved = h['duty.roster.assign'](s1, parse('duty.roster.assign', input) as typeof input);
    expect(s1.audit.target).toBe(`roster:${saved.id}`);
    const s2 = ctxFor('s2chief', ['station_chief'], 'HQ-S2');
    expect(
      apiErr(() => h['duty.roster.assign'](s2, { ...input, userId: uid('s1a'), postCode: 'patrol_leader' })).code,
    ).toBe('E_FORBIDDEN');
    expect(apiErr(() => h['duty.roster.week'](s2, { orgUnitId: 'HQ-S1', date: '2026-02-03' })).code).toBe(
      'E_FORBIDDEN',
    );
    expect(apiErr(() => h['duty.pattern.set'](s2, { orgUnitId: 'HQ-C', shifts: [] })).code).toBe('E_FORBIDDEN');
    const chief = ctxFor('chief1', ['duty_chief'], 'HQ-C');
    expect(h['duty.roster.week'](chief, { orgUnitId: 'HQ-S1', date: '2026-02-03' }).monday).toBe('2026-02-02');
    expect(
      apiErr(() => h['duty.roster.copyWeek'](chief, { orgUnitId: 'HQ-S1', fromMonday: '2026-02-02', weeks: 1 })).code,
    ).toBe('E_FORBIDDEN');
    clock.advance(sh('2026-02-03 06:05') - clock());
    expect(h['duty.checkIn'](s1, {})).toMatchObject({ userId: uid('s1chief'), shiftCode: 'early' });
    const now = h['duty.onDuty'](s1, {});
    expect(now.chief).toMatchObject({ userName: '周站长', checkedInAt: sh('2026-02-03 06:05') });
    expect(now.mine).toMatchObject({ checkIn: null, checkOut: { entry: { userId: uid('s1chief') } } });
  });

  it('lists the enabled people of a unit to its roster editors only', () => {
    const h = dutyRosterHandlers({ roster, org: new OrgRepo(db), clock });
    const chief = ctxFor('chief1', ['duty_chief'], 'HQ-C');
    const center = h['duty.roster.people'](chief, { orgUnitId: 'HQ-C' });
    // Enabled center users only (孙停用 is disabled), sorted by name, with their roles.
    expect(center.map((p) => p.displayName).sort()).toEqual(['李网格', '王值班', '赵值班', '陈视频'].sort());
    expect(center.map((p) => p.displayName)).toEqual(
      [...center.map((p) => p.displayName)].sort((a, b) => a.localeCompare(b, 'zh-CN')),
    );
    expect(center.find((p) => p.id === uid('grid1'))).toEqual({
      id: uid('grid1'),
      displayName: '李网格',
      roles: ['grid_officer'],
    });
    const s1 = ctxFor('s1chief', ['station_chief'], 'HQ-S1');
    expect(
      h['duty.roster.people'](s1, { orgUnitId: 'HQ-S1' })
        .map((p) => p.id)
        .sort(),
    ).toEqual([uid('s1chief'), uid('s1a'), uid('s1b')].sort());
    // Same rule as assigning: a station chief not for another station, a duty chief not for a station.
    expect(apiErr(() => h['duty.roster.people'](s1, { orgUnitId: 'HQ-S2' })).code).toBe('E_FORBIDDEN');
    expect(apiErr(() => h['duty.roster.people'](s1, { orgUnitId: 'HQ-C' })).code).toBe('E_FORBIDDEN');
    expect(apiErr(() => h['duty.roster.people'](chief, { orgUnitId: 'HQ-S1' })).code).toBe('E_FORBIDDEN');
    const grid = ctxFor('grid1', ['grid_officer'], 'HQ-C');
    expect(apiErr(() => h['duty.roster.people'](grid, { orgUnitId: 'HQ-C' })).code).toBe('E_FORBIDDEN');
    // Everyone listed can indeed be put on a post.
    const [first] = center;
    expect(first).toBeDefined();
    if (first) {
      expect(
        roster.assign('HQ-C', { date: '2026-02-03', shiftCode: 'early', postCode: 'hotline_officer', userId: first.id })
          .userId,
      ).toBe(first.id);
    }
    expect(published).toEqual([]);
  });

  it('announces roster, pattern and check-in changes to the unit and the center', () => {
    const h = dutyRosterHandlers({ roster, org: new OrgRepo(db), clock });
    const s1 = ctxFor('s1chief', ['station_chief'], 'HQ-S1');
    const toStation = { orgUnitIds: ['HQ-S1', 'HQ-C'] };
    const changed = (what: string) => ({
      event: 'duty.changed',
      payload: { orgUnitId: 'HQ-S1', what },
      audience: toStation,
    });

    const input = s1ChiefOnEarly();
    const saved = h['duty.roster.assign'](s1, input);
    expect(published).toEqual([changed('roster')]);

    // A refused call queues nothing (and the router would drop what it had queued anyway).
    published = [];
    expect(apiErr(() => h['duty.roster.assign'](s1, input)).code).toBe('E_CONFLICT');
    expect(published).toEqual([]);

    h['duty.roster.copyWeek'](s1, { orgUnitId: 'HQ-S1', fromMonday: '2026-02-02', weeks: 1 });
    expect(published).toEqual([changed('roster')]);
    // An empty week copies nothing and tells nobody.
    published = [];
    expect(h['duty.roster.copyWeek'](s1, { orgUnitId: 'HQ-S1', fromMonday: '2026-03-02', weeks: 1 })).toEqual({
      created: 0,
    });
    expect(published).toEqual([]);

    clock.advance(sh('2026-02-03 06:05') - clock());
    h['duty.checkIn'](s1, {});
    h['duty.checkOut'](s1, {});
    expect(published).toEqual([changed('checkin'), changed('checkin')]);

    published = [];
    const copied = roster.week('HQ-S1', '2026-02-10').days[1]?.shifts.find((s) => s.code === 'early')?.assignments[0];
    expect(copied).toBeDefined();
    h['duty.roster.unassign'](s1, { id: copied?.id ?? -1 });
    expect(published).toEqual([changed('roster')]);
    expect(saved.orgUnitId).toBe('HQ-S1');

    // The center's own changes go to the center only.
    published = [];
    const admin = ctxFor('chief1', ['admin'], 'HQ-C');
    h['duty.pattern.set'](admin, { orgUnitId: 'HQ-C', shifts: roster.pattern('HQ-C').shifts });
    expect(published).toEqual([
      { event: 'duty.changed', payload: { orgUnitId: 'HQ-C', what: 'pattern' }, audience: { orgUnitIds: ['HQ-C'] } },
    ]);
  });
});
