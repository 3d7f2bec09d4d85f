import { z } from 'zod';
import { event } from './define';
import { clockWarningSchema } from './clock';
import { incidentNoticeSchema } from './contacts';
import { diskWarningSchema } from './disk';
import { streamStateSchema } from './media';
import { idSchema } from './schemas';
import { wallAlarmSchema, wallPushedSchema } from './wall';
import { lossAckSchema } from './wall-loss';

/** Server → UI events. Each is delivered to every connected window whose session is in its audience. */
export const events = {
  'users.changed': event({
    payload: z.object({ userId: idSchema }),
    summary: 'A user was created or changed (admins refresh their lists)',
  }),
  'audit.appended': event({
    payload: z.object({ id: idSchema }),
    summary: 'A new audit row exists',
  }),
  'orders.changed': event({
    payload: z.object({ id: idSchema, code: z.string(), state: z.string() }),
    summary: 'An order was created or took a step (lists and open drawers refresh)',
  }),
  'orders.alert': event({
    payload: z.object({
      id: idSchema,
      orderId: idSchema,
      orderCode: z.string(),
      orderTitle: z.string(),
      kind: z.enum(['yellow', 'red', 'critical']),
      at: z.number().int(),
    }),
    summary: 'An order turned yellow or red, or a new 特急 order: desktop notification + sound until acknowledged',
  }),
  'orders.alertAcked': event({
    payload: z.object({ id: idSchema }),
    summary: 'The signed-in user acknowledged an alert: their other windows drop it too',
  }),
  'duty.changed': event({
    payload: z.object({
      orgUnitId: z.string(),
      what: z.enum(['log', 'roster', 'pattern', 'checkin', 'handover', 'checklist']),
      shiftId: idSchema.optional(),
    }),
    summary: 'The duty ledger of an org unit changed (log, roster, check-ins, handover): views refetch',
  }),
  'duty.missingCheckIn': event({
    payload: z.object({
      orgUnitId: z.string(),
      date: z.string(),
      shiftCode: z.string(),
      postCode: z.string(),
      userId: idSchema,
      userName: z.string(),
      startsAt: z.number().int(),
    }),
    summary: 'A rostered person has not checked in 10 minutes after their shift began (to the shift chief)',
  }),
  'cameras.changed': event({
    payload: z.object({ ids: z.array(z.string()) }),
    summary: 'Cameras were changed, or went on- or offline (trees and walls refresh their state)',
  }),
  'media.state': event({
    payload: streamStateSchema,
    summary: 'A gateway camera stream changed state (connecting / live / offline + reason): to its viewers',
  }),
  'session.ended': event({
    payload: z.object({ reason: z.enum(['logout', 'disabled', 'password_changed', 'expired', 'restored']) }),
    summary: 'This session is over; the UI returns to the sign-in screen',
  }),
  'wall.pushed': event({
    payload: wallPushedSchema,
    summary: 'A console pushed a camera, view or tour to a wall window (to that window’s connection only)',
  }),
  'wall.alarm': event({
    payload: wallAlarmSchema,
    summary: 'A 特急 order or an incident pushed its cameras to an alarm window (to that window’s connection only)',
  }),
  'wall.changed': event({
    payload: z.object({ what: z.enum(['views', 'tours', 'windows']) }),
    summary: 'Saved views, tours or the wall windows changed: lists refetch',
  }),
  'incidents.changed': event({
    payload: z.object({
      id: idSchema,
      what: z.enum(['activated', 'level', 'closed', 'checklist', 'timeline', 'report', 'notification', 'orders']),
    }),
    summary: 'An incident was activated, changed level, closed or got a timeline entry: banners and views refetch',
  }),
  'incidents.reportDue': event({
    payload: z.object({ incidentId: idSchema, reportId: idSchema, kind: z.enum(['soon', 'due', 'missed']) }),
    summary: 'A report deadline is 5 minutes away (soon), reached now (due), or found passed (missed): alert + sound',
  }),
  'contacts.changed': event({
    payload: z.object({ ids: z.array(idSchema) }),
    summary: '通讯录 entries were added, changed or deleted: lists refetch',
  }),
  'incidents.notified': event({
    payload: incidentNoticeSchema,
    summary: 'The user was notified of an incident in the console: a card with 确认收到 (to that user only)',
  }),
  'wall.lossAcked': event({
    payload: lossAckSchema,
    summary: "A camera's video-loss alarm was acknowledged: every console and wall window showing it clears it",
  }),
  'system.clockWarning': event({
    payload: clockWarningSchema,
    summary: "The hub's clock jumped, or a console's clock is more than 30 s off the hub's (to administrators)",
  }),
  'system.diskWarning': event({
    payload: diskWarningSchema,
    summary: "A disk of the hub's data or backups folder is low on free space, or back to normal (to administrators)",
  }),
} as const;

export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]['payload']>;
