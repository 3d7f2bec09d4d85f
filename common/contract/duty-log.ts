import { z } from 'zod';
import type { Role } from '../domain/roles';
import { method } from './define';
import { attachmentInfoSchema } from './orders';
import { empty, epochMs, idSchema, orgUnitIdSchema } from './schemas';

/**
 * Kinds of duty-log entries: 值班记录 / 来电 / 上级指令 / 重要事项 / 设备故障 / 交办事项, and entries the
 * system logs by itself (an order turning red, a camera offline, incident mode switched).
 */
export const DUTY_LOG_KINDS = ['duty', 'call', 'instruction', 'important', 'equipment', 'assigned', 'system'] as const;
export type DutyLogKind = (typeof DUTY_LOG_KINDS)[number];

/** The kinds a person may write; 'system' entries come from the hub only. */
export const DUTY_LOG_AUTHOR_KINDS = ['duty', 'call', 'instruction', 'important', 'equipment', 'assigned'] as const;
export type DutyLogAuthorKind = (typeof DUTY_LOG_AUTHOR_KINDS)[number];

export const DUTY_LOG_KIND_NAMES: Record<DutyLogKind, { zh: string; en: string }> = {
  duty: { zh: '值班记录', en: 'Duty note' },
  call: { zh: '来电', en: 'Call' },
  instruction: { zh: '上级指令', en: 'Instruction' },
  important: { zh: '重要事项', en: 'Important' },
  equipment: { zh: '设备故障', en: 'Equipment fault' },
  assigned: { zh: '交办事项', en: 'Assigned task' },
  system: { zh: '系统记录', en: 'System' },
};

/** Longest entry text (a long 上级指令 read out over the phone fits comfortably). */
export const DUTY_LOG_TEXT_MAX = 4000;

export const dutyLogKindSchema = z.enum(DUTY_LOG_KINDS);

/** What an entry is about: orders, cameras, an incident. */
export const dutyLogLinksSchema = z
  .object({
    orderIds: z.array(idSchema).max(50).optional(),
    cameraIds: z.array(z.string().min(1).max(64)).max(50).optional(),
    incidentId: idSchema.optional(),
    /** Photos, recordings or clips (uploaded with attachments.begin/chunk/finish first). */
    attachmentIds: z.array(idSchema).max(20).optional(),
  })
  .strict();
export type DutyLogLinks = z.infer<typeof dutyLogLinksSchema>;

export const dutyShiftSchema = z.object({
  id: idSchema,
  orgUnitId: z.string(),
  /** Asia/Shanghai date the shift starts on. */
  date: z.string(),
  code: z.string(),
  startsAt: epochMs,
  endsAt: epochMs,
  status: z.enum(['open', 'handover', 'sealed']),
});
export type DutyShift = z.infer<typeof dutyShiftSchema>;

/**
 * An entry as people name it: its number in its shift (第3条), with the shift for an entry of another
 * shift (「更正 12-01 早班 第3条」). The global id stays internal.
 */
export const dutyEntryRefSchema = z.object({
  id: idSchema,
  seq: z.number().int(),
  shiftId: idSchema,
  shiftDate: z.string(),
  shiftCode: z.string(),
});
export type DutyEntryRef = z.infer<typeof dutyEntryRefSchema>;

