import { NOTIFIERS, type contactMethods, type notifyMethods } from '../../../common/contract';
import { CONTACT_KIND_NAMES, NOTIFY_CHANNEL_NAMES } from '../../../common/domain/contacts';
import type { ContactsService } from '../../services/contacts/contacts-service';
import type { IncidentNotifications, NotifyActor } from '../../services/contacts/notifications';
import type { OrgRepo } from '../../services/org/org-repo';
import { viewerOf } from '../../services/org/viewer';
import type { Handler, HandlerContext } from '../handler-types';

type ContactHandlers = { [M in keyof typeof contactMethods]: Handler<M> };

/**
 * The 通讯录 (issue 11 item 4). Saves and deletes are writing calls: the router audits them with
 * the summaries set here, and every console's list refreshes on `contacts.changed`.
 */
export function contactHandlers(contacts: ContactsService): ContactHandlers {
  const search: Handler<'contacts.search'> = (_ctx, q) => contacts.search(q);

  const save: Handler<'contacts.save'> = (ctx, input) => {
    // The audit row is written at the end of the transaction: word it inside.
    const contact = ctx.tx(() => {
      const saved = contacts.save(input);
      const kind = CONTACT_KIND_NAMES[saved.contact.kind];
      ctx.audit.target = `contact:${saved.contact.id}`;
      ctx.audit.summary = saved.before
        ? `修改通讯录${kind.zh}“${saved.contact.name}” / contact changed`
        : `新增通讯录${kind.zh}“${saved.contact.name}” / contact added`;
      return saved.contact;
    });
    ctx.publish('contacts.changed', { ids: [contact.id] });
    return contact;
  };

  const remove: Handler<'contacts.delete'> = (ctx, { id }) => {
    ctx.audit.target = `contact:${id}`;
    const row = ctx.tx(() => {
      const deleted = contacts.delete(id);
      ctx.audit.summary = `删除通讯录条目“${deleted.name}” / contact deleted`;
      return deleted;
    });
    ctx.publish('contacts.changed', { ids: [row.id] });
    return null;
  };

  return { 'contacts.search': search, 'contacts.save': save, 'contacts.delete': remove };
}

type NotifyHandlers = { [M in keyof typeof notifyMethods]: Handler<M> };

/**
 * Incident notifications (issue 11 item 4): each one and each confirmation is a timeline entry;
 * every console refetches the incident (`incidents.changed` what 'notification'), and a console
 * notification reaches the notified user's windows as `incidents.notified`.
 */
export function notifyHandlers(deps: { notifications: IncidentNotifications; org: OrgRepo }): NotifyHandlers {
  const { notifications, org } = deps;
  const actor = (ctx: HandlerContext): NotifyActor => {
    const { user } = ctx.requireSession();
    return {
      id: user.id,
      name: user.displayName,
      viewer: viewerOf(org, user),
      notifier: user.roles.some((r) => (NOTIFIERS as readonly string[]).includes(r)),
    };
  };

  const notify: Handler<'incidents.notify'> = (ctx, input) => {
    const who = actor(ctx);
    const done = ctx.tx(() => {
      const r = notifications.notify(input, who);
      ctx.audit.target = `incident:${r.incident.id}`;
      ctx.audit.summary = `通知 ${r.notification.contactName}（${NOTIFY_CHANNEL_NAMES[input.channel].zh}）/ notified`;
      return r;
    });
    ctx.publish('incidents.changed', { id: done.incident.id, what: 'notification' });
    if (done.notice && done.userId !== null) ctx.publish('incidents.notified', done.notice, { userIds: [done.userId] });
    return done.notification;
  };

  const confirm: Handler<'incidents.notify.confirm'> = (ctx, input) => {
    const who = actor(ctx);
    const done = ctx.tx(() => {
      const r = notifications.confirm(input, who);
      ctx.audit.target = `incident:${r.incidentId}`;
      ctx.audit.summary = `确认通知 ${r.notification.contactName} / notification confirmed`;
      return r;
    });
    ctx.publish('incidents.changed', { id: done.incidentId, what: 'notification' });
    return done.notification;
  };

  const pending: Handler<'incidents.notify.pending'> = (ctx) => notifications.pending(ctx.requireSession().user.id);

  return { 'incidents.notify': notify, 'incidents.notify.confirm': confirm, 'incidents.notify.pending': pending };
}
