/**
 * The Open311 tests' fixture (open311*.test.ts): a hub wired from its pieces directly (not openHub), so these tests
 * depend only on the services they exercise: database, reference data, orders, API keys, audit, router and event
 * bus; the web shell serving /open311/v2 over them; and one hand-moved clock (advance()) shared by all of them.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import type { ApiResult, MethodName } from '../../common/contract';
import type { Connection } from '../../main/api/connection';
import { EventBus } from '../../main/api/event-bus';
import { apiKeyHandlers } from '../../main/api/handlers/apikey-handlers';
import { authHandlers } from '../../main/api/handlers/auth-handlers';
import type { HandlerMap } from '../../main/api/handler-types';
import { open311Handlers } from '../../main/api/handlers/open311-handlers';
import { Router } from '../../main/api/router';
import { openDatabase, type Db } from '../../main/db/connection';
import { AuditRepo } from '../../main/services/audit/audit-repo';
import { AuthService } from '../../main/services/auth/auth-service';
import { SessionsRepo } from '../../main/services/auth/sessions-repo';
import { ApiKeysService } from '../../main/services/open311/api-keys';
import { Open311Repo } from '../../main/services/open311/open311-repo';
import type { OrderActor } from '../../main/services/orders/actor';
import type { OrderRow } from '../../main/services/orders/order-rows';
import { OrdersService } from '../../main/services/orders/orders-service';
import type { SlaClock } from '../../main/services/orders/sla-port';
import { OrgRepo } from '../../main/services/org/org-repo';
import { seedReferenceData } from '../../main/services/org/seed';
import { bootstrapUsers, DEMO_PASSWORD } from '../../main/services/users/bootstrap';
import { UsersRepo } from '../../main/services/users/users-repo';
import { open311DepsFrom } from '../../main/shell-web/open311-routes';
import { startWebShell, type WebShell } from '../../main/shell-web/server';
import { connection, type TestConnection } from './test-env';

export const START = Date.UTC(2026, 10, 26, 2, 0, 0); // 10:00 in Shanghai
export const DAY = 24 * 3600_000;

/** A plain SLA clock: one natural day per order. */
const sla: SlaClock = {
  start: (at) => ({ limitMinutes: 1440, mode: 'natural', warnAt: at + 0.8 * DAY, deadlineAt: at + DAY }),
  resume: (marks) => marks,
  extend: (marks) => marks,
  timeUsed: () => 0,
};

export const CHIEF: OrderActor = {
  id: null,
  name: '测试值班长',
  roles: ['duty_chief'],
  orgUnitId: 'HQ-C',
  stationId: null,
};

export function form(fields: Record<string, string>): URLSearchParams {
  return new URLSearchParams(fields);
}

/** One answer of the GeoReport API, as JSON. */
export type Req = Record<string, string | number | boolean | null>;

/** A request as the spec shows it (form-encoded, every optional field) and one as JSON, without their key. */
export const SPEC_REQUEST = {
  service_code: '01003',
  lat: '31.2105',
  long: '121.6852',
  address_string: '合庆镇 川沙路 100 号 <东门>',
  description: '路口有一堆垃圾无人清运\n已经两天了',
  first_name: '小明',
  last_name: '王',
  phone: '13800138000',
  email: 'wang@example.cn',
  media_url: 'https://img.example.cn/1.jpg',
};
export const JSON_REQUEST = {
  service_code: '0101301',
  workstation: '海塘村',
  lat: 31.2,
  long: 121.7,
  description: '树木倒伏 & 挡路',
};

export interface Open311Fixture {
  db: Db;
  router: Router;
  orders: OrdersService;
  shell: WebShell;
  /** http://127.0.0.1:<port>/open311/v2 */
  base: string;
  admin: TestConnection;
  chief: TestConnection;
  station: TestConnection;
  /** The hub's time; advance() moves it (back too, with a negative step). */
  now: () => number;
  advance: (ms: number) => void;
  rpc: <T>(c: Connection, method: MethodName, input: unknown) => Promise<T>;
  issueKey: (name: string) => Promise<{ key: { id: number; name: string; prefix: string }; secret: string }>;
  orderCount: () => number;
  orderByCode: (
    code: string,
  ) => (Partial<OrderRow> & { id: number; description: string; deadlineAt: number }) | undefined;
  postForm: (fields: Record<string, string>, format?: string) => Promise<Response>;
  postJson: (body: unknown, format?: string) => Promise<Response>;
}

