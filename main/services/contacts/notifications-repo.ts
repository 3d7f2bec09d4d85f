import type { IncidentNotice } from '../../../common/contract';
import type { NotifyChannel } from '../../../common/domain/contacts';
import { SqlRepo } from '../../db/statements';

/** An incident_notifications row as the notifications service works with it. */
export interface NotificationRow {
  id: number;
  incidentId: number;
  contactId: number;
  contactName: string;
  contactTitle: string | null;
  contactPhone: string | null;
  userId: number | null;
  byUserId: number;
  byName: string;
  channel: NotifyChannel;
  note: string | null;
  at: number;
  confirmedAt: number | null;
  confirmedByName: string | null;
}

/** What a notification writes when it is made (confirmation comes later). */
export type NewNotification = Omit<NotificationRow, 'id' | 'confirmedAt' | 'confirmedByName'>;

/** A console notification still to confirm, before its incident's words are added. */
export type PendingNotice = Pick<IncidentNotice, 'notificationId' | 'incidentId' | 'byName' | 'note' | 'at'>;

const COLUMNS = `id, incident_id AS incidentId, contact_id AS contactId, contact_name AS contactName,
  contact_title AS contactTitle, contact_phone AS contactPhone, user_id AS userId, by_user_id AS byUserId,
  by_name AS byName, channel, note, at, confirmed_at AS confirmedAt, confirmed_by_name AS confirmedByName`;

/** SQL of who was told about an incident (incident_notifications); writes run in the caller's transaction. */
export class NotificationsRepo extends SqlRepo {
  forIncident(incidentId: number): NotificationRow[] {
    return this.sql(`SELECT ${COLUMNS} FROM incident_notifications WHERE incident_id = ? ORDER BY at, id`).all(
      incidentId,
    ) as NotificationRow[];
  }

  byId(id: number): NotificationRow | undefined {
    return this.sql(`SELECT ${COLUMNS} FROM incident_notifications WHERE id = ?`).get(id) as
      NotificationRow | undefined;
  }

  /** Inserts a notification; answers its id. */
  insert(n: NewNotification): number {
    const info = this.sql(
      `INSERT INTO incident_notifications (incident_id, contact_id, contact_name, contact_title, contact_phone,
         user_id, by_user_id, by_name, channel, note, at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      n.incidentId,
      n.contactId,
      n.contactName,
      n.contactTitle,
      n.contactPhone,
      n.userId,
      n.byUserId,
      n.byName,
      n.channel,
      n.note,
      n.at,
    );
    return Number(info.lastInsertRowid);
  }

  confirm(id: number, by: { id: number; name: string }, note: string | null, at: number): void {
    this.sql(
      `UPDATE incident_notifications SET confirmed_at = ?, confirmed_by_user_id = ?, confirmed_by_name = ?,
         confirm_note = ? WHERE id = ?`,
    ).run(at, by.id, by.name, note, id);
  }

  /** The user's console notifications not yet confirmed, newest first. */
  unconfirmedFor(userId: number): PendingNotice[] {
    return this.sql(
      `SELECT id AS notificationId, incident_id AS incidentId, by_name AS byName, coalesce(note, '') AS note, at
       FROM incident_notifications WHERE user_id = ? AND confirmed_at IS NULL ORDER BY at DESC, id DESC`,
    ).all(userId) as PendingNotice[];
  }
}
