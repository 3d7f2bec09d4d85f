import type { contactMethods } from '../../../common/contract';
import { CONTACT_KIND_NAMES } from '../../../common/domain/contacts';
import type { ContactsService } from '../../services/contacts/contacts-service';
import type { Handler } from '../handler-types';

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
