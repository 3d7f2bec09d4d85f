import type Database from 'better-sqlite3';
import type { SessionUser, UserRecord } from '../../../common/contract';
import type { Language } from '../../../common/domain/org';
import type { Role } from '../../../common/domain/roles';
import type { Db } from '../../db/connection';

interface UserRow {
  id: number;
  username: string;
  displayName: string;
  passwordHash: string;
  orgUnitId: string;
  orgUnitName: string;
  disabled: number;
  mustChangePassword: number;
  language: Language;
  failedLogins: number;
  lockedUntil: number | null;
  lastLoginAt: number | null;
  createdAt: number;
  roles: string | null;
}

export interface StoredUser extends Omit<UserRow, 'roles' | 'disabled' | 'mustChangePassword'> {
  roles: Role[];
  disabled: boolean;
  mustChangePassword: boolean;
}

const SELECT_USER = `
  SELECT u.id, u.username, u.display_name AS displayName, u.password_hash AS passwordHash,
         u.org_unit_id AS orgUnitId, o.name AS orgUnitName, u.disabled,
         u.must_change_password AS mustChangePassword, u.language, u.failed_logins AS failedLogins,
         u.locked_until AS lockedUntil, u.last_login_at AS lastLoginAt, u.created_at AS createdAt,
         (SELECT group_concat(r.role, ',') FROM user_roles r WHERE r.user_id = u.id) AS roles
  FROM users u JOIN org_units o ON o.id = u.org_unit_id`;

function fromRow(row: UserRow): StoredUser {
  return {
    ...row,
    roles: row.roles ? (row.roles.split(',').sort() as Role[]) : [],
    disabled: row.disabled === 1,
    mustChangePassword: row.mustChangePassword === 1,
  };
}

export function toSessionUser(u: StoredUser): SessionUser {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    roles: u.roles,
    orgUnitId: u.orgUnitId,
    orgUnitName: u.orgUnitName,
    language: u.language,
    mustChangePassword: u.mustChangePassword,
  };
}

export function toUserRecord(u: StoredUser, now: number): UserRecord {
  const { language: _language, ...base } = toSessionUser(u);
  return {
    ...base,
    disabled: u.disabled,
    lockedUntil: u.lockedUntil !== null && u.lockedUntil > now ? u.lockedUntil : null,
    lastLoginAt: u.lastLoginAt,
    createdAt: u.createdAt,
  };
}

export interface NewUser {
  username: string;
  displayName: string;
  passwordHash: string;
  orgUnitId: string;
  roles: readonly Role[];
  mustChangePassword: boolean;
}

/** SQL for users and their roles; services hold the rules. */
export class UsersRepo {
  constructor(private readonly db: Db) {}

  count(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM users').get() as { n: number }).n;
  }

  byId(id: number): StoredUser | undefined {
    // Every call and every pushed event asks (the session's user), so the statement is prepared once.
    this.byIdStatement ??= this.db.prepare(`${SELECT_USER} WHERE u.id = ?`);
    const row = this.byIdStatement.get(id) as UserRow | undefined;
    return row && fromRow(row);
  }
  private byIdStatement: Database.Statement<[number]> | undefined;

  /** The enabled users of one org unit (in no particular order). */
  enabledIn(orgUnitId: string): StoredUser[] {
    const rows = this.db
      .prepare(`${SELECT_USER} WHERE u.org_unit_id = ? AND u.disabled = 0`)
      .all(orgUnitId) as UserRow[];
    return rows.map(fromRow);
  }

  byUsername(username: string): StoredUser | undefined {
    const row = this.db.prepare(`${SELECT_USER} WHERE u.username = ?`).get(username) as UserRow | undefined;
    return row && fromRow(row);
  }

  all(): StoredUser[] {
    return (this.db.prepare(`${SELECT_USER} ORDER BY u.id`).all() as UserRow[]).map(fromRow);
  }

  insert(user: NewUser, now: number): number {
    const { lastInsertRowid } = this.db
      .prepare(
        `INSERT INTO users (username, display_name, password_hash, org_unit_id, must_change_password,
                            created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        user.username,
        user.displayName,
        user.passwordHash,
        user.orgUnitId,
        user.mustChangePassword ? 1 : 0,
        now,
        now,
      );
    const id = Number(lastInsertRowid);
    this.setRoles(id, user.roles);
    return id;
  }

  setRoles(id: number, roles: readonly Role[]): void {
    this.db.prepare('DELETE FROM user_roles WHERE user_id = ?').run(id);
    const add = this.db.prepare('INSERT INTO user_roles (user_id, role) VALUES (?, ?)');
    for (const role of new Set(roles)) add.run(id, role);
  }

  update(
    id: number,
    fields: Partial<{ displayName: string; orgUnitId: string; disabled: boolean; language: Language }>,
    now: number,
  ): void {
    const u = this.byId(id);
    if (!u) return;
    this.db
      .prepare(
        `UPDATE users SET display_name = ?, org_unit_id = ?, disabled = ?, language = ?, updated_at = ?
         WHERE id = ?`,
      )
      .run(
        fields.displayName ?? u.displayName,
        fields.orgUnitId ?? u.orgUnitId,
        (fields.disabled ?? u.disabled) ? 1 : 0,
        fields.language ?? u.language,
        now,
        id,
      );
  }

  setPassword(id: number, passwordHash: string, mustChange: boolean, now: number): void {
    this.db
      .prepare(
        `UPDATE users SET password_hash = ?, must_change_password = ?, failed_logins = 0,
                          locked_until = NULL, updated_at = ? WHERE id = ?`,
      )
      .run(passwordHash, mustChange ? 1 : 0, now, id);
  }

  /**
   * Counts one wrong password in one statement (so parallel checks cannot lose a count): at `max`
   * failures the account locks until `now + lockMs` and the count starts over; a lock still
   * running is never shortened or cleared by a failure. Answers the count and lock as written.
   */
  recordFailedLogin(
    id: number,
    now: number,
    max: number,
    lockMs: number,
  ): { failedLogins: number; lockedUntil: number | null } | undefined {
    return this.db
      .prepare(
        `UPDATE users SET
           failed_logins = CASE WHEN locked_until > @now THEN failed_logins
                                WHEN failed_logins + 1 >= @max THEN 0
                                ELSE failed_logins + 1 END,
           locked_until = CASE WHEN locked_until > @now THEN locked_until
                               WHEN failed_logins + 1 >= @max THEN @now + @lockMs
                               ELSE NULL END
         WHERE id = @id
         RETURNING failed_logins AS failedLogins, locked_until AS lockedUntil`,
      )
      .get({ id, now, max, lockMs }) as { failedLogins: number; lockedUntil: number | null } | undefined;
  }

  /** A right password clears the failure count, unless the account is locked: then false. */
  recordPasswordSuccess(id: number, now: number): boolean {
    const { changes } = this.db
      .prepare(
        `UPDATE users SET failed_logins = 0, locked_until = NULL
         WHERE id = ? AND (locked_until IS NULL OR locked_until <= ?)`,
      )
      .run(id, now);
    return changes === 1;
  }

  recordLogin(id: number, now: number): void {
    this.db.prepare('UPDATE users SET last_login_at = ? WHERE id = ?').run(now, id);
  }
}
