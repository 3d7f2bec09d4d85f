import { z } from 'zod';
import { CONTACT_KINDS, NOTIFY_CHANNELS, PHONE_MAX } from '../domain/contacts';
import type { Role } from '../domain/roles';
import { method } from './define';
import { incidentLevelSchema, incidentNotificationSchema, incidentTypeSchema } from './incidents';
import { epochMs, idSchema, orgUnitIdSchema } from './schemas';

/** Only administrators change the 通讯录; everyone signed in reads it (a phone book is shared). */
export const CONTACT_ADMINS = ['admin'] as const satisfies readonly Role[];

export const contactKindSchema = z.enum(CONTACT_KINDS);

/** A contact as the console shows it, with the names of what it points at. */
export const contactSchema = z.object({
  id: idSchema,
  kind: contactKindSchema,
  name: z.string(),
  /** A person's department row. */
  parentId: idSchema.nullable(),
  parentName: z.string().nullable(),
  title: z.string().nullable(),
  orgUnitId: z.string().nullable(),
  orgUnitName: z.string().nullable(),
  phone: z.string().nullable(),
  mobile: z.string().nullable(),
  note: z.string().nullable(),
  /** The console user this person is; they can be notified in the console. */
  userId: idSchema.nullable(),
  userName: z.string().nullable(),
  /** Linked to an enabled console user: the 平台消息 channel reaches them. */
  consoleReachable: z.boolean(),
  /** Came from the organisation data (units, departments, console users) rather than typed in. */
  seeded: z.boolean(),
  updatedAt: epochMs,
});
export type Contact = z.infer<typeof contactSchema>;

/** Blank and absent mean "none"; the service stores null for both. */
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

export const contactSaveSchema = z.object({
  /** Absent: a new contact. */
  id: idSchema.optional(),
  kind: contactKindSchema,
  name: z.string().trim().min(1).max(60),
  parentId: idSchema.nullable().optional(),
  title: optionalText(40),
  orgUnitId: orgUnitIdSchema.nullable().optional(),
  /** Checked by the service (common/domain/contacts isPhoneNumber), which names the field in both languages. */
  phone: optionalText(PHONE_MAX),
  mobile: optionalText(PHONE_MAX),
  note: optionalText(500),
  userId: idSchema.nullable().optional(),
});
export type ContactSave = z.output<typeof contactSaveSchema>;

/** At most this many rows per search; the list says when there were more. */
export const CONTACT_SEARCH_LIMIT = 500;

export const contactSearchSchema = z.object({
  /** Terms, all required, each in the name, title, department, org unit, note or a number. */
  text: z.string().trim().max(100).optional(),
  /** The contacts of this unit and of the units directly below it (a grid's workstations). */
  orgUnitId: orgUnitIdSchema.optional(),
  kind: contactKindSchema.optional(),
});

export const contactMethods = {
  'contacts.search': method({
    input: contactSearchSchema,
    output: z.object({ rows: z.array(contactSchema), total: z.number().int().nonnegative() }),
    access: 'authenticated',
    writes: false,
    summary: '通讯录: departments and people by name, number, department or unit',
  }),
  'contacts.save': method({
    input: contactSaveSchema,
    output: contactSchema,
    access: CONTACT_ADMINS,
    writes: true,
    summary: 'Adds or changes a 通讯录 entry',
  }),
  'contacts.delete': method({
    input: z.object({ id: idSchema }),
    output: z.null(),
    access: CONTACT_ADMINS,
    writes: true,
    summary: 'Removes a 通讯录 entry (notifications keep its name)',
  }),
} as const;

/** Who tells people about an incident (and records a reply heard by phone or in person). */
export const NOTIFIERS = ['coordinator', 'duty_chief', 'station_chief'] as const satisfies readonly Role[];

export const notifyChannelSchema = z.enum(NOTIFY_CHANNELS);

/** What a notified console user is shown (the event, and the list after a reload). */
export const incidentNoticeSchema = z.object({
  notificationId: idSchema,
  incidentId: idSchema,
  incidentName: z.string(),
  incidentType: incidentTypeSchema,
  level: incidentLevelSchema,
  drill: z.boolean(),
  byName: z.string(),
  note: z.string(),
  at: epochMs,
});
export type IncidentNotice = z.infer<typeof incidentNoticeSchema>;

export const notifyMethods = {
  'incidents.notify': method({
    input: z
      .object({
        id: idSchema,
        contactId: idSchema,
        channel: notifyChannelSchema,
        note: z.string().trim().max(500).optional(),
      })
      .strict(),
    output: incidentNotificationSchema,
    access: NOTIFIERS,
    writes: true,
    summary: 'Records that a contact was told about an incident (by phone, SMS, in person, or in the console)',
  }),
  'incidents.notify.confirm': method({
    input: z.object({ notificationId: idSchema, note: z.string().trim().max(500).optional() }).strict(),
    output: incidentNotificationSchema,
    access: 'authenticated',
    writes: true,
    summary:
      'Confirms a notification: a console one by the notified user only; a phone/SMS/in-person reply recorded by a notifier',
  }),
  'incidents.notify.pending': method({
    input: z.object({}).strict(),
    output: z.array(incidentNoticeSchema),
    access: 'authenticated',
    writes: false,
    summary: 'The caller’s console notifications still to confirm (of incidents not yet closed)',
  }),
} as const;
