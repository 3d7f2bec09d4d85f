import { describe, expect, it } from 'vitest';
import type { Audience } from '../../common/contract';
import { CheckInAlerts, missingCheckInAudience } from '../../main/services/duty/checkin-alerts';
import type { MissingCheckIn } from '../../main/services/duty/roster-service';
import type { RosterUnit } from '../../main/services/duty/roster-patterns';

const missing = (over: Partial<MissingCheckIn> = {}): MissingCheckIn => ({
  orgUnitId: 'HQ-S1',
  date: '2026-02-03',
  shiftCode: 'early',
  postCode: 'station_patrol',
  userId: 11,
  userName: '李巡查',
  startsAt: 1_770_076_800_000,
  chief: { userId: 5, userName: '王站长' },
  ...over,
});

describe('who is alerted about a missed check-in', () => {
  it('is the rostered chief of the shift alone', () => {
    expect(missingCheckInAudience(missing(), 'station')).toEqual({ userIds: [5] });
    expect(missingCheckInAudience(missing({ orgUnitId: 'HQ-C' }), 'center')).toEqual({ userIds: [5] });
  });

  it('is every chief of the unit when no chief is rostered (or the chief is the one missing)', () => {
    expect(missingCheckInAudience(missing({ chief: null }), 'station')).toEqual({
      orgUnitIds: ['HQ-S1'],
      roles: ['station_chief'],
    });
    expect(missingCheckInAudience(missing({ orgUnitId: 'HQ-C', chief: null }), 'center')).toEqual({
      orgUnitIds: ['HQ-C'],
      roles: ['duty_chief'],
    });
  });
});

describe('the missed check-in sweep', () => {
  function sweepWith(found: MissingCheckIn[]) {
    const published: { event: string; payload: unknown; audience: Audience | undefined }[] = [];
    const logged: MissingCheckIn[] = [];
    const asked: number[] = [];
    const alerts = new CheckInAlerts({
      roster: {
        missingCheckIns: (at) => {
          asked.push(at);
          return found;
        },
        rosterUnit: (id) => ({ id, kind: id === 'HQ-C' ? 'center' : 'station' }) as RosterUnit,
      },
      systemLog: { missingCheckIn: (m) => logged.push(m) },
      events: { publish: (event, payload, audience) => published.push({ event, payload, audience }) },
      clock: () => 42,
    });
    return { count: alerts.sweep(), published, logged, asked };
  }

  it('alerts and logs each person found at the clock’s time, and answers how many', () => {
    const late = missing();
    const chiefLate = missing({
      orgUnitId: 'HQ-C',
      userId: 3,
      userName: '赵值班',
      postCode: 'duty_chief',
      chief: null,
    });
    const r = sweepWith([late, chiefLate]);
    expect(r.count).toBe(2);
    expect(r.asked).toEqual([42]);
    const payload = (m: MissingCheckIn) => {
      const { chief: _chief, ...rest } = m;
      return rest;
    };
    expect(r.published).toEqual([
      { event: 'duty.missingCheckIn', payload: payload(late), audience: { userIds: [5] } },
      {
        event: 'duty.missingCheckIn',
        payload: payload(chiefLate),
        audience: { orgUnitIds: ['HQ-C'], roles: ['duty_chief'] },
      },
    ]);
    expect(r.logged).toEqual([late, chiefLate]);
  });

  it('tells nobody when everyone checked in', () => {
    const r = sweepWith([]);
    expect(r).toMatchObject({ count: 0, published: [], logged: [] });
  });
});
