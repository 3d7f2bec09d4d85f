import { z } from 'zod';
import { MAX_COPY_WEEKS } from '../domain/duty/shift-calendar';
import { method } from './define';
import { empty, epochMs, idSchema, orgUnitIdSchema, roleSchema } from './schemas';

const dateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const codeSchema = z.string().min(1).max(32);

export const shiftTemplateSchema = z.object({
  code: codeSchema,
  name: z.string().trim().max(20),
  nameEn: z.string().trim().max(40),
  /** 'HH:mm' Asia/Shanghai; checked by validatePattern. */
  start: z.string().max(5),
  end: z.string().max(5),
  kind: z.enum(['duty', 'standby']),
});
export type ShiftTemplateDto = z.infer<typeof shiftTemplateSchema>;

export const dutyPostSchema = z.object({
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  seats: z.number().int(),
});

export const dutyPatternSchema = z.object({
  orgUnitId: z.string(),
  orgKind: z.enum(['center', 'station']),
  /** True when the unit has no saved pattern and runs the default of its kind. */
  isDefault: z.boolean(),
  shifts: z.array(shiftTemplateSchema),
  posts: z.array(dutyPostSchema),
});
export type DutyPatternDto = z.infer<typeof dutyPatternSchema>;

/** One person on one post in one shift, with their check-in state. */
export const rosterEntrySchema = z.object({
  id: idSchema,
  orgUnitId: z.string(),
  date: z.string(),
  shiftCode: z.string(),
  postCode: z.string(),
  userId: idSchema,
  userName: z.string(),
  checkedInAt: epochMs.nullable(),
  checkedOutAt: epochMs.nullable(),
  /** When the person was put on this post: someone added to a running shift is late only from then (checkInDueAt). */
  rosteredAt: epochMs,
});
export type RosterEntry = z.infer<typeof rosterEntrySchema>;

/** A concrete shift (date = the Shanghai date it starts on). */
export const shiftInstanceSchema = z.object({
  date: z.string(),
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  kind: z.enum(['duty', 'standby']),
  startsAt: epochMs,
  endsAt: epochMs,
});
export type DutyShiftDto = z.infer<typeof shiftInstanceSchema>;

export const rosterShiftSchema = shiftInstanceSchema.extend({ assignments: z.array(rosterEntrySchema) });
export type RosterShiftDto = z.infer<typeof rosterShiftSchema>;

const rosterDaySchema = z.object({
  date: z.string(),
  /** 1 = Monday … 7 = Sunday. */
  weekday: z.number().int(),
  shifts: z.array(rosterShiftSchema),
});

export const rosterWeekSchema = z.object({
  orgUnitId: z.string(),
  monday: z.string(),
  days: z.array(rosterDaySchema),
});
export type RosterWeek = z.infer<typeof rosterWeekSchema>;

export const rosterMonthSchema = z.object({
  orgUnitId: z.string(),
  year: z.number().int(),
  month: z.number().int(),
  weeks: z.array(z.array(rosterDaySchema.extend({ inMonth: z.boolean() }))),
});
export type RosterMonth = z.infer<typeof rosterMonthSchema>;

/** Who is on duty now: for the status bar. `shift` null = no shift now (none in the pattern covers now). */
export const onDutySchema = z.object({
  orgUnitId: z.string(),
  shift: shiftInstanceSchema.nullable(),
  /** The shift's 平台值班长 (center) / 值班长 (station), if rostered. */
  chief: rosterEntrySchema.nullable(),
  /** Every post of the unit in catalog order; `people` empty = nobody rostered. */
  posts: z.array(dutyPostSchema.extend({ people: z.array(rosterEntrySchema) })),
  /**
   * The caller's own assignments that `duty.checkIn` / `duty.checkOut` would act on now (null: the
   * call would be refused). They may differ from `shift`: check-in opens 30 minutes before a shift and
   * check-out stays open 2 hours after it, so the status bar offers exactly what the hub accepts.
   */
  mine: z.object({
    checkIn: z.object({ entry: rosterEntrySchema, shift: shiftInstanceSchema }).nullable(),
    checkOut: z.object({ entry: rosterEntrySchema, shift: shiftInstanceSchema }).nullable(),
  }),
});
export type OnDuty = z.infer<typeof onDutySchema>;

