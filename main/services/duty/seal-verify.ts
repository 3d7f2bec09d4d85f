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
import type { LedgerSealRow, LedgerShiftRow } from './ledger-repo';
import {
  GENESIS_SEAL_HASH,
  LEGACY_SEAL_SCHEME,
  SEAL_SCHEME,
  entriesHash,
  headMac,
  keyedSealHash,
  legacyEntriesHash,
  legacySealHash,
  sameDigest,
  type SealSource,
} from './seal-content';

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

interface Break {
  shift: ShiftRef;
  reason: LedgerBreakReason;
  /** Seal number the break is about, when known. */
  seq?: number | undefined;
}

/** Reason a /1 seal fails its own checks, or null. */
function legacyReason(
  source: SealSource,
  shift: LedgerShiftRow,
  seal: LedgerSealRow,
  prev: string,
): LedgerBreakReason | null {
  if (shift.status !== 'sealed') return 'shift_reopened';
  const recomputed = legacyEntriesHash(source, shift.id);
  if (recomputed !== seal.entriesHash) return 'entries_changed';
  if (seal.prevSealHash !== prev) return 'chain_broken';
  return legacySealHash(shift, { ...seal, entriesHash: recomputed }) !== seal.sealHash ? 'seal_mismatch' : null;
}

/** Reason a /2 seal fails its own checks, or null; `linkChecked` false after a gap. */
function keyedReason(
  source: SealSource,
  key: Buffer,
  shift: LedgerShiftRow,
  seal: LedgerSealRow & { seq: number },
  prev: string,
  linkChecked: boolean,
): LedgerBreakReason | null {
  if (shift.status !== 'sealed') return 'shift_reopened';
  const recomputed = entriesHash(source, shift.id);
  if (recomputed !== seal.entriesHash) return 'entries_changed';
  if (linkChecked && seal.prevSealHash !== prev) return 'chain_broken';
  const expected = keyedSealHash(source, key, shift, { ...seal, entriesHash: recomputed });
  return sameDigest(expected, seal.sealHash) ? null : 'seal_mismatch';
}

/** What walking a unit's seals in order found. */
interface SealWalk {
  breaks: Break[];
  /** The shifts of the /1 seals before the first keyed one, and whether that /1 chain is broken. */
  legacySeals: LedgerShiftRow[];
  legacyBroken: boolean;
  sawKeyed: boolean;
  /** The number of the last seal walked (0 when none). */
  lastSeq: number;
  last: { seal: LedgerSealRow; shift: LedgerShiftRow } | undefined;
}

/**
 * Walks the unit's seals in the order they were made: each seal's own checks, the chain links,
 * the numbering of keyed seals (a gap names the first missing seal's place) and /1 seals after a
 * keyed one (a downgrade).
 */
function walkSeals(source: SealSource, key: Buffer, unit: string, seals: readonly LedgerSealRow[]): SealWalk {
  const { ledger } = source;
  const walk: SealWalk = {
    breaks: [],
    legacySeals: [],
    legacyBroken: false,
    sawKeyed: false,
    lastSeq: 0,
    last: undefined,
  };
  const { breaks } = walk;
  let prev = GENESIS_SEAL_HASH;
  let prevStart = -Infinity;
  let expected = 1;
  for (const seal of seals) {
    const shift = ledger.shift(seal.shiftId) as LedgerShiftRow;
    if (seal.scheme === LEGACY_SEAL_SCHEME) {
      const reason = walk.sawKeyed ? 'downgraded' : legacyReason(source, shift, seal, prev);
      if (!walk.sawKeyed) walk.legacySeals = [...walk.legacySeals, shift];
      if (reason !== null && !walk.sawKeyed) walk.legacyBroken = true;
      if (reason !== null) breaks.push({ shift, reason });
    } else if (seal.scheme === SEAL_SCHEME && seal.seq !== null) {
      walk.sawKeyed = true;
      const gap = seal.seq > expected;
      if (gap) {
        // Seals expected … seq−1 were deleted; name the first one's place.
        const place = ledger.missingShift(unit, prevStart, shift.startsAt);
        // A shift still marked sealed is named below as seal_missing.
        if (place?.status !== 'sealed') breaks.push({ shift: place ?? shift, reason: 'seal_gap', seq: expected });
      }
      const reason =
        seal.seq < expected ? 'seal_mismatch' : keyedReason(source, key, shift, { ...seal, seq: seal.seq }, prev, !gap);
      if (reason !== null) breaks.push({ shift, reason, seq: seal.seq });
    } else {
      breaks.push({ shift, reason: 'seal_mismatch' });
    }
    expected = (seal.seq ?? expected) + 1;
    prev = seal.sealHash;
    prevStart = shift.startsAt;
    walk.last = { seal, shift };
  }
  walk.lastSeq = expected - 1;
  return walk;
}

