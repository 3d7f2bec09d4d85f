import { confirmedWords, notifiedWords } from '../incidents/timeline-words';
import { apiError, type IncidentNotice, type IncidentNotification } from '../../../common/contract';
import type { NotifyChannel } from '../../../common/domain/contacts';
import type { Clock } from '../../clock';
import type { Db } from '../../db/connection';
import type { IncidentRecord } from '../incidents/incident-read';
import type { IncidentsService } from '../incidents/incidents-service';
import { IncidentTimelineRepo } from '../incidents/timeline-repo';
import type { Viewer } from '../org/viewer';
import type { ContactsService } from './contacts-service';
import { NotificationsRepo, type NotificationRow } from './notifications-repo';

/** The caller: who they are and what the scoping rules see of them. */
export interface NotifyActor {
  id: number;
  name: string;
  viewer: Viewer;
  /** Holds a role that may notify (coordinator, duty chief, station chief). */
  notifier: boolean;
}

function dto(r: NotificationRow): IncidentNotification {
  return {
    id: r.id,
    contactId: r.contactId,
    contactName: r.contactTitle ? `${r.contactName}（${r.contactTitle}）` : r.contactName,
    contactPhone: r.contactPhone,
    channel: r.channel,
    note: r.note ?? '',
    at: r.at,
    byUserId: r.byUserId,
    byName: r.byName,
    confirmedAt: r.confirmedAt,
    confirmedByName: r.confirmedByName,
  };
}

function notificationNotFound(id: number) {
  return apiError('E_NOT_FOUND', `通知 ${id} 不存在或无权查看`, `Notification ${id} does not exist or is not yours`);
}

/** The number a call or SMS goes to (the phone first for a call, the mobile first for an SMS); none otherwise. */
function numberFor(channel: NotifyChannel, contact: { phone: string | null; mobile: string | null }): string | null {
  if (channel === 'phone') return contact.phone ?? contact.mobile;
  if (channel === 'sms') return contact.mobile ?? contact.phone;
  return null;
}

/** What the notified user's console shows of a console notification. */
function noticeOf(
  notificationId: number,
  incident: IncidentRecord,
  byName: string,
  note: string | null,
  at: number,
): IncidentNotice {
  return {
    notificationId,
    incidentId: incident.id,
    incidentName: incident.name,
    incidentType: incident.type,
    level: incident.level,
    drill: incident.drill,
    byName,
    note: note ?? '',
    at,
  };
}

/**
 * Who was told about an incident, each notification and confirmation also a
 * timeline entry (IncidentTimelineRepo, in the caller's transaction). Rules:
 * - notify: the incident must be visible to the caller (the incidents.get rule) and not closed;
 *   'console' needs a contact linked to an enabled console user.
 * - confirm: a console notification only by the notified user; a phone / SMS / in-person one is
 *   the reply heard by whoever answers, recorded by any notifier who may see the incident.
 */
export class IncidentNotifications {
  /** The notifications' table (notifications-repo.ts); the entries go to the incident's timeline. */
  private readonly repo: NotificationsRepo;
  private readonly timeline: IncidentTimelineRepo;

  constructor(
    db: Db,
    private readonly incidents: IncidentsService,
    private readonly contacts: ContactsService,
    private readonly clock: Clock,
  ) {
    this.repo = new NotificationsRepo(db);
    this.timeline = new IncidentTimelineRepo(db);
  }

  forIncident(incidentId: number): IncidentNotification[] {
    return this.repo.forIncident(incidentId).map(dto);
  }

