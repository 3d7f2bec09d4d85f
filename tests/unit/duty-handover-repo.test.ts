import { beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../main/db/connection';
import { DutyLogRepo } from '../../main/services/duty/duty-log-repo';
import { HandoverRepo } from '../../main/services/duty/handover-repo';
import { seedReferenceData } from '../../main/services/org/seed';
import { UsersRepo } from '../../main/services/users/users-repo';
import { tempDir } from '../helpers/test-env';

let db: Db;
let shifts: DutyLogRepo;
let repo: HandoverRepo;
let u1: number;
let u2: number;

beforeEach(() => {
  db = openDatabase(tempDir());
  seedReferenceData(db);
  shifts = new DutyLogRepo(db);
  repo = new HandoverRepo(db);
  const users = new UsersRepo(db);
  const user = (username: string) =>
    users.insert(
      { username, displayName: username, passwordHash: 'x', orgUnitId: 'HQ-C', roles: [], mustChangePassword: false },
      1,
    );
  u1 = user('chief1');
  u2 = user('chief2');
});

describe('HandoverRepo', () => {
  it('starts a handover (shift in handover), lists signatures outgoing first, and cancels back to open', () => {
    const early = shifts.ensureShift('HQ-C', { date: '2026-02-01', code: 'D', startsAt: 1000, endsAt: 2000 });
    const late = shifts.ensureShift('HQ-C', { date: '2026-02-01', code: 'N', startsAt: 2000, endsAt: 3000 });
    expect(repo.running('HQ-C')).toBeUndefined();
    repo.start(late.id, { id: u1, name: '王值班' }, 2500, '{"n":1}');
    repo.start(early.id, { id: u1, name: '王值班' }, 1900, '{"n":2}');
    expect(repo.running('HQ-C')).toMatchObject({ id: early.id, status: 'handover' });
    expect(repo.running('HQ-S1')).toBeUndefined();
    expect(repo.handover(late.id)).toEqual({ userId: u1, userName: '王值班', at: 2500, summary: '{"n":1}' });

    repo.sign(early.id, 'incoming', { id: u2, name: '赵值班' }, 1950);
    repo.sign(early.id, 'outgoing', { id: u1, name: '王值班' }, 1960);
    expect(repo.signatures(early.id).map((s) => s.side)).toEqual(['outgoing', 'incoming']);

    repo.cancel(early.id);
    expect(repo.signatures(early.id)).toEqual([]);
    expect(repo.handover(early.id)).toBeUndefined();
    expect(shifts.shift(early.id)?.status).toBe('open');
    expect(repo.running('HQ-C')).toMatchObject({ id: late.id });
    expect(repo.sealed('HQ-C', 10)).toEqual([]);
  });
});
