/**
 * The roster service's test fixture (duty-roster, duty-roster-checkin): a migrated database with
 * the center's and two stations' people, rebuilt before each test of the file calling `useRosterFixture()`.
 */
import { afterEach, beforeEach } from 'vitest';
import type { Role } from '../../common/domain/roles';
import { openDatabase, type Db } from '../../main/db/connection';
import { hashPassword } from '../../main/services/auth/passwords';
import { dutyStore } from '../../main/services/duty/duty-store';
import { RosterService } from '../../main/services/duty/roster-service';
import { OrgRepo } from '../../main/services/org/org-repo';
import { seedReferenceData } from '../../main/services/org/seed';
import { UsersRepo } from '../../main/services/users/users-repo';
import { tempDir, testClock } from './test-env';
import { sh } from './shift-calendar';

/** A migrated database with the reference data. */
export function migratedDb(): Db {
  const db = openDatabase(tempDir());
  seedReferenceData(db);
  return db;
}

export let db: Db;
export let clock: ReturnType<typeof testClock>;
export let roster: RosterService;
export let hash: string;
export const ids: Record<string, number> = {};

export async function addUser(username: string, name: string, orgUnitId: string, roles: Role[]): Promise<number> {
  hash ||= await hashPassword('Passw0rd!');
  const id = new UsersRepo(db).insert(
    { username, displayName: name, passwordHash: hash, orgUnitId, roles, mustChangePassword: false },
    clock(),
  );
  ids[username] = id;
  return id;
}

export function uid(username: string): number {
  const id = ids[username];
  if (id === undefined) throw new Error(`no test user ${username}`);
  return id;
}

/**
 * Rebuilds the fixture before each test of the calling file. Called by each file, not run on import: test files
 * share a worker's module cache (vitest.config.ts), so hooks registered at a helper's top level would be
 * registered for the first file that imports it only.
 */
export function useRosterFixture(): void {
  beforeEach(setUp);
  afterEach(() => db.close());
}

async function setUp(): Promise<void> {
  db = migratedDb();
  clock = testClock(sh('2026-02-01 12:00'));
  roster = new RosterService(dutyStore(db), new OrgRepo(db), clock);
  await addUser('chief1', '王值班', 'HQ-C', ['duty_chief']);
  await addUser('chief2', '赵值班', 'HQ-C', ['duty_chief']);
  await addUser('grid1', '李网格', 'HQ-C', ['grid_officer']);
  await addUser('video1', '陈视频', 'HQ-C', ['video_monitor']);
  await addUser('s1chief', '周站长', 'HQ-S1', ['station_chief']);
  await addUser('s1a', '吴信息', 'HQ-S1', ['station_chief']);
  await addUser('s1b', '郑信息', 'HQ-S1', ['station_chief']);
  await addUser('s2chief', '钱站长', 'HQ-S2', ['station_chief']);
  const gone = await addUser('gone', '孙停用', 'HQ-C', ['grid_officer']);
  new UsersRepo(db).update(gone, { disabled: true }, clock());
}

export const count = () => (db.prepare('SELECT count(*) AS n FROM roster_assignments').get() as { n: number }).n;
