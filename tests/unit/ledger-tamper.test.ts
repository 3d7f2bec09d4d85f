/**
 * The duty ledger against someone who edits the database file by hand: three
 * center shifts are sealed through the real handover flow, the hub is closed, and each attack is
 * made on a copy of its data folder with better-sqlite3 directly (triggers dropped). The check
 * must name the right shift and reason.
 */
import { describe, expect, it } from 'vitest';
import { entriesHash, keyedSealHash } from '../../main/services/duty/seal-content';
import { dutyStore } from '../../main/services/duty/duty-store';
import {
  HOUR,
  attachmentId,
  broken,
  deleteShift,
  dropTriggers,
  rewriteEntry,
  sealRows,
  shift,
  tamper,
  useSealedLedger,
} from '../helpers/ledger-tamper';

useSealedLedger();

describe('duty ledger tamper evidence', () => {
  it('verifies the untouched chain and answers its head', () => {
    const { db, verify } = tamper();
    const result = verify();
    const newest = db.prepare('SELECT seal_hash FROM duty_seals WHERE shift_id = ?').pluck().get(shift(2).id);
    expect(result).toEqual({
      ok: true,
      sealed: 3,
      heads: [
        { orgUnitId: 'HQ-C', shiftId: shift(2).id, date: shift(2).date, code: shift(2).code, seq: 3, sealHash: newest },
      ],
    });
    expect(db.prepare('SELECT seq FROM duty_seals ORDER BY id').pluck().all()).toEqual([1, 2, 3]);
    db.close();
  });

  it('names the shift whose start or end time was edited', () => {
    const { db, verify } = tamper();
    dropTriggers(db);
    db.prepare('UPDATE duty_shifts SET ends_at = ends_at + ? WHERE id = ?').run(HOUR, shift(1).id);
    expect(verify()).toMatchObject(broken(1, 'seal_mismatch'));
    db.close();

    const again = tamper();
    dropTriggers(again.db);
    again.db.prepare('UPDATE duty_shifts SET starts_at = starts_at - ? WHERE id = ?').run(HOUR, shift(0).id);
    expect(again.verify()).toMatchObject(broken(0, 'seal_mismatch'));
    again.db.close();
  });

  it('names the shift whose frozen summary was edited (the text the console and the report show)', () => {
    const { db, verify } = tamper();
    dropTriggers(db);
    db.prepare(
      `UPDATE duty_handovers SET summary = replace(summary, '夜间注意积水点', '一切正常') WHERE shift_id = ?`,
    ).run(shift(1).id);
    expect(verify()).toMatchObject(broken(1, 'seal_mismatch'));
    db.close();

    const copy = tamper();
    dropTriggers(copy.db);
    copy.db
      .prepare(`UPDATE duty_seals SET summary = replace(summary, '夜间注意积水点', '一切正常') WHERE shift_id = ?`)
      .run(shift(2).id);
    expect(copy.verify()).toMatchObject(broken(2, 'seal_mismatch'));
    copy.db.close();
  });

  it('names the shift whose signer’s name was edited', () => {
    const { db, verify } = tamper();
    dropTriggers(db);
    db.prepare(`UPDATE duty_handover_signatures SET user_name = '赵某' WHERE shift_id = ? AND side = 'incoming'`).run(
      shift(0).id,
    );
    expect(verify()).toMatchObject(broken(0, 'seal_mismatch'));
    db.close();
  });

  it('names the shift whose attachment’s content hash was edited', () => {
    const { db, verify } = tamper();
    db.prepare('UPDATE attachments SET sha256 = ? WHERE id = ?').run('0'.repeat(64), attachmentId);
    expect(verify()).toMatchObject(broken(1, 'entries_changed'));
    db.close();
  });

  it('detects the newest shift deleted with its seal (tail truncation), with or without the head', () => {
    const { db, verify } = tamper();
    dropTriggers(db);
    deleteShift(db, shift(2).id);
    const result = verify();
    expect(result).toMatchObject(broken(2, 'chain_truncated'));
    expect(result.heads?.[0]).toMatchObject({ seq: 3, shiftId: shift(2).id });
    expect(result.ok ? '' : result.message.zh).toContain('第 3 号封存');

    db.prepare('DELETE FROM duty_seal_heads').run();
    expect(verify()).toMatchObject(broken(1, 'head_invalid'));
    db.close();
  });

  it('names a deleted middle seal’s own shift, even when its shift was reopened to hide it', () => {
    const { db, verify } = tamper();
    dropTriggers(db);
    db.prepare('DELETE FROM duty_seals WHERE shift_id = ?').run(shift(1).id);
    expect(verify()).toMatchObject(broken(1, 'seal_missing'));

    db.prepare(`UPDATE duty_shifts SET status = 'open' WHERE id = ?`).run(shift(1).id);
    db.prepare('DELETE FROM duty_handover_signatures WHERE shift_id = ?').run(shift(1).id);
    db.prepare('DELETE FROM duty_handovers WHERE shift_id = ?').run(shift(1).id);
    const result = verify();
    expect(result).toMatchObject(broken(1, 'seal_gap'));
    expect(result.ok ? '' : result.message.en).toContain('seal no. 2');
    db.close();
  });

  it('refuses a rewritten entry with every later seal recomputed without the key or with a wrong key', () => {
    // Unkeyed: the scheme is public, so an attacker recomputes the SHA-256 of the same content.
    const unkeyed = tamper();
    dropTriggers(unkeyed.db);
    rewriteEntry(unkeyed.db);
    let prev = '';
    for (const seal of sealRows(unkeyed.db)) {
      if (seal.seq < 2) {
        prev = unkeyed.db.prepare('SELECT seal_hash FROM duty_seals WHERE id = ?').pluck().get(seal.id) as string;
        continue;
      }
      const facts = {
        ...seal,
        entriesHash: entriesHash(dutyStore(unkeyed.db), seal.shiftId),
        prevSealHash: prev,
        legacyHash: null,
      };
      // Keyed with the empty key: what "the hash has no key" amounts to.
      const hash = keyedSealHash(dutyStore(unkeyed.db), Buffer.alloc(0), seal.shift, facts);
      unkeyed.db
        .prepare('UPDATE duty_seals SET entries_hash = ?, prev_seal_hash = ?, seal_hash = ? WHERE id = ?')
        .run(facts.entriesHash, prev, hash, seal.id);
      prev = hash;
    }
    expect(unkeyed.verify()).toMatchObject(broken(1, 'seal_mismatch'));
    unkeyed.db.close();

    const wrongKey = tamper();
    dropTriggers(wrongKey.db);
    rewriteEntry(wrongKey.db);
    const guess = Buffer.alloc(32, 1);
    prev = '';
    for (const seal of sealRows(wrongKey.db)) {
      if (seal.seq < 2) {
        prev = wrongKey.db.prepare('SELECT seal_hash FROM duty_seals WHERE id = ?').pluck().get(seal.id) as string;
        continue;
      }
      const facts = {
        ...seal,
        entriesHash: entriesHash(dutyStore(wrongKey.db), seal.shiftId),
        prevSealHash: prev,
        legacyHash: null,
      };
      const hash = keyedSealHash(dutyStore(wrongKey.db), guess, seal.shift, facts);
      wrongKey.db
        .prepare('UPDATE duty_seals SET entries_hash = ?, prev_seal_hash = ?, seal_hash = ? WHERE id = ?')
        .run(facts.entriesHash, prev, hash, seal.id);
      prev = hash;
    }
    wrongKey.db.prepare('UPDATE duty_seal_heads SET seal_hash = ?').run(prev);
    expect(wrongKey.verify()).toMatchObject(broken(1, 'seal_mismatch'));
    wrongKey.db.close();
  });
});
