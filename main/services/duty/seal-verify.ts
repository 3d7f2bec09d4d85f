/**
 * Checking the duty ledger's seals: recomputes every seal of each unit with the
 * seal key, follows the chain links and the seal numbers, and checks the unit's keyed chain head.
 * The answer names the earliest shift (by start time) where something differs, or — when a seal
 * was deleted — the shift at the missing seal's place.
 *
 * Legacy unkeyed seals (scheme /1): the hub re-seals a unit's /1 chain under the key once, at the
 * first start after the upgrade, if it verifies intact then (seal-upgrade.ts). Afterwards a /1
 * seal is legitimate only in a chain that was already broken then; an intact /1 chain or a /1
 * seal after a keyed one is a downgrade. A database the hub has not yet opened since the upgrade
 * (no keyed columns) is checked under /1 alone.
 */
import type { ChainHead, LedgerBreakReason, LedgerVerifyResult } from '../../../common/contract/duty-log';
import type { Db } from '../../db/connection';
import {
  GENESIS_SEAL_HASH,
  LEGACY_SEAL_SCHEME,
  SEAL_SCHEME,
  entriesHash,
  headMac,
  keyedSealHash,
  legacyEntriesHash,
  legacySealHash,
  readHead,
  sameDigest,
} from './seal-content';
import type { SealRecord } from './seal';

const REASONS: Record<LedgerBreakReason, { zh: string; en: string }> = {
  entries_changed: {
    zh: '值班日志记录或其附件被改动、删除或插入',
    en: 'log entries or their attachments were changed',
  },
  chain_broken: { zh: '与上一次封存的链接断开', en: 'the link to the previous seal is broken' },
  seal_mismatch: {
    zh: '封存内容（班次、交接摘要、签名或封存时间）被改动，或封存不是用本中心密钥生成的',
    en: 'the seal (shift, handover summary, signatures or seal time) was changed, or was not made with this hub’s key',
  },
  seal_missing: { zh: '班次标为已封存，但封存记录缺失', en: 'the shift is marked sealed but its seal is missing' },
  shift_reopened: { zh: '已封存的班次被改回未封存', en: 'a sealed shift was set back to unsealed' },
  seal_gap: {
    zh: '封存编号缺号，该处的封存被删除',
    en: 'a seal number is missing: the seal at this place was deleted',
  },
  chain_truncated: {
    zh: '台账末尾的封存被删除（链头记录的封存已不存在）',
    en: 'seals were cut off the end of the chain (the chain head names a seal that is gone)',
  },
  head_invalid: {
    zh: '台账链头记录缺失或被改动',
    en: 'the chain head record is missing or was changed',
  },
  downgraded: {
    zh: '密钥封存被改写为无密钥的旧式封存',
    en: 'keyed seals were rewritten in the unkeyed legacy scheme',
  },
};

interface ShiftRef {
  id: number;
  orgUnitId: string;
  date: string;
  code: string;
  startsAt: number;
}

interface ShiftRow extends ShiftRef {
  endsAt: number;
  status: 'open' | 'handover' | 'sealed';
}

interface SealRow extends SealRecord {
  legacyHash: string | null;
}

interface Break {
  shift: ShiftRef;
  reason: LedgerBreakReason;
  /** Seal number the break is about, when known. */
  seq?: number | undefined;
}

const SHIFT_COLUMNS = 'id, org_unit_id AS orgUnitId, date, code, starts_at AS startsAt, ends_at AS endsAt, status';

function hasTable(db: Db, name: string): boolean {
  return db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(name) !== undefined;
}

function hasColumn(db: Db, table: string, column: string): boolean {
  return (db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[]).some(
    (c) => c.name === column,
  );
}

/** Reason a /1 seal fails its own checks, or null. */
function legacyReason(db: Db, shift: ShiftRow, seal: SealRow, prev: string): LedgerBreakReason | null {
  if (shift.status !== 'sealed') return 'shift_reopened';
  const recomputed = legacyEntriesHash(db, shift.id);
  if (recomputed !== seal.entriesHash) return 'entries_changed';
  if (seal.prevSealHash !== prev) return 'chain_broken';
  return legacySealHash(shift, { ...seal, entriesHash: recomputed }) !== seal.sealHash ? 'seal_mismatch' : null;
}

