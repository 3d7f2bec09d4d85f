import { auditDetailSchema } from './audit-detail';
import { z } from 'zod';
import { INCIDENT_LEVELS, INCIDENT_TYPES, PLAN_LIMITS, REPORT_KINDS, TIMELINE_KINDS } from '../domain/incidents';
import type { Role } from '../domain/roles';
import { method } from './define';
import { orderStateSchema } from './orders';
import { empty, epochMs, idSchema, orgUnitIdSchema } from './schemas';

export const incidentTypeSchema = z.enum(INCIDENT_TYPES);
export const incidentLevelSchema = z.enum(INCIDENT_LEVELS);
export const reportKindSchema = z.enum(REPORT_KINDS);
export const timelineKindSchema = z.enum(TIMELINE_KINDS);
export const reportStatusSchema = z.enum(['on_time', 'late', 'superseded', 'pending', 'soon', 'missed']);

/** Who switches the room: activate, change the level, close. */
export const INCIDENT_COMMANDERS: readonly Role[] = ['coordinator', 'duty_chief'];
/** Who works an incident: checklist, notes, reports, linked orders (a station chief: their station's). */
export const INCIDENT_ACTORS: readonly Role[] = ['coordinator', 'duty_chief', 'station_chief'];
/** Who opens the incident workspace (the video monitor follows it on the wall). */
export const INCIDENT_READERS: readonly Role[] = ['coordinator', 'duty_chief', 'station_chief', 'video_monitor'];

export const INCIDENT_TEXT_MAX = 4000;
/** Most affected org units one incident names (36 workstations + grids + stations fit). */
export const INCIDENT_AREAS_MAX = 60;

const text = (max: number) => z.string().trim().min(1).max(max);

export const incidentAreaSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(['center', 'station', 'grid', 'workstation']),
});

/** A report deadline (初报 / 书面报告 / 续报) and where it stands. */
export const incidentReportSchema = z.object({
  id: idSchema,
  kind: reportKindSchema,
  /** The level whose plan set it. */
  level: incidentLevelSchema,
  dueAt: epochMs,
  status: reportStatusSchema,
  recordedAt: epochMs.nullable(),
  recordedByName: z.string().nullable(),
  text: z.string().nullable(),
  attachmentIds: z.array(idSchema),
  supersededAt: epochMs.nullable(),
});
export type IncidentReport = z.infer<typeof incidentReportSchema>;

/** What the banner shows of an incident: type, level colour, elapsed time, the next deadlines. */
export const incidentSummarySchema = z.object({
  id: idSchema,
  type: incidentTypeSchema,
  name: z.string(),
  level: incidentLevelSchema,
  drill: z.boolean(),
  situation: z.string(),
  areas: z.array(incidentAreaSchema),
  commanderName: z.string(),
  startedAt: epochMs,
  startedByName: z.string(),
  levelChangedAt: epochMs,
  closedAt: epochMs.nullable(),
  /** Open reports (not recorded, not superseded), earliest deadline first; missed ones included. */
  nextReports: z.array(incidentReportSchema),
});
export type IncidentSummary = z.infer<typeof incidentSummarySchema>;

export const incidentChecklistItemSchema = z.object({
  id: idSchema,
  key: z.string(),
  text: z.string(),
  level: incidentLevelSchema,
  addedAt: epochMs,
  done: z.boolean(),
  doneAt: epochMs.nullable(),
  doneByName: z.string().nullable(),
});
export type IncidentChecklistItem = z.infer<typeof incidentChecklistItemSchema>;

export const timelineRefSchema = z
  .object({
    orderId: idSchema.optional(),
    reportId: idSchema.optional(),
    itemId: idSchema.optional(),
    notificationId: idSchema.optional(),
    contactId: idSchema.optional(),
    level: incidentLevelSchema.optional(),
    fromLevel: incidentLevelSchema.optional(),
  })
  .strict();
export type TimelineRef = z.infer<typeof timelineRefSchema>;

export const timelineEntrySchema = z.object({
  id: idSchema,
  at: epochMs,
  kind: timelineKindSchema,
  text: z.string(),
  byUserId: idSchema.nullable(),
  byName: z.string(),
  ref: timelineRefSchema.nullable(),
  /** The entry as template key + parameters (renderer words it in the console's language); null: show text. */
  detail: auditDetailSchema.nullable(),
});
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;

