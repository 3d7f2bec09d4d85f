import { fixedWords } from '../../services/audit/notes-ops';
import type { AuthService } from '../../services/auth/auth-service';
import { hashPassword } from '../../services/auth/passwords';
import type { UsersService } from '../../services/users/users-service';
import type { EventBus } from '../event-bus';
import type { Handler, HandlerContext } from '../handler-types';
import { userCreateWords, userUpdateWords } from '../../services/audit/notes';

const ADMINS = { roles: ['admin'] } as const;

/** Admins refresh their lists; the user's own windows refresh their roles and name. */
function notifyChanged(ctx: HandlerContext, userId: number): void {
  ctx.publish('users.changed', { userId }, ADMINS);
  ctx.publish('users.changed', { userId }, { userIds: [userId] });
}

export function adminHandlers(users: UsersService, auth: AuthService, bus: EventBus) {
  const list: Handler<'admin.users.list'> = () => users.list();

  const create: Handler<'admin.users.create'> = async (ctx, input) => {
    ctx.audit.target = `user:${input.username}`;
    Object.assign(ctx.audit, userCreateWords(input, undefined));
    const passwordHash = await hashPassword(input.password);
    const record = ctx.tx(() => users.create({ ...input, passwordHash, mustChangePassword: true }));
    notifyChanged(ctx, record.id);
    return record;
  };

  const update: Handler<'admin.users.update'> = (ctx, { id, ...fields }) => {
    const actor = ctx.requireSession().user;
    ctx.audit.target = `user:${id}`;
    Object.assign(ctx.audit, userUpdateWords(fields, undefined));
    const record = ctx.tx(() => users.update(id, fields, actor.id));
    notifyChanged(ctx, id);
    return record;
  };

  const setDisabled: Handler<'admin.users.setDisabled'> = (ctx, { id, disabled }) => {
    const actor = ctx.requireSession().user;
    ctx.audit.target = `user:${id}`;
    Object.assign(ctx.audit, fixedWords(disabled ? 'user.disable' : 'user.enable'));
    const record = ctx.tx(() => {
      const r = users.setDisabled(id, disabled, actor.id);
      if (disabled) auth.endAllSessions(id, 'disabled');
      return r;
    });
    notifyChanged(ctx, id);
    if (disabled) ctx.afterSuccess(() => bus.notifyEnded(id, 'disabled'));
    return record;
  };

  const resetPassword: Handler<'admin.users.resetPassword'> = async (ctx, { id, newPassword }) => {
    ctx.audit.target = `user:${id}`;
    Object.assign(ctx.audit, fixedWords('user.resetPassword'));
    users.require(id);
    const hash = await hashPassword(newPassword);
    const record = ctx.tx(() => {
      const r = users.resetPassword(id, hash);
      auth.endAllSessions(id, 'password_changed');
      return r;
    });
    notifyChanged(ctx, id);
    ctx.afterSuccess(() => bus.notifyEnded(id, 'password_changed'));
    return record;
  };

  return {
    'admin.users.list': list,
    'admin.users.create': create,
    'admin.users.update': update,
    'admin.users.setDisabled': setDisabled,
    'admin.users.resetPassword': resetPassword,
  };
}
