import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ApiResult, MethodInput, MethodName, MethodOutput } from '../../common/contract';
import type { Connection } from '../../main/api/connection';
import { openHub, type Hub, type HubOptions } from '../../main/hub';
import { hashPassword } from '../../main/services/auth/passwords';
import { DEMO_PASSWORD } from '../../main/services/users/bootstrap';
import { UsersRepo } from '../../main/services/users/users-repo';

export function tempDir(prefix = 'cityops-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A movable clock for expiry and lockout tests. */
export function testClock(start = Date.UTC(2026, 10, 26, 2, 0, 0)) {
  let now = start;
  const clock = () => now;
  return Object.assign(clock, { advance: (ms: number) => (now += ms) });
}

export interface TestConnection extends Connection {
  events: { event: string; payload: unknown }[];
}

export function connection(id = 'test'): TestConnection {
  const events: { event: string; payload: unknown }[] = [];
  return { id, token: null, events, push: (event, payload) => events.push({ event, payload }) };
}

export async function demoHub(options: Partial<HubOptions> = {}): Promise<Hub> {
  return openHub({ dataDir: tempDir(), demo: true, onInternalError: () => undefined, ...options });
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
export async function signedIn(hub: Hub, username: string, password = DEMO_PASSWORD): Promise<TestConnection> {
  const conn = connection(`conn-${username}`);
  hub.attach(conn);
  await ok(hub, conn, 'auth.login', { username, password });
  return conn;
}

/** A station chief of 第二联勤站, username `station2` (the demo has one of 第一联勤站 only). */
export async function addSecondStationChief(hub: Hub, at: number): Promise<void> {
  new UsersRepo(hub.db).insert(
    {
      username: 'station2',
      displayName: '孙丽（第二联勤站）',
      passwordHash: await hashPassword(DEMO_PASSWORD),
      orgUnitId: 'HQ-S2',
      roles: ['station_chief'],
      mustChangePassword: false,
    },
    at,
  );
}
