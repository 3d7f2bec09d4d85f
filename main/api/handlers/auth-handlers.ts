import { toSessionUser } from '../../services/users/users-repo';
import type { AuthService } from '../../services/auth/auth-service';
import type { AttemptSource } from '../../services/auth/sign-in-guard';
import type { EventBus } from '../event-bus';
import type { Handler } from '../handler-types';
import type { Connection } from '../connection';
import { languageWords } from '../../services/audit/notes';
import { fixedWords } from '../../services/audit/notes-ops';

/** Password attempts are rate-limited per connection (the object itself) and per peer address. */
const attemptSource = (conn: Connection): AttemptSource => ({ connection: conn, remoteAddress: conn.remoteAddress });

export function authHandlers(auth: AuthService, bus: EventBus) {
  const login: Handler<'auth.login'> = async (ctx, { username, password }) => {
    ctx.audit.actor = { id: null, name: username };
    ctx.audit.target = `user:${username}`;
    Object.assign(ctx.audit, fixedWords('auth.loginFailed'));
    const grant = await auth.login(username, password, attemptSource(ctx.conn));
    ctx.audit.actor = { id: grant.user.id, name: grant.user.username };
    Object.assign(ctx.audit, fixedWords('auth.login'));
    bus.bind(ctx.conn, grant.token, grant.user.id);
    return grant;
  };

  const resume: Handler<'auth.resume'> = (ctx, { token }) => {
    const grant = auth.resume(token);
    bus.bind(ctx.conn, token, grant.user.id);
    return grant;
  };

  const logout: Handler<'auth.logout'> = (ctx) => {
    const { token, user } = ctx.requireSession();
    ctx.audit.target = `user:${user.id}`;
    Object.assign(ctx.audit, fixedWords('auth.logout'));
    auth.logout(token);
    bus.unbind(ctx.conn);
    return null;
  };

  const me: Handler<'auth.me'> = (ctx) => toSessionUser(ctx.requireSession().user);

  const changePassword: Handler<'auth.changePassword'> = async (ctx, input) => {
    const { token, user } = ctx.requireSession();
    ctx.audit.target = `user:${user.id}`;
    Object.assign(ctx.audit, fixedWords('auth.changePassword'));
    const hash = await auth.preparePasswordChange(
      user.id,
      input.currentPassword,
      input.newPassword,
      attemptSource(ctx.conn),
    );
    ctx.tx(() => auth.commitPasswordChange(user.id, hash, token));
    ctx.afterSuccess(() => bus.notifyEnded(user.id, 'password_changed'));
    return null;
  };

  const setLanguage: Handler<'auth.setLanguage'> = (ctx, { language }) => {
    const { user } = ctx.requireSession();
    ctx.audit.target = `user:${user.id}`;
    Object.assign(ctx.audit, languageWords(language));
    ctx.tx(() => auth.setLanguage(user.id, language));
    return null;
  };

  return {
    'auth.login': login,
    'auth.resume': resume,
    'auth.logout': logout,
    'auth.me': me,
    'auth.changePassword': changePassword,
    'auth.setLanguage': setLanguage,
  };
}
