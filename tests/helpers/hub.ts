import { randomBytes, scryptSync } from 'node:crypto';
import type { ApiResult, MethodInput, MethodName, MethodOutput } from '../../common/contract';
import type { Connection } from '../../main/api/connection';
import { openHub, type Hub, type HubOptions } from '../../main/hub';
import type { Db } from '../../main/db/connection';
import { DEMO_PASSWORD, DEMO_USERS } from '../../main/services/users/bootstrap';
import { UsersRepo } from '../../main/services/users/users-repo';
import { connection, tempDir, type TestConnection } from './test-env';

// The utilities that need no hub live in test-env.ts; a test that needs only them imports them from there.
export { connection, tempDir, testClock, type TestConnection } from './test-env';

let demoHash: string | undefined;

/**
 * DEMO_PASSWORD hashed with scrypt at N=2^10 instead of the hub's 2^15. The cost is stored in the
 * hash and verifyPassword reads it from there, so a sign-in runs the same code, in ≈1 ms instead of
 * ≈60–300 ms (most unit tests sign in several users). Passwords a test sets through the hub
 * (a change, a reset, a new user) are hashed at the hub's own cost.
 */
export function quickDemoHash(): string {
  if (demoHash === undefined) {
    const salt = randomBytes(16);
    const key = scryptSync(DEMO_PASSWORD, salt, 32, { N: 1024, r: 8, p: 1 });
    demoHash = ['scrypt', 1024, 8, 1, salt.toString('base64'), key.toString('base64')].join('$');
  }
  return demoHash;
}

/** The demo accounts, as bootstrapped, with the quick hash of their password (quickDemoHash). */
function quickDemoPasswords(db: Db): void {
  const set = db.prepare('UPDATE users SET password_hash = ? WHERE username = ?');
  db.transaction(() => {
    for (const u of DEMO_USERS) set.run(quickDemoHash(), u.username);
  })();
}

export async function demoHub(options: Partial<HubOptions> = {}): Promise<Hub> {
  const hub = await openHub({ dataDir: tempDir(), demo: true, onInternalError: () => undefined, ...options });
  quickDemoPasswords(hub.db);
  return hub;
}

/** Typed call that returns the raw ApiResult. */
export function call<M extends MethodName>(
  hub: Hub,
  conn: Connection,
  method: M,
  input: MethodInput<M>,
): Promise<ApiResult<MethodOutput<M>>> {
  return hub.call(conn, method, input) as Promise<ApiResult<MethodOutput<M>>>;
}

/** Typed call that must succeed. */
export async function ok<M extends MethodName>(
  hub: Hub,
  conn: Connection,
  method: M,
  input: MethodInput<M>,
): Promise<MethodOutput<M>> {
  const result = await call(hub, conn, method, input);
  if (!result.ok) throw new Error(`${method} failed: ${result.error.code} ${result.error.message.en}`);
  return result.value;
}

/** A connection attached to the hub's event bus and signed in. */
export async function signedIn(
  hub: Hub,
  username: string,
  password = DEMO_PASSWORD,
  connectionId = `conn-${username}`,
): Promise<TestConnection> {
  const conn = connection(connectionId);
  hub.attach(conn);
  await ok(hub, conn, 'auth.login', { username, password });
  return conn;
}

/** A station chief of 第二联勤站, username `station2` (the demo has one of 第一联勤站 only). */
export function addSecondStationChief(hub: Hub, at: number): Promise<void> {
  new UsersRepo(hub.db).insert(
    {
      username: 'station2',
      displayName: '孙丽（第二联勤站）',
      passwordHash: quickDemoHash(),
      orgUnitId: 'HQ-S2',
      roles: ['station_chief'],
      mustChangePassword: false,
    },
    at,
  );
  // A promise still, as when it hashed the password itself: its callers await it.
  return Promise.resolve();
}