/** Reason a /2 seal fails its own checks, or null; `linkChecked` false after a gap. */
function keyedReason(
  db: Db,
  key: Buffer,
  shift: ShiftRow,
  seal: SealRow & { seq: number },
  prev: string,
  linkChecked: boolean,
): LedgerBreakReason | null {
  if (shift.status !== 'sealed') return 'shift_reopened';
  const recomputed = entriesHash(db, shift.id);
  if (recomputed !== seal.entriesHash) return 'entries_changed';
  if (linkChecked && seal.prevSealHash !== prev) return 'chain_broken';
  const expected = keyedSealHash(db, key, shift, { ...seal, entriesHash: recomputed });
  return sameDigest(expected, seal.sealHash) ? null : 'seal_mismatch';
}

/**
 * Where a deleted seal stood: among the unit's shifts after `after` (and before `before`), the
 * first that still shows a handover (status sealed, or handover rows), else the first one.
 */
function missingShift(db: Db, orgUnitId: string, after: number, before: number): ShiftRow | undefined {
  return db
    .prepare(
      `SELECT ${SHIFT_COLUMNS} FROM duty_shifts s
       WHERE org_unit_id = ? AND starts_at > ? AND starts_at < ?
       ORDER BY (status = 'sealed' OR EXISTS (SELECT 1 FROM duty_handovers h WHERE h.shift_id = s.id)) DESC, starts_at
       LIMIT 1`,
    )
    .get(orgUnitId, after, before) as ShiftRow | undefined;
}

interface UnitResult {
  sealed: number;
  breaks: Break[];
  head?: ChainHead;
}

function verifyUnit(db: Db, key: Buffer, unit: string, keyed: boolean): UnitResult {
  const sealColumns = keyed
    ? 'd.scheme, d.seq, d.legacy_hash AS legacyHash'
    : `'${LEGACY_SEAL_SCHEME}' AS scheme, NULL AS seq, NULL AS legacyHash`;
  const seals = db
    .prepare(
      `SELECT d.id, d.shift_id AS shiftId, d.sealed_at AS sealedAt, d.summary, d.entries_hash AS entriesHash,
              d.prev_seal_hash AS prevSealHash, d.seal_hash AS sealHash, d.signed_by AS signedBy, ${sealColumns}
       FROM duty_seals d JOIN duty_shifts s ON s.id = d.shift_id
       WHERE s.org_unit_id = ? ORDER BY d.id`,
    )
    .all(unit) as SealRow[];
  const shiftOf = db.prepare(`SELECT ${SHIFT_COLUMNS} FROM duty_shifts WHERE id = ?`);
  const breaks: Break[] = [];
  let prev = GENESIS_SEAL_HASH;
  let prevStart = -Infinity;
  let expected = 1;
  let sawKeyed = false;
  let legacySeals: ShiftRow[] = [];
  let legacyBroken = false;
  let last: { seal: SealRow; shift: ShiftRow } | undefined;
  for (const seal of seals) {
    const shift = shiftOf.get(seal.shiftId) as ShiftRow;
    if (seal.scheme === LEGACY_SEAL_SCHEME) {
      const reason = sawKeyed ? 'downgraded' : legacyReason(db, shift, seal, prev);
      if (!sawKeyed) legacySeals = [...legacySeals, shift];
      if (reason !== null && !sawKeyed) legacyBroken = true;
      if (reason !== null) breaks.push({ shift, reason });
    } else if (seal.scheme === SEAL_SCHEME && seal.seq !== null) {
      sawKeyed = true;
      const gap = seal.seq > expected;
      if (gap) {
        // Seals expected … seq−1 were deleted; name the first one's place.
        const place = missingShift(db, unit, prevStart, shift.startsAt);
        // A shift still marked sealed is named below as seal_missing.
        if (place?.status !== 'sealed') breaks.push({ shift: place ?? shift, reason: 'seal_gap', seq: expected });
      }
      const reason =
        seal.seq < expected ? 'seal_mismatch' : keyedReason(db, key, shift, { ...seal, seq: seal.seq }, prev, !gap);
      if (reason !== null) breaks.push({ shift, reason, seq: seal.seq });
    } else {
      breaks.push({ shift, reason: 'seal_mismatch' });
    }
    expected = (seal.seq ?? expected) + 1;
    prev = seal.sealHash;
    prevStart = shift.startsAt;
    last = { seal, shift };
  }
  const unsealed = db
    .prepare(
      `SELECT ${SHIFT_COLUMNS} FROM duty_shifts s
       WHERE org_unit_id = ? AND status = 'sealed' AND NOT EXISTS (SELECT 1 FROM duty_seals d WHERE d.shift_id = s.id)`,
    )
    .all(unit) as ShiftRow[];
  for (const shift of unsealed) breaks.push({ shift, reason: 'seal_missing' });
  if (!keyed) return { sealed: seals.length, breaks };

  const pending =
    hasTable(db, 'duty_seal_upgrade') &&
    db.prepare('SELECT 1 FROM duty_seal_upgrade WHERE org_unit_id = ?').get(unit) !== undefined;
  const [firstLegacy] = legacySeals;
  // An intact /1 chain would have been re-sealed under the key at the upgrade.
  if (firstLegacy && !legacyBroken && !pending) breaks.push({ shift: firstLegacy, reason: 'downgraded' });

  const head = readHead(db, unit);
  if (!head) {
    if (sawKeyed && last) breaks.push({ shift: last.shift, reason: 'head_invalid' });
    return { sealed: seals.length, breaks };
  }
  const headShift: ShiftRef = {
    id: head.shiftId,
    orgUnitId: unit,
    date: head.shiftDate,
    code: head.shiftCode,
    startsAt: head.shiftStartsAt,
  };
  const { mac, ...facts } = head;
  if (!sameDigest(headMac(key, facts), mac)) {
    breaks.push({ shift: last?.shift ?? headShift, reason: 'head_invalid' });
    return { sealed: seals.length, breaks };
  }
  const lastSeq = expected - 1;
  if (head.seq > lastSeq) {
    // The newest seals are gone: name the place of the first missing one.
    const place =
      head.seq === lastSeq + 1
        ? headShift
        : (missingShift(db, unit, last?.shift.startsAt ?? -Infinity, head.shiftStartsAt) ?? headShift);
    breaks.push({ shift: place, reason: 'chain_truncated', seq: lastSeq + 1 });
  } else {
    const match = seals.find((s) => s.seq === head.seq);
    if (!match || head.seq < lastSeq || !sameDigest(match.sealHash, head.sealHash) || match.id !== head.sealId) {
      breaks.push({ shift: last?.shift ?? headShift, reason: 'head_invalid', seq: head.seq });
    }
  }
  return {
    sealed: seals.length,
    breaks,
    head: {
      orgUnitId: unit,
      shiftId: head.shiftId,
      date: head.shiftDate,
      code: head.shiftCode,
      seq: head.seq,
      sealHash: head.sealHash,
    },
  };
}