export const linkedOrderSchema = z.object({
  id: idSchema,
  code: z.string(),
  title: z.string(),
  state: orderStateSchema,
  urgency: z.string(),
  createdAt: epochMs,
  closedAt: epochMs.nullable(),
  /** Creation to closing (or to now while open). */
  durationMs: z.number().int().nonnegative(),
  linkedAt: epochMs,
  linkedByName: z.string(),
  /** Linked by orders.create while the incident was active (rather than by hand). */
  auto: z.boolean(),
});
export type LinkedOrder = z.infer<typeof linkedOrderSchema>;

/**
 * A notification (who was told, by whom, how, when, confirmed when). Kept by the contacts part
 * (incidents.notify); incidents.get shows them through a port (main/services/incidents/ports.ts).
 */
export const incidentNotificationSchema = z.object({
  id: idSchema,
  contactId: idSchema,
  contactName: z.string(),
  contactPhone: z.string().nullable(),
  channel: z.enum(['phone', 'sms', 'in_person', 'console']),
  note: z.string(),
  at: epochMs,
  byUserId: idSchema.nullable(),
  byName: z.string(),
  confirmedAt: epochMs.nullable(),
  confirmedByName: z.string().nullable(),
});
export type IncidentNotification = z.infer<typeof incidentNotificationSchema>;

export const reportRuleSchema = z
  .object({
    initialMinutes: z.number().int().min(1).max(PLAN_LIMITS.minutesMax),
    writtenMinutes: z.number().int().min(1).max(PLAN_LIMITS.minutesMax),
    /** 0 = no 续报 at this level. */
    updateEveryMinutes: z.number().int().min(0).max(PLAN_LIMITS.minutesMax),
  })
  .strict();

export const planLevelSchema = z
  .object({
    checklist: z
      .array(
        z
          .object({
            key: z
              .string()
              .trim()
              .min(1)
              .max(PLAN_LIMITS.keyMax)
              .regex(/^[A-Za-z0-9_.-]+$/, 'letters, digits, _ . - only'),
            text: text(PLAN_LIMITS.textMax),
          })
          .strict(),
      )
      .max(PLAN_LIMITS.checklistMax),
    notify: z.array(z.object({ contactId: idSchema }).strict()).max(PLAN_LIMITS.notifyMax),
    reports: reportRuleSchema,
    presetViewId: idSchema.nullable(),
  })
  .strict();

export const planLevelsSchema = z
  .object({ IV: planLevelSchema, III: planLevelSchema, II: planLevelSchema, I: planLevelSchema })
  .strict();

export const planTypeSchema = z.enum([...INCIDENT_TYPES, 'generic']);

export const planSchema = z.object({
  id: idSchema,
  type: planTypeSchema,
  name: z.string(),
  levels: planLevelsSchema,
  updatedAt: epochMs,
  updatedByName: z.string().nullable(),
});
export type PlanDto = z.infer<typeof planSchema>;

export const incidentDetailSchema = z.object({
  incident: incidentSummarySchema.extend({
    commanderUserId: idSchema.nullable(),
    closedByName: z.string().nullable(),
    summary: z.string().nullable(),
    planId: idSchema.nullable(),
    planName: z.string().nullable(),
  }),
  checklist: z.array(incidentChecklistItemSchema),
  /** Every report deadline, history included (superseded, recorded, missed), by deadline. */
  reports: z.array(incidentReportSchema),
  /** Oldest first. */
  timeline: z.array(timelineEntrySchema),
  /** Linked orders the caller may see, newest link first. */
  orders: z.array(linkedOrderSchema),
  notifications: z.array(incidentNotificationSchema),
  /** The plan's current level (who to notify, preset view), or null without a plan. */
  planLevel: planLevelSchema.nullable(),
});
export type IncidentDetail = z.infer<typeof incidentDetailSchema>;

export const INCIDENT_LIST_MAX = 200;

const idInput = z.object({ id: idSchema }).strict();