/** Starts the fixture before the file's first test and stops it after the last; no internal error may occur. */
export function useOpen311(): Open311Fixture {
  const errors: unknown[] = [];
  const f = {} as Open311Fixture;
  beforeAll(async () => Object.assign(f, await start(errors)));
  afterAll(async () => {
    await f.shell.close();
    f.db.close();
    expect(errors).toEqual([]);
  });
  return f;
}

async function start(errors: unknown[]): Promise<Open311Fixture> {
  let now = START;
  const clock = () => now;
  const db = openDatabase(fs.mkdtempSync(path.join(os.tmpdir(), 'cityops-open311-')));
  seedReferenceData(db);
  const users = new UsersRepo(db);
  await bootstrapUsers(db, users, now, { demo: true });
  const auth = new AuthService(users, new SessionsRepo(db), clock, { sessionLifetimeMs: 12 * 3600_000 });
  const bus = new EventBus(auth);
  const audit = new AuditRepo(db);
  const apiKeys = new ApiKeysService(db, clock);
  const org = new OrgRepo(db);
  const orders = new OrdersService(db, org, sla, clock);
  const router = new Router({
    db,
    clock,
    auth,
    audit,
    bus,
    handlers: {
      ...authHandlers(auth, bus),
      ...apiKeyHandlers(apiKeys),
      ...open311Handlers({ orders, repo: new Open311Repo(db), org }),
    } as unknown as HandlerMap,
    onInternalError: (_m, err) => errors.push(err),
  });
  const rpc = async <T>(c: Connection, method: MethodName, input: unknown): Promise<T> => {
    const result = (await router.call(c, method, input)) as ApiResult<T>;
    if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message.en}`);
    return result.value;
  };
  const [admin, chief, station] = [connection('admin'), connection('chief'), connection('station')];
  for (const c of [admin, chief, station]) {
    bus.attach(c);
    await rpc(c, 'auth.login', { username: c.id, password: DEMO_PASSWORD });
  }
  const deps = open311DepsFrom(
    { db, call: (conn, method, input) => router.call(conn, method, input), services: { apiKeys, clock, org } },
    { onInternalError: (err) => errors.push(err) },
  );
  const staticDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cityops-static-'));
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>console</title>');
  const shell = await startWebShell({
    hub: { call: () => Promise.reject(new Error('not used')), attach: () => () => undefined, close: () => undefined },
    host: '127.0.0.1',
    port: 0,
    staticDir,
    maxFrameBytes: 4096,
    open311: deps,
  });
  const base = `http://127.0.0.1:${shell.port}/open311/v2`;
  return {
    db,
    router,
    orders,
    shell,
    base,
    admin,
    chief,
    station,
    now: clock,
    advance: (ms) => {
      now += ms;
    },
    rpc,
    issueKey: (name) => rpc(admin, 'admin.apiKeys.create', { name }),
    orderCount: () => (db.prepare('SELECT count(*) AS n FROM orders').get() as { n: number }).n,
    orderByCode: (code) =>
      db
        .prepare(
          `SELECT id, title, description, category_id AS categoryId, workstation_id AS workstationId, address, lat, lng,
                  source, state, reporter_name AS reporterName, reporter_phone AS reporterPhone, urgency,
                  response_level AS responseLevel, station_id AS stationId, deadline_at AS deadlineAt,
                  created_at AS createdAt
           FROM orders WHERE code = ?`,
        )
        .get(code) as ReturnType<Open311Fixture['orderByCode']>,
    postForm: (fields, format = 'json') => fetch(`${base}/requests.${format}`, { method: 'POST', body: form(fields) }),
    postJson: (body, format = 'json') =>
      fetch(`${base}/requests.${format}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
  };
}

/** Expects the spec's JSON error format with this status. */
export async function expectError(res: Response, status: number, match?: RegExp): Promise<string> {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
  const body = (await res.json()) as { code: number; description: string }[];
  expect(body).toHaveLength(1);
  expect(body[0]?.code).toBe(status);
  expect(typeof body[0]?.description).toBe('string');
  if (match) expect(body[0]?.description).toMatch(match);
  return body[0]?.description ?? '';
}

/** An XML error answer re-read as the JSON one, so expectError can check it. */
export async function asJsonError(res: Response): Promise<Response> {
  const xml = await res.text();
  const code = /<code>(\d+)<\/code>/.exec(xml)?.[1];
  const description = /<description>([^<]*)<\/description>/.exec(xml)?.[1];
  return new Response(JSON.stringify([{ code: Number(code), description }]), {
    status: res.status,
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
}
