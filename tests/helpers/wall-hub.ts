import { randomBytes } from 'node:crypto';
import type { ApiResult, MethodInput, MethodName, MethodOutput } from '../../common/contract';
import { EventBus } from '../../main/api/event-bus';
import { authHandlers } from '../../main/api/handlers/auth-handlers';
import { closeWallWindow, wallHandlers } from '../../main/api/handlers/wall-handlers';
import type { HandlerMap } from '../../main/api/handler-types';
import { Router } from '../../main/api/router';
import { openDatabase, type Db } from '../../main/db/connection';
import { AuditRepo } from '../../main/services/audit/audit-repo';
import { AuthService } from '../../main/services/auth/auth-service';
import { SessionsRepo } from '../../main/services/auth/sessions-repo';
import { CamerasService } from '../../main/services/cameras/cameras-service';
import { OrgRepo } from '../../main/services/org/org-repo';
import { seedReferenceData } from '../../main/services/org/seed';
import { bootstrapUsers, DEMO_PASSWORD } from '../../main/services/users/bootstrap';
import { UsersRepo } from '../../main/services/users/users-repo';
import { createWallServices, type WallServices } from '../../main/services/wall';
import { connection, tempDir, type TestConnection } from './test-env';

/**
 * A hub of just what the wall API needs (sign-in, the camera registry, the wall), wired as
 * main/hub.ts wires it — including closing a connection's wall window when it detaches — so the wall
 * tests do not depend on the rest of the hub.
 */
export interface WallHub {
  db: Db;
  bus: EventBus;
  wall: WallServices;
  cameras: CamerasService;
  /** A new connection attached to the bus and signed in as `username`. */
  connect(username: string, id?: string): Promise<TestConnection>;
  /** The connection goes away, as a closed socket or window does. */
  detach(conn: TestConnection): void;
  call<M extends MethodName>(
    conn: TestConnection,
    method: M,
    input: MethodInput<M>,
  ): Promise<ApiResult<MethodOutput<M>>>;
  ok<M extends MethodName>(conn: TestConnection, method: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
  /** The audit rows of a method, oldest first. */
  audit(method: string): { target: string | null; summary: string; ok: number; errorCode: string | null }[];
  close(): void;
}

/** Ten cameras CAM-0001…CAM-0010 at one workstation. */
export const CAMERA_IDS = Array.from({ length: 10 }, (_, i) => `CAM-${String(i + 1).padStart(4, '0')}`);

export async function wallHub(): Promise<WallHub> {
  const db = openDatabase(tempDir('cityops-wall-'));
  seedReferenceData(db);
  const clock = () => Date.now();
  const users = new UsersRepo(db);
  await bootstrapUsers(db, users, clock(), { demo: true });
  const auth = new AuthService(users, new SessionsRepo(db), clock, { sessionLifetimeMs: 3600_000 });
  const bus = new EventBus(auth);
  const cameras = new CamerasService(db, new OrgRepo(db), clock, { secretKey: randomBytes(32) });
  for (const id of CAMERA_IDS) {
    cameras.create({
      id,
      name: `测试 ${id}`,
      code: null,
      workstationId: 'HQ-W-HQ14',
      mainUrl: `http://127.0.0.1/${id}/main.m3u8`,
      subUrl: null,
      tags: [],
      enabled: true,
    });
  }
  const wall = createWallServices(db, cameras, clock);
  const handlers = { ...authHandlers(auth, bus), ...wallHandlers(wall) } as unknown as HandlerMap;
  const router = new Router({
    db,
    clock,
    auth,
    audit: new AuditRepo(db),
    bus,
    handlers,
    onInternalError: () => undefined,
  });
  const detachers = new Map<TestConnection, () => void>();
  let n = 0;

  const call = <M extends MethodName>(conn: TestConnection, method: M, input: MethodInput<M>) =>
    router.call(conn, method, input) as Promise<ApiResult<MethodOutput<M>>>;
  const ok = async <M extends MethodName>(conn: TestConnection, method: M, input: MethodInput<M>) => {
    const r = await call(conn, method, input);
    if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message.en}`);
    return r.value;
  };

  return {
    db,
    bus,
    wall,
    cameras,
    call,
    ok,
    connect: async (username, id = `conn-${username}-${++n}`) => {
      const conn = connection(id);
      const off = bus.attach(conn);
      // The lines main/hub.ts runs in `attach` (see the wall handlers' closeWallWindow).
      detachers.set(conn, () => {
        off();
        closeWallWindow(wall, bus, conn.id);
      });
      await ok(conn, 'auth.login', { username, password: DEMO_PASSWORD });
      return conn;
    },
    detach: (conn) => detachers.get(conn)?.(),
    audit: (method) =>
      db
        .prepare('SELECT target, summary, ok, error_code AS errorCode FROM audit_log WHERE method = ? ORDER BY id')
        .all(method) as { target: string | null; summary: string; ok: number; errorCode: string | null }[],
    close: () => db.close(),
  };
}

/** The payloads of `event` a connection received; forgets everything it received, so the next take sees only new events. */
export function take(conn: TestConnection, event: string): unknown[] {
  const got = conn.events.filter((e) => e.event === event).map((e) => e.payload);
  conn.events.length = 0;
  return got;
}