export const incidentMethods = {
  'incidents.current': method({
    input: empty,
    output: z.object({ incidents: z.array(incidentSummarySchema) }),
    access: 'authenticated',
    writes: false,
    summary: 'The active incidents (the real one first, then drills) for the banner on every console',
  }),
  'incidents.get': method({
    input: idInput,
    output: incidentDetailSchema,
    access: INCIDENT_READERS,
    writes: false,
    summary: 'One incident: checklist, report deadlines, timeline, linked orders, notifications',
  }),
  'incidents.list': method({
    input: z
      .object({
        state: z.enum(['active', 'closed']).optional(),
        type: incidentTypeSchema.optional(),
        drill: z.boolean().optional(),
        /** Start time, inclusive. */
        from: epochMs.optional(),
        /** Start time, exclusive. */
        to: epochMs.optional(),
        limit: z.number().int().min(1).max(INCIDENT_LIST_MAX).default(100),
      })
      .strict(),
    output: z.object({ rows: z.array(incidentSummarySchema), truncated: z.boolean() }),
    access: INCIDENT_READERS,
    writes: false,
    summary: 'Incidents, active and closed, newest first',
  }),
  'incidents.activate': method({
    input: z
      .object({
        type: incidentTypeSchema,
        level: incidentLevelSchema,
        drill: z.boolean().default(false),
        /** Workstations or grids (or a station, or the center for the whole town), picked on the org tree. */
        areaIds: z.array(orgUnitIdSchema).min(1).max(INCIDENT_AREAS_MAX),
        commanderName: text(40),
        commanderUserId: idSchema.nullable().default(null),
        situation: text(INCIDENT_TEXT_MAX),
        /** Defaults to the type's name (e.g. 防台防汛). */
        name: z.string().trim().max(60).optional(),
      })
      .strict(),
    output: incidentDetailSchema,
    access: INCIDENT_COMMANDERS,
    writes: true,
    summary: 'Switch the center to incident mode (a drill runs beside a real incident)',
  }),
  'incidents.setLevel': method({
    input: z.object({ id: idSchema, level: incidentLevelSchema, reason: text(INCIDENT_TEXT_MAX) }).strict(),
    output: incidentDetailSchema,
    access: INCIDENT_COMMANDERS,
    writes: true,
    summary: 'Escalate or de-escalate: the plan of the new level is applied (history kept)',
  }),
  'incidents.close': method({
    input: z.object({ id: idSchema, summary: text(INCIDENT_TEXT_MAX) }).strict(),
    output: incidentDetailSchema,
    access: INCIDENT_COMMANDERS,
    writes: true,
    summary: 'End the incident with a summary; the room returns to normal',
  }),
  'incidents.checklist.tick': method({
    input: z.object({ id: idSchema, itemId: idSchema, done: z.boolean() }).strict(),
    output: incidentDetailSchema,
    access: INCIDENT_ACTORS,
    writes: true,
    summary: 'Tick (or untick) a checklist action of the incident',
  }),
  'incidents.note': method({
    input: z.object({ id: idSchema, text: text(INCIDENT_TEXT_MAX) }).strict(),
    output: incidentDetailSchema,
    access: INCIDENT_ACTORS,
    writes: true,
    summary: 'Write a free note into the incident timeline',
  }),
  'incidents.report.record': method({
    input: z
      .object({
        id: idSchema,
        reportId: idSchema,
        text: text(INCIDENT_TEXT_MAX),
        /** Photos, documents, recordings (uploaded with attachments.begin/chunk/finish first). */
        attachmentIds: z.array(idSchema).max(20).default([]),
      })
      .strict(),
    output: incidentDetailSchema,
    access: INCIDENT_ACTORS,
    writes: true,
    summary: 'Record a due report (初报 / 书面报告 / 续报): its timer stops; the next update is scheduled',
  }),
  'incidents.orders.link': method({
    input: z.object({ id: idSchema, orderId: idSchema }).strict(),
    output: incidentDetailSchema,
    access: INCIDENT_ACTORS,
    writes: true,
    summary: 'Link an existing order to the incident (an order belongs to one incident at most)',
  }),
  'incidents.plans.list': method({
    input: empty,
    output: z.object({ plans: z.array(planSchema) }),
    access: [...INCIDENT_READERS, 'admin'],
    writes: false,
    summary: 'The incident plans (预案): per type and level the checklist, whom to notify, report deadlines',
  }),
  'incidents.plans.save': method({
    input: z
      .object({
        type: planTypeSchema,
        name: text(60),
        levels: planLevelsSchema,
      })
      .strict(),
    output: planSchema,
    access: ['admin'],
    writes: true,
    summary: 'Create or replace the plan of an incident type (administrators)',
  }),
} as const;
