import { beforeEach, describe, expect, it } from 'vitest';
import { toGrams, toMatchQuery } from '../../common/domain/text/bigrams';
import { openDatabase, type Db } from '../../main/db/connection';
import { DutyLogRepo, type NewEntry } from '../../main/services/duty/duty-log-repo';
import { seedReferenceData } from '../../main/services/org/seed';
import { tempDir } from '../helpers/test-env';

let db: Db;
let repo: DutyLogRepo;

const instance = (date: string, code = 'D', startsAt = 1000) => ({ date, code, startsAt, endsAt: startsAt + 500 });

function write(shiftId: number, at: number, text: string, more: Partial<NewEntry> = {}): number {
  return repo.insert({
    shiftId,
    at,
    authorId: null,
    authorName: '系统',
    kind: 'duty',
    text,
    correctsId: null,
    links: null,
    grams: toGrams(text),
    ...more,
  });
}

beforeEach(() => {
  db = openDatabase(tempDir());
  seedReferenceData(db);
  repo = new DutyLogRepo(db);
});

describe('DutyLogRepo', () => {
  it('creates a shift row once and answers the same row after', () => {
    const first = repo.ensureShift('HQ-C', instance('2026-02-01'));
    const again = repo.ensureShift('HQ-C', instance('2026-02-01', 'D', 9999));
    expect(again).toEqual(first);
    expect(first).toMatchObject({ orgUnitId: 'HQ-C', date: '2026-02-01', code: 'D', status: 'open', startsAt: 1000 });
    expect(repo.shift(first.id)).toEqual(first);
  });

  it('numbers entries per shift from 1 and links corrections both ways', () => {
    const a = repo.ensureShift('HQ-C', instance('2026-02-01')).id;
    const b = repo.ensureShift('HQ-S1', instance('2026-02-01')).id;
    const one = write(a, 10, '第一条');
    write(b, 11, '站点一条');
    const fix = write(a, 12, '更正', { correctsId: one });
    expect(repo.entries(a).map((e) => e.seq)).toEqual([1, 2]);
    expect(repo.entries(b).map((e) => e.seq)).toEqual([1]);
    expect(repo.corrections([one])).toEqual([{ id: fix, correctsId: one }]);
    expect(repo.refs([fix, fix])).toEqual([{ id: fix, seq: 2, shiftId: a, shiftDate: '2026-02-01', shiftCode: 'D' }]);
    expect(repo.entryOrgUnit(fix)).toBe('HQ-C');
    expect(repo.entryOrgUnit(fix + 100)).toBeUndefined();
  });

  it('searches with every condition combined: unit, [from, to), kind and text, newest first', () => {
    const c = repo.ensureShift('HQ-C', instance('2026-02-01')).id;
    const s = repo.ensureShift('HQ-S1', instance('2026-02-01')).id;
    write(c, 100, '河道漂浮物清理');
    write(c, 200, '河道巡查正常', { kind: 'system' });
    write(c, 300, '路灯故障');
    write(s, 250, '河道漂浮物');
    const texts = (rows: { text: string }[]) => rows.map((r) => r.text);
    expect(texts(repo.search({}, 10))).toEqual(['路灯故障', '河道漂浮物', '河道巡查正常', '河道漂浮物清理']);
    expect(texts(repo.search({ orgUnitId: 'HQ-C', from: 100, to: 300 }, 10))).toEqual([
      '河道巡查正常',
      '河道漂浮物清理',
    ]);
    expect(texts(repo.search({ kind: 'system' }, 10))).toEqual(['河道巡查正常']);
    const match = toMatchQuery('漂浮物') ?? undefined;
    expect(texts(repo.search({ match, orgUnitId: 'HQ-S1' }, 10))).toEqual(['河道漂浮物']);
    expect(repo.search({ match }, 10)[0]).toMatchObject({
      orgUnitId: 'HQ-S1',
      shiftDate: '2026-02-01',
      shiftCode: 'D',
    });
    expect(texts(repo.search({}, 2))).toEqual(['路灯故障', '河道漂浮物']);
  });
});
