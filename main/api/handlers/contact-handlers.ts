import { NOTIFIERS, type contactMethods, type notifyMethods } from '../../../common/contract';
import { contactDeleteWords, contactSaveWords, notifyConfirmWords, notifyWords } from '../../services/audit/notes-ops';
import type { ContactsService } from '../../services/contacts/contacts-service';
import type { IncidentNotifications, NotifyActor } from '../../services/contacts/notifications';
import type { OrgRepo } from '../../services/org/org-repo';
import { viewerOf } from '../../services/org/viewer';
import type { Handler, HandlerContext } from '../handler-types';

type ContactHandlers = { [M in keyof typeof contactMethods]: Handler<M> };

/**
 * The 通讯录. Saves and deletes are writing calls: the router audits them with
 * the summaries set here, and every console's list refreshes on `contacts.changed`.
 */
export function contactHandlers(contacts: ContactsService): ContactHandlers {
  const search: Handler<'contacts.search'> = (_ctx, q) => contacts.search(q);

  const save: Handler<'contacts.save'> = (ctx, input) => {
    // The audit row is written at the end of the transaction: word it inside.
    const contact = ctx.tx(() => {
      const saved = contacts.save(input);
      ctx.audit.target = `contact:${saved.contact.id}`;
      Object.assign(ctx.audit, contactSaveWords(Boolean(saved.before), saved.contact));
      return saved.contact;
    });
    ctx.publish('contacts.changed', { ids: [contact.id] });
    return contact;
  };

  const remove: Handler<'contacts.delete'> = (ctx, { id }) => {
    ctx.audit.target = `contact:${id}`;
    const row = ctx.tx(() => {
      const deleted = contacts.delete(id);
      Object.assign(ctx.audit, contactDeleteWords(deleted.name));
      return deleted;
    });
    ctx.publish('contacts.changed', { ids: [row.id] });
    return null;
  };

  return { 'contacts.search': search, 'contacts.save': save, 'contacts.delete': remove };
}

type NotifyHandlers = { [M in keyof typeof notifyMethods]: Handler<M> };

/**
 * Incident notifications: each one and each confirmation is a timeline entry;
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
      Object.assign(ctx.audit, notifyWords(r.notification.contactName, input.channel));
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
      Object.assign(ctx.audit, notifyConfirmWords(r.notification.contactName));
      return r;
    });
    ctx.publish('incidents.changed', { id: done.incidentId, what: 'notification' });
    return done.notification;
  };

  const pending: Handler<'incidents.notify.pending'> = (ctx) => notifications.pending(ctx.requireSession().user.id);

  return { 'incidents.notify': notify, 'incidents.notify.confirm': confirm, 'incidents.notify.pending': pending };
}
