import { beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../main/db/connection';
import { DutyLogRepo } from '../../main/services/duty/duty-log-repo';
import { SealRepo } from '../../main/services/duty/seal-repo';
import { seedReferenceData } from '../../main/services/org/seed';
import { insertSeal } from '../helpers/duty-seal';
import { tempDir } from '../helpers/test-env';

let db: Db;
let shifts: DutyLogRepo;
let repo: SealRepo;

function seal(shiftId: number, seq: number | null, hash: string): number {
  return insertSeal(repo, shiftId, seq, hash, seq === null ? 'legacy' : 'keyed');
}

beforeEach(() => {
  db = openDatabase(tempDir());
  seedReferenceData(db);
  shifts = new DutyLogRepo(db);
  repo = new SealRepo(db);
});

describe('SealRepo', () => {
  it('answers the unit’s newest seal with its count, and a chain head only among numbered seals', () => {
    const shift = (unit: string, code: string, startsAt: number) =>
      shifts.ensureShift(unit, { date: '2026-02-01', code, startsAt, endsAt: startsAt + 100 }).id;
    const a = shift('HQ-C', 'A', 100);
    const b = shift('HQ-C', 'B', 200);
    const other = shift('HQ-S1', 'A', 100);
    expect(repo.newest('HQ-C')).toBeUndefined();
    seal(a, null, 'h1');
    seal(other, 1, 'x1');
    expect(repo.newest('HQ-C')).toEqual({ sealHash: 'h1', seq: null, count: 1 });
    expect(repo.chainHead('HQ-C')).toBeUndefined();
    expect(shifts.shift(a)?.status).toBe('sealed');
    seal(b, 2, 'h2');
    expect(repo.newest('HQ-C')).toEqual({ sealHash: 'h2', seq: 2, count: 2 });
    expect(repo.chainHead('HQ-C')).toEqual({
      orgUnitId: 'HQ-C',
      shiftId: b,
      date: '2026-02-01',
      code: 'B',
      seq: 2,
      sealHash: 'h2',
    });
    expect(repo.ofShift(b)).toMatchObject({ shiftId: b, seq: 2, sealHash: 'h2', scheme: 'keyed' });
    expect(repo.ofShift(b + 100)).toBeUndefined();
  });
});
