import { beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../main/db/connection';
import { RosterRepo, type NewAssignment } from '../../main/services/duty/roster-repo';
import { seedReferenceData } from '../../main/services/org/seed';
import { UsersRepo } from '../../main/services/users/users-repo';
import { tempDir } from '../helpers/test-env';

let db: Db;
let repo: RosterRepo;
let a: number;
let b: number;

function add(orgUnitId: string, date: string, userId: number, shiftCode = 'D', postCode = 'grid'): number {
  const row: NewAssignment = {
    orgUnitId,
    date,
    shiftCode,
    postCode,
    userId,
    userName: `u${userId}`,
    createdBy: null,
    createdAt: 1,
  };
  return repo.insert(row);
}

beforeEach(() => {
  db = openDatabase(tempDir());
  seedReferenceData(db);
  const users = new UsersRepo(db);
  const user = (username: string, orgUnitId: string) =>
    users.insert(
      { username, displayName: username, passwordHash: 'x', orgUnitId, roles: [], mustChangePassword: false },
      1,
    );
  a = user('a', 'HQ-C');
  b = user('b', 'HQ-S1');
  repo = new RosterRepo(db);
});

describe('RosterRepo', () => {
  it('reads a unit’s range with both ends included, by date then id', () => {
    add('HQ-C', '2026-02-03', a, 'N');
    add('HQ-C', '2026-02-01', a);
    add('HQ-C', '2026-01-31', a);
    add('HQ-C', '2026-02-04', a);
    add('HQ-S1', '2026-02-02', b);
    const rows = repo.ofUnit('HQ-C', '2026-02-01', '2026-02-03');
    expect(rows.map((r) => [r.date, r.shiftCode])).toEqual([
      ['2026-02-01', 'D'],
      ['2026-02-03', 'N'],
    ]);
    expect(rows[0]).toMatchObject({
      orgUnitId: 'HQ-C',
      userId: a,
      userName: `u${a}`,
      checkedInAt: null,
      rosteredAt: 1,
    });
  });

  it('finds what could conflict: the unit’s rows and the listed people’s rows in other units', () => {
    add('HQ-S1', '2026-02-02', b);
    add('HQ-S1', '2026-02-02', a, 'D', 'info');
    add('HQ-C', '2026-02-02', a, 'N');
    add('HQ-C', '2026-02-09', a);
    const own = repo.ofUnitOrPeople('HQ-C', [], '2026-02-01', '2026-02-03');
    expect(own.map((r) => r.orgUnitId)).toEqual(['HQ-C']);
    const withPeople = repo.ofUnitOrPeople('HQ-C', [a], '2026-02-01', '2026-02-03');
    expect(withPeople.map((r) => `${r.orgUnitId}/${r.userId}`).sort()).toEqual([`HQ-C/${a}`, `HQ-S1/${a}`].sort());
  });

  it('joins the check-in of the same person and shift only, and reports a missed check-in once', () => {
    const first = add('HQ-C', '2026-02-02', a);
    add('HQ-S1', '2026-02-02', b);
    const key = { orgUnitId: 'HQ-C', date: '2026-02-02', shiftCode: 'D' };
    expect(repo.unreportedWithoutCheckin('2026-02-01', '2026-02-02').map((r) => r.userId)).toEqual([a, b]);
    const checkin = repo.insertCheckin(a, key, 'grid', 100);
    expect(repo.byId(first)).toMatchObject({ checkedInAt: 100, checkedOutAt: null });
    expect(repo.ofUser(b, '2026-02-02', '2026-02-02')[0]?.checkedInAt).toBeNull();
    repo.setCheckedOut(checkin, 200);
    expect(repo.checkinOf(a, key)).toMatchObject({ id: checkin, checkedInAt: 100, checkedOutAt: 200 });
    const missing = repo.unreportedWithoutCheckin('2026-02-01', '2026-02-02');
    expect(missing.map((r) => r.userId)).toEqual([b]);
    const [row] = missing;
    if (!row) throw new Error('expected a row');
    repo.recordMissing(row, 300);
    repo.recordMissing(row, 400);
    expect(repo.unreportedWithoutCheckin('2026-02-01', '2026-02-02')).toEqual([]);
  });

  it('counts rostered people per shift from a date on, and names who holds a post', () => {
    add('HQ-C', '2026-02-01', a, 'D', 'chief');
    add('HQ-C', '2026-02-02', a, 'N');
    add('HQ-C', '2026-02-03', a, 'N');
    expect(repo.rosteredFrom('HQ-C', '2026-02-02')).toEqual([{ code: 'N', n: 2 }]);
    expect(repo.onPost({ orgUnitId: 'HQ-C', date: '2026-02-01', shiftCode: 'D' }, 'chief')).toEqual({
      userId: a,
      userName: `u${a}`,
    });
    expect(repo.onPost({ orgUnitId: 'HQ-C', date: '2026-02-01', shiftCode: 'D' }, 'grid')).toBeUndefined();
    add('HQ-C', '2026-02-01', b, 'D', 'chief');
    expect(repo.holders({ orgUnitId: 'HQ-C', date: '2026-02-01', shiftCode: 'D' }, 'chief')).toEqual([
      { userId: a, userName: `u${a}` },
      { userId: b, userName: `u${b}` },
    ]);
    expect(repo.holders({ orgUnitId: 'HQ-C', date: '2026-02-02', shiftCode: 'D' }, 'chief')).toEqual([]);
  });

  it('keeps a saved pattern and answers null for a unit on the default one', () => {
    expect(repo.pattern('HQ-C')).toBeNull();
    const shifts = [{ code: 'D', name: '白班', nameEn: 'Day', kind: 'duty' as const, start: '08:00', end: '20:00' }];
    repo.savePattern('HQ-C', shifts, 5);
    repo.savePattern('HQ-C', shifts, 6);
    expect(repo.pattern('HQ-C')).toEqual(shifts);
  });
});