function describe(b: Break): { zh: string; en: string } {
  const { shift, reason, seq } = b;
  const at = seq === undefined ? { zh: '', en: '' } : { zh: `（第 ${seq} 号封存）`, en: ` (seal no. ${seq})` };
  return {
    zh: `${shift.date} ${shift.code} 班次（${shift.orgUnitId}）${at.zh}：${REASONS[reason].zh}`,
    en: `Shift ${shift.date} ${shift.code} (${shift.orgUnitId})${at.en}: ${REASONS[reason].en}`,
  };
}

/**
 * Recomputes every seal of `orgUnitId` (default: all org units) and its chain under `sealKey`.
 * Intact: how many seals were checked and each keyed unit's chain head. Broken: the earliest
 * shift (by start time) where a recomputed seal differs or a seal, link or number is missing,
 * and why. Only reads.
 */
export function verifyChain(db: Db, sealKey: Buffer, orgUnitId?: string): LedgerVerifyResult {
  const keyed = hasColumn(db, 'duty_seals', 'scheme');
  const units =
    orgUnitId !== undefined
      ? [orgUnitId]
      : (db.prepare('SELECT DISTINCT org_unit_id AS id FROM duty_shifts ORDER BY id').all() as { id: string }[]).map(
          (u) => u.id,
        );
  const breaks: Break[] = [];
  const heads: ChainHead[] = [];
  let sealed = 0;
  for (const unit of units) {
    const result = verifyUnit(db, sealKey, unit, keyed);
    sealed += result.sealed;
    breaks.push(...result.breaks);
    if (result.head) heads.push(result.head);
  }
  const first = breaks.sort((a, b) => a.shift.startsAt - b.shift.startsAt || a.shift.id - b.shift.id)[0];
  if (!first) return { ok: true, sealed, heads };
  const { shift, reason } = first;
  return {
    ok: false,
    shiftId: shift.id,
    orgUnitId: shift.orgUnitId,
    date: shift.date,
    code: shift.code,
    reason,
    message: describe(first),
    heads,
  };
}
