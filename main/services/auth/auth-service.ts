import type { SessionUser } from '../../../common/contract';
import { apiError } from '../../../common/contract';
import type { Language } from '../../../common/domain/org';
import { formatShanghai } from '../../../common/domain/time';
import type { Clock } from '../../clock';
import { toSessionUser, type StoredUser, type UsersRepo } from '../users/users-repo';
import { decoyHash, hashPassword, verifyPassword } from './passwords';
import type { SessionEndReason, SessionsRepo } from './sessions-repo';

export const MAX_FAILED_LOGINS = 5;
export const LOCK_MS = 5 * 60 * 1000;

export interface AuthOptions {
  sessionLifetimeMs: number;
}

export interface SessionGrant {
  token: string;
  expiresAt: number;
  user: SessionUser;
}

const badCredentials = () => apiError('E_UNAUTHENTICATED', '用户名或密码错误', 'Wrong username or password');

function lockedError(until: number) {
  const at = formatShanghai(until);
  return apiError(
    'E_LOCKED',
    `连续 ${MAX_FAILED_LOGINS} 次密码错误，账号已锁定至 ${at}`,
    `Account locked after ${MAX_FAILED_LOGINS} failed sign-ins, until ${at} (Asia/Shanghai)`,
    { lockedUntil: until },
  );
}

/** Sign-in, sessions and a user's own account settings. */
export class AuthService {
  constructor(
    private readonly users: UsersRepo,
    private readonly sessions: SessionsRepo,
    private readonly clock: Clock,
    private readonly options: AuthOptions,
  ) {}

  async login(username: string, password: string): Promise<SessionGrant> {
    const user = await this.verifyCredentials(username, password);
    const now = this.clock();
    this.users.recordLogin(user.id, now);
    const { token, expiresAt } = this.sessions.create(user.id, now, this.options.sessionLifetimeMs);
    return { token, expiresAt, user: toSessionUser(user) };
  }

  /**
   * Checks a username and password as sign-in does (failures count towards the lockout) without
   * opening a session: for signatures such as the handover's. Answers the enabled user.
   */
  async verifyCredentials(username: string, password: string): Promise<StoredUser> {
    const found = this.users.byUsername(username);
    if (!found) {
      await verifyPassword(password, await decoyHash());
      throw badCredentials();
    }
    const lockedUntil = found.lockedUntil;
    if (lockedUntil !== null && lockedUntil > this.clock()) throw lockedError(lockedUntil);
    const ok = await verifyPassword(password, found.passwordHash);
    // Re-read after the await: another sign-in may have counted a failure meanwhile.
    const user = this.users.byId(found.id);
    if (!user) throw badCredentials();
    if (!ok) {
      const now = this.clock();
      const failed = user.failedLogins + 1;
      if (failed >= MAX_FAILED_LOGINS) {
        this.users.recordFailedLogin(user.id, 0, now + LOCK_MS);
        throw lockedError(now + LOCK_MS);
      }
      this.users.recordFailedLogin(user.id, failed, null);
      const left = MAX_FAILED_LOGINS - failed;
      throw apiError(
        'E_UNAUTHENTICATED',
        `用户名或密码错误（再错 ${left} 次将锁定 5 分钟）`,
        `Wrong username or password (${left} more and the account locks for 5 minutes)`,
      );
    }
    if (user.disabled)
      throw apiError('E_FORBIDDEN', '该账号已停用，请联系系统管理员', 'This account is disabled; ask an administrator');
    return user;
  }

  /** The user behind a live session token, or undefined (unknown, ended, expired or disabled). */
  sessionUser(token: string): (StoredUser & { expiresAt: number }) | undefined {
    const session = this.sessions.live(token, this.clock());
    if (!session) return undefined;
    const user = this.users.byId(session.userId);
    if (!user || user.disabled) return undefined;
    return { ...user, expiresAt: session.expiresAt };
  }

  resume(token: string): SessionGrant {
    const user = this.sessionUser(token);
    if (!user)
      throw apiError('E_UNAUTHENTICATED', '会话已失效，请重新登录', 'Session is no longer valid; sign in again');
    return { token, expiresAt: user.expiresAt, user: toSessionUser(user) };
  }

  logout(token: string): void {
    this.sessions.end(token, this.clock(), 'logout');
  }

  endAllSessions(userId: number, reason: SessionEndReason, exceptToken?: string): number {
    return this.sessions.endAllForUser(userId, this.clock(), reason, exceptToken);
  }

  /** Verifies the current password; the hash of the new one is computed before any write. */
  async preparePasswordChange(userId: number, current: string, next: string): Promise<string> {
    const user = this.users.byId(userId);
    if (!user) throw apiError('E_NOT_FOUND', '用户不存在', 'No such user');
    if (!(await verifyPassword(current, user.passwordHash))) {
      throw apiError('E_INVALID', '当前密码不正确', 'The current password is wrong', { field: 'currentPassword' });
    }
    if (current === next) {
      throw apiError('E_INVALID', '新密码不能与当前密码相同', 'The new password must differ from the current one', {
        field: 'newPassword',
      });
    }
    return hashPassword(next);
  }

  commitPasswordChange(userId: number, passwordHash: string, keepToken: string): void {
    this.users.setPassword(userId, passwordHash, false, this.clock());
    this.sessions.endAllForUser(userId, this.clock(), 'password_changed', keepToken);
  }

  setLanguage(userId: number, language: Language): void {
    this.users.update(userId, { language }, this.clock());
  }
}