export const dutyLogEntrySchema = z.object({
  id: idSchema,
  shiftId: idSchema,
  /** The entry's number in its shift: 1, 2, 3 … without gaps, given when it was written. */
  seq: z.number().int(),
  at: epochMs,
  authorId: idSchema.nullable(),
  authorName: z.string(),
  kind: dutyLogKindSchema,
  text: z.string(),
  /** The entry this one corrects. */
  correctsId: idSchema.nullable(),
  /** The entries (of this or later shifts) that correct this one, oldest first. */
  correctedBy: z.array(idSchema),
  /** The corrected entry by number and shift (null when this is no correction). */
  correctsRef: dutyEntryRefSchema.nullable(),
  /** The correcting entries by number and shift, as correctedBy. */
  correctedByRefs: z.array(dutyEntryRefSchema),
  links: dutyLogLinksSchema.nullable(),
  /** The files named in links.attachmentIds, in that order. */
  attachments: z.array(attachmentInfoSchema),
  /** The orders named in links.orderIds that exist, in that order. */
  orders: z.array(z.object({ id: idSchema, code: z.string(), title: z.string() })),
  /** The cameras named in links.cameraIds that exist, in that order. */
  cameras: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type DutyLogEntry = z.infer<typeof dutyLogEntrySchema>;

export const dutyLogSearchRowSchema = dutyLogEntrySchema.extend({
  orgUnitId: z.string(),
  shiftDate: z.string(),
  shiftCode: z.string(),
});
export type DutyLogSearchRow = z.infer<typeof dutyLogSearchRowSchema>;

/** duty.log.search returns at most this many rows (newest first); `truncated` says there were more. */
export const DUTY_LOG_SEARCH_MAX = 500;
/** duty.log.export writes at most this many rows. */
export const DUTY_LOG_EXPORT_MAX = 10_000;

export const dutyLogSearchSchema = z
  .object({
    /** Center users may name any org unit (default: all); station users see their own station only. */
    orgUnitId: orgUnitIdSchema.optional(),
    /** Entry time, inclusive. */
    from: epochMs.optional(),
    /** Entry time, exclusive. */
    to: epochMs.optional(),
    kind: dutyLogKindSchema.optional(),
    /** Chinese full-text terms, as in the order search (terms of two or more characters). */
    text: z.string().trim().max(200).optional(),
    limit: z.number().int().min(1).max(DUTY_LOG_SEARCH_MAX).optional(),
  })
  .strict();
export type DutyLogSearch = z.infer<typeof dutyLogSearchSchema>;

export const ledgerBreakReasonSchema = z.enum([
  'entries_changed',
  'chain_broken',
  'seal_mismatch',
  'seal_missing',
  'shift_reopened',
  /** A seal number of the unit is missing: a seal (and maybe its shift) was deleted. */
  'seal_gap',
  /** The unit's chain head names a newer seal than the newest one left: the tail was cut off. */
  'chain_truncated',
  /** The unit's chain head record is missing or does not carry a valid key signature. */
  'head_invalid',
  /** A keyed seal was rewritten in the unkeyed legacy scheme (or unkeyed seals where keyed ones belong). */
  'downgraded',
]);
export type LedgerBreakReason = z.infer<typeof ledgerBreakReasonSchema>;

/** The newest seal of a unit (seal number, first 16 hex of its hash), as printed on every handover report. */
export const chainHeadSchema = z.object({
  orgUnitId: z.string(),
  shiftId: idSchema,
  date: z.string(),
  code: z.string(),
  seq: z.number().int().positive(),
  sealHash: z.string(),
  /** The shift's name in its unit's pattern, where the answer has it. */
  shiftName: z.string().optional(),
});
export type ChainHead = z.infer<typeof chainHeadSchema>;

export const ledgerVerifySchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    sealed: z.number().int().nonnegative(),
    /** Each keyed unit's chain head, to compare with the newest printed report. */
    heads: z.array(chainHeadSchema).optional(),
  }),
  z.object({
    ok: z.literal(false),
    shiftId: idSchema,
    orgUnitId: z.string(),
    date: z.string(),
    code: z.string(),
    reason: ledgerBreakReasonSchema,
    message: z.object({ zh: z.string(), en: z.string() }),
    heads: z.array(chainHeadSchema).optional(),
  }),
]);
export type LedgerVerifyResult = z.infer<typeof ledgerVerifySchema>;

/** Everyone on a duty post writes into the log of their own org unit's current shift. */
export const DUTY_LOG_WRITERS: readonly Role[] = [
  'duty_chief',
  'station_chief',
  'video_monitor',
  'grid_officer',
  'hotline_officer',
  'coordinator',
];

export const dutyLogMethods = {
  'duty.log.current': method({
    input: empty,
    output: z.object({ shift: dutyShiftSchema, entries: z.array(dutyLogEntrySchema) }),
    access: DUTY_LOG_WRITERS,
    writes: false,
    summary: 'The current shift of the caller’s org unit and its log entries',
  }),
  'duty.log.append': method({
    input: z
      .object({
        kind: z.enum(DUTY_LOG_AUTHOR_KINDS),
        text: z.string().trim().min(1).max(DUTY_LOG_TEXT_MAX),
        correctsId: idSchema.optional(),
        links: dutyLogLinksSchema.optional(),
      })
      .strict(),
    output: dutyLogEntrySchema,
    access: DUTY_LOG_WRITERS,
    writes: true,
    summary: 'Write an entry (or a correction of one) into the current shift’s duty log',
  }),
  'duty.log.search': method({
    input: dutyLogSearchSchema,
    output: z.object({ rows: z.array(dutyLogSearchRowSchema), truncated: z.boolean() }),
    access: [...DUTY_LOG_WRITERS, 'admin'],
    writes: false,
    summary: 'Search duty-log entries by org unit, time, kind and text',
  }),
  'duty.log.export': method({
    input: dutyLogSearchSchema.omit({ limit: true }),
    output: z.object({
      fileName: z.string(),
      mime: z.string(),
      dataBase64: z.string(),
      rows: z.number().int(),
      truncated: z.boolean(),
    }),
    access: [...DUTY_LOG_WRITERS, 'admin'],
    writes: false,
    summary: `Duty-log entries matching a search as XLSX (at most ${DUTY_LOG_EXPORT_MAX} rows, newest first)`,
  }),
  'duty.ledger.verify': method({
    input: empty,
    output: ledgerVerifySchema,
    access: ['duty_chief', 'admin'],
    writes: false,
    summary: 'Check the hash chain of the sealed shifts',
  }),
} as const;
