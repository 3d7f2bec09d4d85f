import { beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../common/contract';
import { openDatabase, type Db } from '../../main/db/connection';
import { ChecklistRepo } from '../../main/services/duty/checklist-repo';
import { cleanChecklist } from '../../main/services/duty/checklist';
import { DutyLogRepo } from '../../main/services/duty/duty-log-repo';
import { HandoverRepo } from '../../main/services/duty/handover-repo';
import { LedgerRepo } from '../../main/services/duty/ledger-repo';
import { SealRepo } from '../../main/services/duty/seal-repo';
import { seedReferenceData } from '../../main/services/org/seed';
import { UsersRepo } from '../../main/services/users/users-repo';
import { insertSeal } from '../helpers/duty-seal';
import { tempDir } from '../helpers/test-env';

let db: Db;
let log: DutyLogRepo;
let ledger: LedgerRepo;
let u1: number;
let u2: number;

const shift = (unit: string, code: string, startsAt: number) =>
  log.ensureShift(unit, { date: '2026-02-01', code, startsAt, endsAt: startsAt + 100 }).id;

const seal = (shiftId: number, seq: number, hash: string) =>
  insertSeal(new SealRepo(db), shiftId, seq, hash, 'cityops-duty-seal/2');

beforeEach(() => {
  db = openDatabase(tempDir());
  seedReferenceData(db);
  log = new DutyLogRepo(db);
  ledger = new LedgerRepo(db);
  const user = (username: string) =>
    new UsersRepo(db).insert(
      { username, displayName: username, passwordHash: 'x', orgUnitId: 'HQ-C', roles: [], mustChangePassword: false },
      1,
    );
  u1 = user('c1');
  u2 = user('c2');
});

describe('LedgerRepo', () => {
  it('reads entries as sealed (without their display number) and the handover rows, signatures by side', () => {
    const a = shift('HQ-C', 'A', 100);
    const base = { shiftId: a, at: 5, authorId: null, authorName: '系统', kind: 'duty' as const, correctsId: null };
    const id = log.insert({ ...base, text: '巡查', links: null, grams: '巡查' });
    expect(ledger.sealedEntries(a)).toEqual([{ id, ...base, text: '巡查', links: null }]);
    expect(ledger.sealedHandover(a)).toEqual({ handover: null, signatures: [] });
    const handovers = new HandoverRepo(db);
    handovers.start(a, { id: u1, name: '王' }, 7, '{}');
    handovers.sign(a, 'outgoing', { id: u1, name: '王' }, 8);
    handovers.sign(a, 'incoming', { id: u2, name: '李' }, 9);
    const rows = ledger.sealedHandover(a);
    expect(rows.handover).toEqual({ startedBy: u1, startedByName: '王', startedAt: 7, summary: '{}' });
    expect(rows.signatures.map((s) => s.side)).toEqual(['incoming', 'outgoing']);
  });

  it('writes a unit’s chain head once and moves it forward', () => {
    const a = shift('HQ-C', 'A', 100);
    const b = shift('HQ-C', 'B', 200);
    const head = (seq: number, sealId: number, shiftId: number, code: string) => ({
      orgUnitId: 'HQ-C',
      seq,
      sealId,
      shiftId,
      shiftDate: '2026-02-01',
      shiftCode: code,
      shiftStartsAt: 100,
      sealHash: `h${seq}`,
      mac: `m${seq}`,
    });
    expect(ledger.readHead('HQ-C')).toBeUndefined();
    ledger.writeHead(head(1, seal(a, 1, 'h1'), a, 'A'));
    ledger.writeHead(head(2, seal(b, 2, 'h2'), b, 'B'));
    expect(ledger.readHead('HQ-C')).toEqual(head(2, 2, b, 'B'));
    expect(ledger.readHead('HQ-S1')).toBeUndefined();
  });

  it('finds a deleted seal’s place (a shift showing a handover first) and shifts sealed without a seal', () => {
    const a = shift('HQ-C', 'A', 100);
    const b = shift('HQ-C', 'B', 200);
    const c = shift('HQ-C', 'C', 300);
    expect(ledger.missingShift('HQ-C', 100, 400)?.id).toBe(b);
    new HandoverRepo(db).start(c, { id: u1, name: '王' }, 350, '{}');
    expect(ledger.missingShift('HQ-C', 100, 400)?.id).toBe(c);
    expect(ledger.missingShift('HQ-C', -Infinity, 100)).toBeUndefined();
    seal(a, 1, 'h1');
    expect(ledger.sealedWithoutSeal('HQ-C')).toEqual([]);
    db.prepare(`UPDATE duty_shifts SET status = 'sealed' WHERE id = ?`).run(b);
    expect(ledger.sealedWithoutSeal('HQ-C').map((s) => s.id)).toEqual([b]);
    expect(ledger.unitSeals('HQ-C', true, 'x')).toMatchObject([{ shiftId: a, seq: 1, legacyHash: null }]);
    expect(ledger.unitSeals('HQ-C', false, 'legacy')).toMatchObject([{ shiftId: a, seq: null, scheme: 'legacy' }]);
    expect(ledger.units()).toEqual(['HQ-C']);
    expect(ledger.keyed()).toBe(true);
  });

  it('lists units awaiting the upgrade and takes them off the list', () => {
    expect(ledger.pendingUpgrades()).toEqual([]);
    db.prepare(`INSERT INTO duty_seal_upgrade (org_unit_id) VALUES ('HQ-S1'), ('HQ-C')`).run();
    expect(ledger.pendingUpgrades()).toEqual(['HQ-C', 'HQ-S1']);
    expect(ledger.upgradePending('HQ-C')).toBe(true);
    ledger.upgradeDone('HQ-C');
    expect(ledger.pendingUpgrades()).toEqual(['HQ-S1']);
    expect(ledger.upgradePending('HQ-C')).toBe(false);
  });
});

describe('checklists', () => {
  it('stores a unit’s own checklist; none until saved', () => {
    const repo = new ChecklistRepo(db);
    expect(repo.items('HQ-C')).toBeUndefined();
    repo.save('HQ-C', [{ id: 'a', label: '甲' }], 1);
    repo.save('HQ-C', [{ id: 'b', label: '乙' }], 2);
    expect(repo.items('HQ-C')).toEqual([{ id: 'b', label: '乙' }]);
  });

  it('trims items and refuses empty or duplicate ids and labels', () => {
    expect(cleanChecklist([{ id: ' a ', label: ' 甲 ' }])).toEqual([{ id: 'a', label: '甲' }]);
    const field = (items: { id: string; label: string }[]) => {
      try {
        cleanChecklist(items);
      } catch (err) {
        if (err instanceof ApiError) return [err.code, (err.details as { field: string }).field];
      }
      return null;
    };
    expect(
      field([
        { id: 'a', label: '甲' },
        { id: 'a ', label: '乙' },
      ]),
    ).toEqual(['E_INVALID', 'items.id']);
    expect(
      field([
        { id: 'a', label: '甲' },
        { id: 'b', label: '甲' },
      ]),
    ).toEqual(['E_INVALID', 'items.label']);
    expect(field([{ id: ' ', label: '甲' }])).toEqual(['E_INVALID', 'items']);
  });
});
