import { z } from 'zod';

/**
 * What an audit row says, as data: a template key and its parameters, rendered by the console in its
 * language. Codes stay codes here (order actions, states, urgency, category and
 * org unit ids, dates 'YYYY-MM-DD'); names main knows only from editable data (shift and post names)
 * are stored as {zh, en} as they were when the row was written. The row's `summary` text stays the
 * Chinese fallback (and what the text filter searches).
 */
export const AUDIT_DETAIL_KEYS = [
  'order.create',
  'order.act',
  'roster.assign',
  'roster.unassign',
  'roster.copyWeek',
  'roster.checkIn',
  'roster.checkOut',
  'user.create',
  'user.update',
  'auth.language',
  'duty.logEntry',
  'handover.start',
  'handover.cancel',
  'handover.sign',
  'handover.sealed',
  'handover.signAttempt',
  'sla.limit',
  'sla.calendar',
  'wall.lossAck',
  'auth.login',
  'auth.loginFailed',
  'auth.logout',
  'auth.changePassword',
  'user.disable',
  'user.enable',
  'user.resetPassword',
  'attachment.uploadStart',
  'attachment.upload',
  'order.alertAck',
  'contact.add',
  'contact.change',
  'contact.delete',
  'incident.notify',
  'incident.notifyConfirm',
  'apikey.issue',
  'apikey.revoke',
  'apikey.alreadyRevoked',
  'demo.streamStart',
  'demo.streamStop',
  'camera.create',
  'camera.update',
  'camera.enable',
  'camera.disable',
  'camera.delete',
  'camera.import',
  'camera.importCheck',
  'wall.viewCreate',
  'wall.viewUpdate',
  'wall.viewDelete',
  'wall.tourCreate',
  'wall.tourUpdate',
  'wall.tourDelete',
  'wall.windowAlarmOn',
  'wall.windowAlarmOff',
  'wall.alarmAck',
  'wall.push',
  'wall.alarm',
  'wall.lossAlarm',
  'duty.pattern',
  'duty.checklist',
  'incident.activate',
  'incident.drill',
  'incident.level',
  'incident.close',
  'incident.tick',
  'incident.untick',
  'incident.note',
  'incident.report',
  'incident.reportLate',
  'incident.linkOrder',
  'incident.planSave',
  'open311.create',
  'backup.run',
  'backup.verify',
  'backup.restore',
  'backup.restored',
  'backup.restoreFailed',
  'report.generate',
] as const;
export type AuditDetailKey = (typeof AUDIT_DETAIL_KEYS)[number];

const bilingual = z.object({ zh: z.string(), en: z.string() });
export const auditParamSchema = z.union([
  z.string(),
  z.number(),
  z.boolean(),
  z.null(),
  bilingual,
  z.array(z.string()),
]);
export type AuditParam = z.infer<typeof auditParamSchema>;

export const auditDetailSchema = z.object({
  /** A key this console may not know yet (a newer hub): it then shows the stored summary. */
  key: z.string(),
  params: z.record(z.string(), auditParamSchema),
});
export type AuditDetail = z.infer<typeof auditDetailSchema>;

/**
 * A stored detail as JSON text, or null when it does not parse (or holds a key this hub's console
 * does not know): the record's text then speaks for itself.
 */
export function parseAuditDetail(json: string | null): AuditDetail | null {
  if (json === null) return null;
  try {
    const parsed = auditDetailSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
