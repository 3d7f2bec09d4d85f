import type { ApiError, SessionUser } from '../../../common/contract';
import { apiError } from '../../../common/contract';
import type { Language } from '../../../common/domain/org';
import { formatShanghai } from '../../../common/domain/time';
import type { Clock } from '../../clock';
import { toSessionUser, type StoredUser, type UsersRepo } from '../users/users-repo';
import { decoyHash, hashPassword, verifyPassword } from './passwords';
import type { SessionEndReason, SessionsRepo } from './sessions-repo';
import { SignInGuard, type AttemptSource } from './sign-in-guard';

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
const LOCK_MINUTES = LOCK_MS / 60_000;

function wrongPassword(left: number) {
  return apiError(
    'E_UNAUTHENTICATED',
    `用户名或密码错误（再错 ${left} 次将锁定 ${LOCK_MINUTES} 分钟）`,
    `Wrong username or password (${left} more and the account locks for ${LOCK_MINUTES} minutes)`,
  );
}

function wrongCurrentPassword(left: number) {
  return apiError(
    'E_INVALID',
    `当前密码不正确（再错 ${left} 次将锁定 ${LOCK_MINUTES} 分钟）`,
    `The current password is wrong (${left} more and the account locks for ${LOCK_MINUTES} minutes)`,
    { field: 'currentPassword' },
  );
}

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
  private readonly guard: SignInGuard;

  constructor(
    private readonly users: UsersRepo,
    private readonly sessions: SessionsRepo,
    private readonly clock: Clock,
    private readonly options: AuthOptions,
  ) {
    this.guard = new SignInGuard(clock);
  }

  /** Sign-in, charged to the caller's connection and address (see SignInGuard). */
  async login(username: string, password: string, source: AttemptSource): Promise<SessionGrant> {
    const admission = this.guard.admit(source);
    const user = await this.verifyCredentials(username, password);
    admission.succeeded();
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
      return this.guard.exclusive(`name:${username.toLowerCase()}`, async () => {
        await verifyPassword(password, await decoyHash());
        throw badCredentials();
      });
    }
    return this.guard.exclusive(`id:${found.id}`, () => this.checkPassword(found.id, password, wrongPassword));
  }

  /**
   * The one password check of an account, run while no other check of it is in flight: refused
   * while locked, a failure counted (and maybe locking) in one statement, and a success accepted
   * only if no lock was set meanwhile — so a right password never gets in while locked.
   */
  private async checkPassword(
    userId: number,
    password: string,
    wrong: (left: number) => ApiError,
  ): Promise<StoredUser> {
    const before = this.users.byId(userId);
    if (!before) throw badCredentials();
    if (before.lockedUntil !== null && before.lockedUntil > this.clock()) throw lockedError(before.lockedUntil);
    const ok = await verifyPassword(password, before.passwordHash);
    const now = this.clock();
    if (!ok) {
      const after = this.users.recordFailedLogin(userId, now, MAX_FAILED_LOGINS, LOCK_MS);
      if (!after) throw badCredentials();
      if (after.lockedUntil !== null && after.lockedUntil > now) throw lockedError(after.lockedUntil);
      throw wrong(MAX_FAILED_LOGINS - after.failedLogins);
    }
    const accepted = this.users.recordPasswordSuccess(userId, now);
    const user = this.users.byId(userId);
    if (!user) throw badCredentials();
    if (!accepted) throw lockedError(user.lockedUntil ?? now);
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

  /**
   * Verifies the current password like a sign-in (charged to the connection and address, counted
   * towards the lockout, refused while locked); the hash of the new one is computed before any write.
   */
  async preparePasswordChange(userId: number, current: string, next: string, source: AttemptSource): Promise<string> {
    if (!this.users.byId(userId)) throw apiError('E_NOT_FOUND', '用户不存在', 'No such user');
    const admission = this.guard.admit(source);
    await this.guard.exclusive(`id:${userId}`, () => this.checkPassword(userId, current, wrongCurrentPassword));
    admission.succeeded();
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