  notify(
    input: { id: number; contactId: number; channel: NotifyChannel; note?: string | undefined },
    actor: NotifyActor,
  ): {
    notification: IncidentNotification;
    incident: IncidentRecord;
    notice: IncidentNotice | null;
    userId: number | null;
  } {
    const incident = this.incidents.visible(input.id, actor.viewer);
    if (incident.closedAt !== null) {
      throw apiError(
        'E_CONFLICT',
        `应急事件「${incident.name}」已结束，不能再通知`,
        `Incident "${incident.name}" is closed`,
      );
    }
    const contact = this.contacts.get(input.contactId);
    const reachable = contact.userId !== null && contact.userDisabled === 0;
    if (input.channel === 'console' && !reachable) {
      throw apiError(
        'E_INVALID',
        `“${contact.name}”没有可用的平台账号，请改用电话、短信或当面通知`,
        `"${contact.name}" has no active console account; notify by phone, SMS or in person`,
        { errors: [{ field: 'channel', zh: '该联系人不能平台通知', en: 'not reachable in the console' }] },
      );
    }
    const phone = numberFor(input.channel, contact);
    const userId = input.channel === 'console' ? contact.userId : null;
    const note = input.note ? input.note : null;
    const at = this.clock();
    const id = this.repo.insert({
      incidentId: incident.id,
      contactId: contact.id,
      contactName: contact.name,
      contactTitle: contact.title,
      contactPhone: phone,
      userId,
      byUserId: actor.id,
      byName: actor.name,
      channel: input.channel,
      note,
      at,
    });
    this.timeline.append(incident.id, {
      kind: 'notified',
      ...notifiedWords({ name: contact.name, title: contact.title, channel: input.channel, phone, note }),
      byUserId: actor.id,
      byName: actor.name,
      at,
      ref: { notificationId: id, contactId: contact.id },
    });
    const notification = this.byId(id);
    const notice = userId === null ? null : noticeOf(id, incident, actor.name, note, at);
    return { notification: dto(notification), incident, notice, userId };
  }

  confirm(
    input: { notificationId: number; note?: string | undefined },
    actor: NotifyActor,
  ): { notification: IncidentNotification; incidentId: number } {
    const row = this.repo.byId(input.notificationId);
    if (!row) throw notificationNotFound(input.notificationId);
    if (row.channel === 'console') {
      if (row.userId !== actor.id) {
        // Someone who may see the incident learns why; anyone else gets "not found".
        this.visibleTo(row, actor);
        throw apiError(
          'E_FORBIDDEN',
          '平台消息只能由被通知人本人确认收到',
          'Only the notified person confirms a console notification',
        );
      }
    } else {
      this.visibleTo(row, actor);
      if (!actor.notifier) {
        throw apiError(
          'E_FORBIDDEN',
          '电话、短信或当面通知的回复由应急协调、值班长或站长记录',
          'A reply to a phone, SMS or in-person notification is recorded by a coordinator or chief',
        );
      }
    }
    if (row.confirmedAt !== null) {
      throw apiError(
        'E_CONFLICT',
        `该通知已由${row.confirmedByName ?? ''}确认`,
        `Already confirmed by ${row.confirmedByName ?? ''}`,
      );
    }
    const at = this.clock();
    const note = input.note ? input.note : null;
    this.repo.confirm(row.id, actor, note, at);
    this.timeline.append(row.incidentId, {
      kind: 'confirmed',
      ...confirmedWords({ name: row.contactName, channel: row.channel, note }),
      byUserId: actor.id,
      byName: actor.name,
      at,
      ref: { notificationId: row.id, contactId: row.contactId },
    });
    return { notification: dto(this.byId(row.id)), incidentId: row.incidentId };
  }

  /** The caller's console notifications still to confirm, of incidents not yet closed; newest first. */
  pending(userId: number): IncidentNotice[] {
    const rows = this.repo.unconfirmedFor(userId);
    // The incident's name, type and level are the incidents domain's (IncidentReader).
    const incidents = new Map<number, IncidentRecord | undefined>();
    return rows.flatMap(({ notificationId, incidentId, ...r }) => {
      if (!incidents.has(incidentId)) incidents.set(incidentId, this.incidents.read.incident(incidentId));
      const i = incidents.get(incidentId);
      if (!i || i.closedAt !== null) return [];
      const about = { incidentName: i.name, incidentType: i.type, level: i.level, drill: i.drill };
      return [{ notificationId, incidentId, ...about, ...r }];
    });
  }

  private byId(id: number): NotificationRow {
    return this.repo.byId(id) as NotificationRow;
  }

  /** The incident of a notification must be visible to the caller; else the same "not found". */
  private visibleTo(row: NotificationRow, actor: NotifyActor): void {
    try {
      this.incidents.visible(row.incidentId, actor.viewer);
    } catch {
      throw notificationNotFound(row.id);
    }
  }
}