/**
 * The unit's keyed chain head against the walked seals: missing or forged (head_invalid), naming
 * seals that are gone (chain_truncated), or not the newest seal. Answers the breaks and the head.
 */
function checkHead(
  source: SealSource,
  key: Buffer,
  unit: string,
  seals: readonly LedgerSealRow[],
  walk: SealWalk,
): { breaks: Break[]; head?: ChainHead } {
  const { ledger } = source;
  const { last, lastSeq } = walk;
  const head = ledger.readHead(unit);
  if (!head) return { breaks: walk.sawKeyed && last ? [{ shift: last.shift, reason: 'head_invalid' }] : [] };
  const headShift: ShiftRef = {
    id: head.shiftId,
    orgUnitId: unit,
    date: head.shiftDate,
    code: head.shiftCode,
    startsAt: head.shiftStartsAt,
  };
  const { mac, ...facts } = head;
  if (!sameDigest(headMac(key, facts), mac))
    return { breaks: [{ shift: last?.shift ?? headShift, reason: 'head_invalid' }] };
  const breaks: Break[] = [];
  if (head.seq > lastSeq) {
    // The newest seals are gone: name the place of the first missing one.
    const place =
      head.seq === lastSeq + 1
        ? headShift
        : (ledger.missingShift(unit, last?.shift.startsAt ?? -Infinity, head.shiftStartsAt) ?? headShift);
    breaks.push({ shift: place, reason: 'chain_truncated', seq: lastSeq + 1 });
  } else {
    const match = seals.find((s) => s.seq === head.seq);
    if (!match || head.seq < lastSeq || !sameDigest(match.sealHash, head.sealHash) || match.id !== head.sealId) {
      breaks.push({ shift: last?.shift ?? headShift, reason: 'head_invalid', seq: head.seq });
    }
  }
  return {
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

interface UnitResult {
  sealed: number;
  breaks: Break[];
  head?: ChainHead;
}

/** Checks one unit: its seals in order, shifts marked sealed without a seal, a /1 chain left intact, its head. */
function verifyUnit(source: SealSource, key: Buffer, unit: string, keyed: boolean): UnitResult {
  const seals = source.ledger.unitSeals(unit, keyed, LEGACY_SEAL_SCHEME);
  const walk = walkSeals(source, key, unit, seals);
  const breaks = [...walk.breaks];
  for (const shift of source.ledger.sealedWithoutSeal(unit)) breaks.push({ shift, reason: 'seal_missing' });
  if (!keyed) return { sealed: seals.length, breaks };

  const [firstLegacy] = walk.legacySeals;
  // An intact /1 chain would have been re-sealed under the key at the upgrade.
  if (firstLegacy && !walk.legacyBroken && !source.ledger.upgradePending(unit)) {
    breaks.push({ shift: firstLegacy, reason: 'downgraded' });
  }
  const { breaks: headBreaks, head } = checkHead(source, key, unit, seals, walk);
  breaks.push(...headBreaks);
  return head ? { sealed: seals.length, breaks, head } : { sealed: seals.length, breaks };
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
export function verifyChain(source: SealSource, sealKey: Buffer, orgUnitId?: string): LedgerVerifyResult {
  const keyed = source.ledger.keyed();
  const units = orgUnitId !== undefined ? [orgUnitId] : source.ledger.units();
  const breaks: Break[] = [];
  const heads: ChainHead[] = [];
  let sealed = 0;
  for (const unit of units) {
    const result = verifyUnit(source, sealKey, unit, keyed);
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
