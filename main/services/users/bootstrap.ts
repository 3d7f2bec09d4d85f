import { randomBytes } from 'node:crypto';
import type { Role } from '../../../common/domain/roles';
import type { Db } from '../../db/connection';
import { hashPassword } from '../auth/passwords';
import type { UsersRepo } from './users-repo';

/** Fixed demo password, listed in the README; only ever set in demo mode. */
export const DEMO_PASSWORD = 'Demo#2026';

export const DEMO_USERS: readonly { username: string; displayName: string; roles: Role[]; orgUnitId: string }[] = [
  { username: 'admin', displayName: '系统管理员', roles: ['admin'], orgUnitId: 'HQ-C' },
  { username: 'chief', displayName: '张伟（值班长）', roles: ['duty_chief'], orgUnitId: 'HQ-C' },
  // A second center chief, so a handover (交班 → 接班) can be shown with demo accounts alone.
  { username: 'chief2', displayName: '周敏（值班长）', roles: ['duty_chief'], orgUnitId: 'HQ-C' },
  { username: 'monitor', displayName: '李娜（视频监控）', roles: ['video_monitor'], orgUnitId: 'HQ-C' },
  { username: 'grid', displayName: '王强（网格信息员）', roles: ['grid_officer'], orgUnitId: 'HQ-C' },
  { username: 'hotline', displayName: '刘洋（热线信息员）', roles: ['hotline_officer'], orgUnitId: 'HQ-C' },
  { username: 'station', displayName: '陈静（第一联勤站）', roles: ['station_chief'], orgUnitId: 'HQ-S1' },
  { username: 'coord', displayName: '赵磊（应急协调）', roles: ['coordinator'], orgUnitId: 'HQ-C' },
];

export interface BootstrapOptions {
  demo: boolean;
  /** Password for the first admin of a real install; generated and reported when absent. */
  adminPassword?: string | undefined;
}

export interface BootstrapResult {
  created: 'none' | 'demo' | 'admin';
  /** Set when the admin password was generated: shown once on the console that started the hub. */
  generatedAdminPassword?: string;
}

function readMeta(db: Db, key: string): string | undefined {
  return (db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined)?.value;
}

/** The demo accounts that still exist and are enabled, for the sign-in screen's list. */
export function demoAccounts(users: UsersRepo): { username: string; displayName: string; roles: Role[] }[] {
  return DEMO_USERS.flatMap((d) => {
    const u = users.byUsername(d.username);
    return u && !u.disabled ? [{ username: u.username, displayName: u.displayName, roles: u.roles }] : [];
  });
}

export function isDemo(db: Db): boolean {
  return readMeta(db, 'demo') === '1';
}

/**
 * First run only (no users yet): demo mode creates one user per role with DEMO_PASSWORD; a real
 * install creates just an admin. Whichever it was is remembered, so the DEMO mark is stable.
 */
export async function bootstrapUsers(
  db: Db,
  users: UsersRepo,
  now: number,
  options: BootstrapOptions,
): Promise<BootstrapResult> {
  if (users.count() > 0) return { created: 'none' };
  const setMeta = db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)');
  if (options.demo) {
    const hash = await hashPassword(DEMO_PASSWORD);
    db.transaction(() => {
      for (const u of DEMO_USERS) users.insert({ ...u, passwordHash: hash, mustChangePassword: false }, now);
      setMeta.run('demo', '1');
    })();
    return { created: 'demo' };
  }
  const generated = options.adminPassword ? undefined : `Hq${randomBytes(9).toString('base64url')}7`;
  const hash = await hashPassword(options.adminPassword ?? generated ?? '');
  db.transaction(() => {
    users.insert(
      {
        username: 'admin',
        displayName: '系统管理员',
        roles: ['admin'],
        orgUnitId: 'HQ-C',
        passwordHash: hash,
        mustChangePassword: generated !== undefined,
      },
      now,
    );
    setMeta.run('demo', '0');
  })();
  return generated ? { created: 'admin', generatedAdminPassword: generated } : { created: 'admin' };
}