export const dutyCheckinSchema = z.object({
  id: idSchema,
  userId: idSchema,
  orgUnitId: z.string(),
  date: z.string(),
  shiftCode: z.string(),
  postCode: z.string(),
  checkedInAt: epochMs,
  checkedOutAt: epochMs.nullable(),
});
export type DutyCheckin = z.infer<typeof dutyCheckinSchema>;

/** A person a roster editor can put on a post: an enabled user of the unit. */
export const rosterPersonSchema = z.object({
  id: idSchema,
  displayName: z.string(),
  roles: z.array(roleSchema),
});
export type RosterPerson = z.infer<typeof rosterPersonSchema>;

/** Who edits rosters: duty chiefs the center's, station chiefs their own station's (checked by main). */
export const ROSTER_EDITORS = ['duty_chief', 'station_chief'] as const;

export const dutyRosterMethods = {
  'duty.pattern.get': method({
    input: z.object({ orgUnitId: orgUnitIdSchema }).strict(),
    output: dutyPatternSchema,
    access: 'authenticated',
    writes: false,
    summary: "An org unit's shift pattern (班次模板) and posts",
  }),
  'duty.pattern.set': method({
    input: z.object({ orgUnitId: orgUnitIdSchema, shifts: z.array(shiftTemplateSchema).max(24) }).strict(),
    output: dutyPatternSchema,
    access: ['admin', ...ROSTER_EDITORS],
    writes: true,
    summary: "Change an org unit's shift pattern",
  }),
  'duty.roster.week': method({
    input: z.object({ orgUnitId: orgUnitIdSchema, date: dateSchema }).strict(),
    output: rosterWeekSchema,
    access: 'authenticated',
    writes: false,
    summary: 'The roster of the Monday–Sunday week containing a date',
  }),
  'duty.roster.month': method({
    input: z
      .object({
        orgUnitId: orgUnitIdSchema,
        year: z.number().int().min(1970).max(9999),
        month: z.number().int().min(1).max(12),
      })
      .strict(),
    output: rosterMonthSchema,
    access: 'authenticated',
    writes: false,
    summary: 'The roster of a month (whole weeks)',
  }),
  'duty.roster.assign': method({
    input: z
      .object({
        orgUnitId: orgUnitIdSchema,
        date: dateSchema,
        shiftCode: codeSchema,
        postCode: codeSchema,
        userId: idSchema,
      })
      .strict(),
    output: rosterEntrySchema,
    access: ROSTER_EDITORS,
    writes: true,
    summary: 'Put a person on a post in a shift (排班)',
  }),
  'duty.roster.people': method({
    input: z.object({ orgUnitId: orgUnitIdSchema }).strict(),
    output: z.array(rosterPersonSchema),
    access: ROSTER_EDITORS,
    writes: false,
    summary: 'The enabled users of an org unit that its roster editor can put on posts',
  }),
  'duty.roster.unassign': method({
    input: z.object({ id: idSchema }).strict(),
    output: z.null(),
    access: ROSTER_EDITORS,
    writes: true,
    summary: 'Take a person off a post in a shift',
  }),
  'duty.roster.copyWeek': method({
    input: z
      .object({
        orgUnitId: orgUnitIdSchema,
        fromMonday: dateSchema,
        weeks: z.number().int().min(1).max(MAX_COPY_WEEKS).default(1),
      })
      .strict(),
    output: z.object({ created: z.number().int() }),
    access: ROSTER_EDITORS,
    writes: true,
    summary: 'Copy a week of the roster forward (all or nothing)',
  }),
  'duty.onDuty': method({
    input: empty,
    output: onDutySchema,
    access: 'authenticated',
    writes: false,
    summary: "The current shift of the caller's org unit, its chief, who is on which post, and the caller's check-in",
  }),
  'duty.checkIn': method({
    input: empty,
    output: dutyCheckinSchema,
    access: 'authenticated',
    writes: true,
    summary: 'Check in for the rostered shift (签到)',
  }),
  'duty.checkOut': method({
    input: empty,
    output: dutyCheckinSchema,
    access: 'authenticated',
    writes: true,
    summary: 'Check out of the shift (签退)',
  }),
} as const;
