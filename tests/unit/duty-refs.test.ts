import { beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../main/db/connection';
import { dutyLinkedAttachmentIds, dutyShiftRef } from '../../main/services/duty/duty-refs';
import { DutyLogRepo } from '../../main/services/duty/duty-log-repo';
import { seedReferenceData } from '../../main/services/org/seed';
import { tempDir } from '../helpers/test-env';

let db: Db;
let log: DutyLogRepo;

beforeEach(() => {
  db = openDatabase(tempDir());
  seedReferenceData(db);
  log = new DutyLogRepo(db);
});

function entry(unit: string, links: string | null): void {
  const shiftId = log.ensureShift(unit, { date: '2026-02-01', code: 'A', startsAt: 100, endsAt: 200 }).id;
  log.insert({
    shiftId,
    at: 150,
    authorId: null,
    authorName: '系统',
    kind: 'duty',
    text: 'x',
    correctsId: null,
    links,
    grams: 'x',
  });
}

describe('duty refs for other domains', () => {
  it('names the attachments linked from a log the viewer may see, nothing else', () => {
    entry('HQ-C', '{"attachmentIds":[1,2]}');
    entry('HQ-S1', '{"attachmentIds":[3],"orderIds":[4]}');
    entry('HQ-S1', null);
    const center = { orgUnitId: 'HQ-C', isCenter: true };
    const station = { orgUnitId: 'HQ-S1', isCenter: false };
    expect(dutyLinkedAttachmentIds(db, [1, 2, 3, 4, 5], center)).toEqual(new Set([1, 2, 3]));
    expect(dutyLinkedAttachmentIds(db, [1, 2, 3, 4, 5], station)).toEqual(new Set([3]));
    expect(dutyLinkedAttachmentIds(db, [], center)).toEqual(new Set());
  });

  it('names a shift by unit, date and code; an unknown one is undefined', () => {
    entry('HQ-C', null);
    const [shift] = db.prepare('SELECT id FROM duty_shifts').all() as { id: number }[];
    expect(dutyShiftRef(db, shift?.id ?? 0)).toEqual({ orgUnitId: 'HQ-C', date: '2026-02-01', code: 'A' });
    expect(dutyShiftRef(db, 999)).toBeUndefined();
  });
});
