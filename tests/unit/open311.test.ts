import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiResult, MethodName } from '../../common/contract';
import type { Connection } from '../../main/api/connection';
import { EventBus } from '../../main/api/event-bus';
import { apiKeyHandlers } from '../../main/api/handlers/apikey-handlers';
import { authHandlers } from '../../main/api/handlers/auth-handlers';
import type { HandlerMap } from '../../main/api/handler-types';
import { open311Handlers } from '../../main/api/handlers/open311-handlers';
import { Router } from '../../main/api/router';
import { Open311Repo } from '../../main/services/open311/open311-repo';
import { openDatabase, type Db } from '../../main/db/connection';
import { AuditRepo } from '../../main/services/audit/audit-repo';
import { AuthService } from '../../main/services/auth/auth-service';
import { SessionsRepo } from '../../main/services/auth/sessions-repo';
import { ApiKeysService } from '../../main/services/open311/api-keys';
import { xmlEscape } from '../../main/services/open311/formats';
import { isoShanghai } from '../../common/domain/time';
import { parseW3cDatetime } from '../../main/services/open311/params';
import { reporterName, titleOf } from '../../main/services/open311/requests';
import type { OrderActor } from '../../main/services/orders/actor';
import type { OrderRow } from '../../main/services/orders/order-rows';
import { OrdersService } from '../../main/services/orders/orders-service';
import type { SlaClock } from '../../main/services/orders/sla-port';
import { OrgRepo } from '../../main/services/org/org-repo';
import { seedReferenceData } from '../../main/services/org/seed';
import { bootstrapUsers, DEMO_PASSWORD } from '../../main/services/users/bootstrap';
import { UsersRepo } from '../../main/services/users/users-repo';
import { open311DepsFrom, type Open311Deps } from '../../main/shell-web/open311-routes';
import { startWebShell, type WebShell } from '../../main/shell-web/server';

// The hub is wired from these pieces directly (not openHub), so this test depends only on the
// services it exercises: database, reference data, orders, API keys, audit, router and event bus.

const START = Date.UTC(2026, 10, 26, 2, 0, 0); // 10:00 in Shanghai
const DAY = 24 * 3600_000;
let now = START;
const clock = () => now;

/** A plain SLA clock: one natural day per order. */
const sla: SlaClock = {
  start: (at) => ({ limitMinutes: 1440, mode: 'natural', warnAt: at + 0.8 * DAY, deadlineAt: at + DAY }),
  resume: (marks) => marks,
  extend: (marks) => marks,
  timeUsed: () => 0,
};

const CHIEF: OrderActor = { id: null, name: '测试值班长', roles: ['duty_chief'], orgUnitId: 'HQ-C', stationId: null };

let db: Db;
let shell: WebShell;
let base: string;
let router: Router;
let orders: OrdersService;
let deps: Open311Deps;
const errors: unknown[] = [];

function conn(id: string) {
  const events: { event: string; payload: unknown }[] = [];
  const c: Connection & { events: typeof events } = {
    id,
    token: null,
    events,
    push: (event, payload) => events.push({ event, payload }),
  };
  return c;
}

let admin: ReturnType<typeof conn>;
let chief: ReturnType<typeof conn>;
let station: ReturnType<typeof conn>;

async function rpc<T>(c: Connection, method: MethodName, input: unknown): Promise<T> {
  const result = (await router.call(c, method, input)) as ApiResult<T>;
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message.en}`);
  return result.value;
}

async function issueKey(name: string): Promise<{ key: { id: number; name: string; prefix: string }; secret: string }> {
  return rpc(admin, 'admin.apiKeys.create', { name });
}

beforeAll(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cityops-open311-'));
  db = openDatabase(dir);
  seedReferenceData(db);
  const users = new UsersRepo(db);
  await bootstrapUsers(db, users, now, { demo: true });
  const auth = new AuthService(users, new SessionsRepo(db), clock, { sessionLifetimeMs: 12 * 3600_000 });
  const bus = new EventBus(auth);
  const audit = new AuditRepo(db);
  const apiKeys = new ApiKeysService(db, clock);
  const org = new OrgRepo(db);
  orders = new OrdersService(db, org, sla, clock);
  router = new Router({
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
  admin = conn('admin');
  chief = conn('chief');
  station = conn('station');
  for (const [c, username] of [
    [admin, 'admin'],
    [chief, 'chief'],
    [station, 'station'],
  ] as const) {
    bus.attach(c);
    await rpc(c, 'auth.login', { username, password: DEMO_PASSWORD });
  }
  deps = open311DepsFrom(
    { db, router, services: { apiKeys, clock, org } },
    { onInternalError: (err) => errors.push(err) },
  );
  const staticDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cityops-static-'));
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>console</title>');
  shell = await startWebShell({
    hub: { call: () => Promise.reject(new Error('not used')), attach: () => () => undefined, close: () => undefined },
    host: '127.0.0.1',
    port: 0,
    staticDir,
    maxFrameBytes: 4096,
    open311: deps,
  });
  base = `http://127.0.0.1:${shell.port}/open311/v2`;
});

afterAll(async () => {
  await shell.close();
  db.close();
  expect(errors).toEqual([]);
});

const orderCount = () => (db.prepare('SELECT count(*) AS n FROM orders').get() as { n: number }).n;
const orderByCode = (code: string) =>
  db
    .prepare(
      `SELECT id, title, description, category_id AS categoryId, workstation_id AS workstationId, address, lat, lng,
              source, state, reporter_name AS reporterName, reporter_phone AS reporterPhone, urgency,
              response_level AS responseLevel, station_id AS stationId, deadline_at AS deadlineAt,
              created_at AS createdAt
       FROM orders WHERE code = ?`,
    )
    .get(code) as (Partial<OrderRow> & { id: number; description: string; deadlineAt: number }) | undefined;

function form(fields: Record<string, string>): URLSearchParams {
  return new URLSearchParams(fields);
}

async function postForm(fields: Record<string, string>, format = 'json') {
  return fetch(`${base}/requests.${format}`, { method: 'POST', body: form(fields) });
}

async function postJson(body: unknown, format = 'json') {
  return fetch(`${base}/requests.${format}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** Expects the spec's JSON error format with this status. */
async function expectError(res: Response, status: number, match?: RegExp): Promise<string> {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
  const body = (await res.json()) as { code: number; description: string }[];
  expect(body).toHaveLength(1);
  expect(body[0]?.code).toBe(status);
  expect(typeof body[0]?.description).toBe('string');
  if (match) expect(body[0]?.description).toMatch(match);
  return body[0]?.description ?? '';
}

type Req = Record<string, string | number | boolean | null>;

describe('Open311 helpers', () => {
  it('reads W3C datetimes, defaulting to Shanghai time', () => {
    expect(parseW3cDatetime('2026-11-26T10:00:00+08:00')).toBe(START);
    expect(parseW3cDatetime('2026-11-26T02:00:00Z')).toBe(START);
    expect(parseW3cDatetime('2026-11-26T10:00:00')).toBe(START);
    expect(parseW3cDatetime('2026-11-26T10:00:00 08:00')).toBe(START); // an unencoded + in a query
    expect(parseW3cDatetime('2026-11-26T04:00:00-0600')).toBe(Date.UTC(2026, 10, 26, 10));
    expect(parseW3cDatetime('2026-11-26')).toBe(Date.UTC(2026, 10, 25, 16));
    for (const bad of ['2026-02-30', '2026-13-01', 'yesterday', '2026-11-26T25:00:00', '']) {
      expect(parseW3cDatetime(bad), bad).toBeNull();
    }
    expect(isoShanghai(START)).toBe('2026-11-26T10:00:00+08:00');
  });

  it('escapes XML and drops characters XML cannot carry', () => {
    expect(xmlEscape(`a<b>&"c'\u0001\uFFFE\uD800d`)).toBe('a&lt;b&gt;&amp;&quot;c&apos;d');
  });

  it('names reporters and titles orders', () => {
    expect(reporterName('小明', '王')).toBe('王小明');
    expect(reporterName('Jane', 'Doe')).toBe('Jane Doe');
    expect(reporterName(undefined, '王')).toBe('王');
    expect(reporterName(undefined, undefined)).toBeNull();
    expect(titleOf('', '暴露垃圾')).toBe('暴露垃圾');
    expect(titleOf('路口垃圾堆积\n第二行', '暴露垃圾')).toBe('路口垃圾堆积');
    expect(titleOf('很'.repeat(60), '暴露垃圾')).toBe(`${'很'.repeat(39)}…`);
  });
});

describe('API keys (admin.apiKeys.*)', () => {
  it('issues a key shown once, stores only its hash, and keeps the secret out of the audit log', async () => {
    const { key, secret } = await issueKey('12345 热线对接');
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43,}$/);
    expect(key.prefix).toBe(secret.slice(0, 8));
    const row = db.prepare('SELECT * FROM api_keys WHERE id = ?').get(key.id) as Record<string, unknown>;
    expect(row.key_hash).toBe(createHash('sha256').update(secret).digest('hex'));
    expect(JSON.stringify(row)).not.toContain(secret);
    const auditRows = db.prepare("SELECT * FROM audit_log WHERE method LIKE 'admin.apiKeys.%'").all();
    expect(auditRows.length).toBeGreaterThan(0);
    expect(JSON.stringify(auditRows)).not.toContain(secret);
    expect(JSON.stringify(auditRows)).toContain('12345 热线对接');
    const listed = await rpc<{ id: number; name: string }[]>(admin, 'admin.apiKeys.list', {});
    expect(listed.map((k) => k.name)).toContain('12345 热线对接');
    expect(JSON.stringify(listed)).not.toContain(secret);
    // A second live key of the same name would make the audit trail ambiguous.
    const dup = await router.call(admin, 'admin.apiKeys.create', { name: '12345 热线对接' });
    expect(dup).toMatchObject({ ok: false, error: { code: 'E_CONFLICT' } });
    // Only admins manage keys.
    const denied = await router.call(chief, 'admin.apiKeys.create', { name: 'chief key' });
    expect(denied).toMatchObject({ ok: false, error: { code: 'E_FORBIDDEN' } });
    const missing = await router.call(admin, 'admin.apiKeys.revoke', { id: 99999 });
    expect(missing).toMatchObject({ ok: false, error: { code: 'E_NOT_FOUND' } });
  });
});

describe('GET services', () => {
  it('lists the level-2 and level-3 categories as services (JSON)', async () => {
    const res = await fetch(`${base}/services.json`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const services = (await res.json()) as Req[];
    const expected = db.prepare('SELECT id FROM categories WHERE level IN (2, 3) ORDER BY id').all() as {
      id: string;
    }[];
    expect(services.map((s) => s.service_code).sort()).toEqual(expected.map((c) => c.id));
    expect(services.find((s) => s.service_code === '01003')).toEqual({
      service_code: '01003',
      service_name: '暴露垃圾',
      description: '城市环境 › 暴露垃圾',
      metadata: false,
      type: 'realtime',
      keywords: '城市环境, 暴露垃圾, City environment',
      group: '城市环境',
    });
    const level3 = services.find((s) => s.service_code === '0101301');
    expect(level3).toMatchObject({ service_name: '树木', group: '城市环境' });
    expect(String(level3?.description)).toMatch(/^城市环境 › .+ › 树木$/);
    expect(services.some((s) => String(s.service_code).length === 2)).toBe(false);
  });

  it('lists them as XML too, and gives a (trivial) service definition', async () => {
    const res = await fetch(`${base}/services.xml`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/xml; charset=utf-8');
    const xml = await res.text();
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<services><service>')).toBe(true);
    expect(xml).toContain(
      '<service><service_code>01003</service_code><service_name>暴露垃圾</service_name><description>城市环境 › 暴露垃圾</description><metadata>false</metadata><type>realtime</type><keywords>城市环境, 暴露垃圾, City environment</keywords><group>城市环境</group></service>',
    );
    const count = (db.prepare('SELECT count(*) AS n FROM categories WHERE level IN (2, 3)').get() as { n: number }).n;
    expect(xml.match(/<service>/g)).toHaveLength(count);

    const def = await fetch(`${base}/services/01003.json`);
    expect(await def.json()).toEqual({ service_code: '01003', attributes: [] });
    const defXml = await (await fetch(`${base}/services/01003.xml`)).text();
    expect(defXml).toContain(
      '<service_definition><service_code>01003</service_code><attributes></attributes></service_definition>',
    );
    await expectError(await fetch(`${base}/services/01.json`), 404);
  });
});

describe('POST requests', () => {
  let secret: string;
  let keyName: string;
  beforeAll(async () => {
    ({ secret } = await issueKey('村居随手拍'));
    keyName = '村居随手拍';
  });

  it('creates an order in 待受理 from a form-encoded request (the spec)', async () => {
    for (const c of [admin, chief, station]) c.events.length = 0;
    now += 60_000;
    const res = await postForm({
      api_key: secret,
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
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const body = (await res.json()) as Req[];
    expect(body).toHaveLength(1);
    const code = String(body[0]?.service_request_id);
    expect(code).toMatch(/^HQ20261126-\d{4}$/);
    expect(body[0]).toEqual({
      service_request_id: code,
      service_notice: expect.stringContaining(code) as string,
      account_id: null,
    });

    const order = orderByCode(code);
    expect(order).toMatchObject({
      title: '路口有一堆垃圾无人清运',
      categoryId: '01003',
      source: 'open311',
      state: 'reported',
      lat: 31.2105,
      lng: 121.6852,
      address: '合庆镇 川沙路 100 号 <东门>',
      reporterName: '王小明',
      reporterPhone: '13800138000',
      urgency: 'normal',
      responseLevel: 'patrol',
      stationId: null,
      deadlineAt: now + DAY,
    });
    expect(order?.description).toContain('路口有一堆垃圾无人清运\n已经两天了');
    expect(order?.description).toContain('wang@example.cn');
    expect(order?.description).toContain('https://img.example.cn/1.jpg');
    expect(order?.description).not.toContain('13800138000');

    const history = db
      .prepare('SELECT actor_name AS actorName, action, to_state AS toState FROM order_history WHERE order_id = ?')
      .all(order?.id);
    expect(history).toEqual([{ actorName: `Open311:${keyName}`, action: 'create', toState: 'reported' }]);
    const auditRow = db
      .prepare("SELECT * FROM audit_log WHERE method = 'open311.requests.create' AND target = ?")
      .get(`order:${code}`) as Record<string, unknown> | undefined;
    expect(auditRow).toMatchObject({ actor_name: `open311:${keyName}`, actor_id: null, ok: 1 });
    expect(JSON.stringify(auditRow)).not.toContain(secret);
    const lastUsed = db.prepare('SELECT last_used_at AS t FROM api_keys WHERE name = ?').get(keyName) as { t: number };
    expect(lastUsed.t).toBe(now);

    // Center consoles refresh; the station does not see center orders; admins see the audit row.
    const changed = { event: 'orders.changed', payload: { id: order?.id, code, state: 'reported' } };
    expect(chief.events).toContainEqual(changed);
    expect(admin.events).toContainEqual(changed);
    expect(admin.events).toContainEqual({ event: 'audit.appended', payload: { id: auditRow?.id } });
    expect(station.events.some((e) => e.event === 'orders.changed')).toBe(false);
  });

  it('accepts a JSON body, a workstation by name, and answers in XML', async () => {
    now += 60_000;
    const res = await postJson(
      {
        api_key: secret,
        service_code: '0101301',
        workstation: '海塘村',
        lat: 31.2,
        long: 121.7,
        description: '树木倒伏 & 挡路',
      },
      'xml',
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/xml; charset=utf-8');
    const xml = await res.text();
    const m =
      /^<\?xml version="1.0" encoding="utf-8"\?>\n<service_requests><request><service_request_id>(HQ\d{8}-\d{4})<\/service_request_id><service_notice>[^<]+<\/service_notice><account_id><\/account_id><\/request><\/service_requests>\n$/.exec(
        xml,
      );
    expect(m, xml).not.toBeNull();
    const order = orderByCode(m?.[1] ?? '');
    expect(order).toMatchObject({
      workstationId: 'HQ-W-CL02',
      categoryId: '0101301',
      state: 'reported',
      source: 'open311',
      lat: 31.2,
    });
    expect(order?.description).toBe('树木倒伏 & 挡路');
  });

  it('takes the key from the query string too, the body winning over it', async () => {
    now += 60_000;
    const inQuery = await fetch(`${base}/requests.json?api_key=${encodeURIComponent(secret)}`, {
      method: 'POST',
      body: form({ service_code: '01003', address_string: '川沙路 9 号' }),
    });
    expect(inQuery.status).toBe(200);
    const overridden = await fetch(`${base}/requests.json?api_key=${encodeURIComponent(secret)}`, {
      method: 'POST',
      body: form({ api_key: 'wrong', service_code: '01003', address_string: '川沙路 9 号' }),
    });
    await expectError(overridden, 403);
  });

  it('refuses a missing, unknown or revoked key with 403 in the error format', async () => {
    const before = orderCount();
    await expectError(await postForm({ service_code: '01003', address_string: '川沙路' }), 403, /api_key/);
    await expectError(await postForm({ api_key: 'not-a-key', service_code: '01003', address_string: '川沙路' }), 403);
    await expectError(
      await postForm({ api_key: secret.slice(0, -1), service_code: '01003', address_string: '川沙路' }),
      403,
    );
    const xmlRes = await postForm({ api_key: 'nope', service_code: '01003', address_string: '川沙路' }, 'xml');
    expect(xmlRes.status).toBe(403);
    expect(xmlRes.headers.get('content-type')).toBe('text/xml; charset=utf-8');
    expect(await xmlRes.text()).toMatch(
      /^<\?xml version="1.0" encoding="utf-8"\?>\n<errors><error><code>403<\/code><description>[^<]+<\/description><\/error><\/errors>\n$/,
    );

    const { key, secret: doomed } = await issueKey('即将吊销');
    now += 60_000;
    const ok = await postForm({ api_key: doomed, service_code: '01003', address_string: '川沙路 1 号' });
    expect(ok.status).toBe(200);
    await rpc(admin, 'admin.apiKeys.revoke', { id: key.id });
    const revoked = await rpc<{ revokedAt: number | null }[]>(admin, 'admin.apiKeys.list', {});
    expect(revoked.some((k) => k.revokedAt !== null)).toBe(true);
    await expectError(await postForm({ api_key: doomed, service_code: '01003', address_string: '川沙路 1 号' }), 403);
    // The name of a revoked key is free again; the new key is a different secret.
    const again = await issueKey('即将吊销');
    expect(again.secret).not.toBe(doomed);
    expect(orderCount()).toBe(before + 1);
  });

  it('files through the router: a refused request with a valid key leaves its own audit row', async () => {
    const auditRows = () =>
      db
        .prepare("SELECT * FROM audit_log WHERE method = 'open311.requests.create' AND ok = 0 ORDER BY id")
        .all() as Record<string, unknown>[];
    const before = auditRows().length;
    admin.events.length = 0;
    await expectError(
      await postForm({ api_key: secret, service_code: '99999', address_string: '川沙路' }),
      400,
      /99999/,
    );
    await expectError(
      await postForm({ api_key: secret, service_code: '01003', address_string: '川沙路\u0007' }),
      400,
      /address_string/,
    );
    const rows = auditRows().slice(before);
    expect(rows.map((r) => [r.actor_name, r.actor_id, r.error_code])).toEqual([
      [`open311:${keyName}`, null, 'E_INVALID'],
      [`open311:${keyName}`, null, 'E_INVALID'],
    ]);
    expect(JSON.stringify(rows)).not.toContain(secret);
    expect(admin.events.filter((e) => e.event === 'audit.appended')).toHaveLength(2);
    // A call without a valid key names nobody: refused before the router, no row.
    await expectError(await postForm({ api_key: 'not-a-key', service_code: '99999', address_string: '川沙路' }), 403);
    expect(auditRows()).toHaveLength(before + 2);
  });

  it('a key opens only its own method, and no console user may call it', async () => {
    const keyed: Connection = {
      id: 'k',
      token: null,
      push: () => undefined,
      apiKey: { id: 1, name: keyName, actorName: `open311:${keyName}` },
    };
    const asKey = await router.call(keyed, 'orders.list', {});
    expect(asKey).toMatchObject({ ok: false, error: { code: 'E_FORBIDDEN' } });
    const fields = { service_code: '01003', address_string: '川沙路' };
    expect(await router.call(chief, 'open311.requests.create', fields)).toMatchObject({
      ok: false,
      error: { code: 'E_FORBIDDEN' },
    });
    expect(await router.call(conn('nobody'), 'open311.requests.create', fields)).toMatchObject({
      ok: false,
      error: { code: 'E_UNAUTHENTICATED' },
    });
    // The secret never travels as a field: the endpoint strips it, the contract refuses it.
    const withSecret = await router.call(keyed, 'open311.requests.create', { ...fields, api_key: secret });
    expect(withSecret).toMatchObject({ ok: false, error: { code: 'E_INVALID' } });
  });

  it('answers malformed and invalid requests with 400 and creates nothing', async () => {
    const before = orderCount();
    const cases: [string, Promise<Response>, RegExp?][] = [
      ['broken JSON', postJson('{"api_key": "x", '), /JSON/],
      ['JSON array', postJson([{ api_key: secret }]), /object/],
      ['missing service_code', postForm({ api_key: secret, address_string: '川沙路' }), /service_code/],
      ['unknown service_code', postForm({ api_key: secret, service_code: '99999', address_string: '川沙路' }), /99999/],
      [
        'a domain is not a service',
        postForm({ api_key: secret, service_code: '01', address_string: '川沙路' }),
        /service_code/,
      ],
      ['no location', postForm({ api_key: secret, service_code: '01003', description: '垃圾' }), /location/],
      ['lat without long', postForm({ api_key: secret, service_code: '01003', lat: '31.2' }), /long/],
      ['lat out of range', postForm({ api_key: secret, service_code: '01003', lat: '91', long: '121' }), /lat/],
      ['lat not a number', postForm({ api_key: secret, service_code: '01003', lat: '0x1f', long: '121' }), /lat/],
      [
        'unknown workstation',
        postForm({ api_key: secret, service_code: '01003', workstation: '不存在村' }),
        /workstation/,
      ],
      [
        'bad phone',
        postForm({ api_key: secret, service_code: '01003', address_string: '川沙路', phone: 'call me' }),
        /phone/,
      ],
      [
        'media_url not http',
        postForm({
          api_key: secret,
          service_code: '01003',
          address_string: '川沙路',
          media_url: 'javascript:alert(1)',
        }),
        /media_url/,
      ],
      [
        'non-scalar field',
        postJson({ api_key: secret, service_code: { id: '01003' }, address_string: '川沙路' }),
        /service_code/,
      ],
      [
        'a NUL in the description (would reach SQLite)',
        postForm({ api_key: secret, service_code: '01003', address_string: '川沙路', description: '\u0000垃圾' }),
        /description/,
      ],
      [
        'control characters in the address (JSON)',
        postJson({ api_key: secret, service_code: '01003', address_string: '川沙路\u001b[2J' }),
        /address_string/,
      ],
      [
        'description too long',
        postForm({ api_key: secret, service_code: '01003', address_string: '川沙路', description: 'x'.repeat(4001) }),
        /description/,
      ],
    ];
    for (const [name, res, match] of cases) {
      const description = await expectError(await res, 400, match).catch((err: unknown) => {
        throw new Error(`${name}: ${String(err)}`);
      });
      expect(description, name).not.toBe('');
    }
    const invalidUtf8 = await fetch(`${base}/requests.json`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: Buffer.from([0x61, 0x3d, 0xff, 0xfe]),
    });
    await expectError(invalidUtf8, 400, /UTF-8/);
    const wrongType = await fetch(`${base}/requests.json`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: `api_key=${secret}&service_code=01003&address_string=x`,
    });
    await expectError(wrongType, 415);
    expect(orderCount()).toBe(before);
  });

  it('refuses an oversize body with 413 in the error format', async () => {
    const before = orderCount();
    const big = await postForm({
      api_key: secret,
      service_code: '01003',
      address_string: 'x',
      description: '垃'.repeat(30_000),
    });
    await expectError(big, 413);
    // The same without a Content-Length (chunked): read up to the limit, then refused.
    const chunked = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port: shell.port,
          path: '/open311/v2/requests.json',
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
        },
        (res) => {
          let body = '';
          res.on('data', (d: Buffer) => (body += d.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        },
      );
      req.on('error', reject);
      req.write(`api_key=${secret}&service_code=01003&address_string=x&description=`);
      for (let i = 0; i < 80; i++) req.write('a'.repeat(1024));
      req.end();
    });
    expect(chunked.status).toBe(413);
    // Far too large (declared): refused without reading it all.
    const huge = await fetch(`${base}/requests.json`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'a'.repeat(4 * 1024 * 1024),
    });
    await expectError(huge, 413);
    expect(JSON.parse(chunked.body)).toEqual([{ code: 413, description: expect.stringContaining('65536') as string }]);
    expect(orderCount()).toBe(before);
  });
});

describe('GET requests', () => {
  let secret: string;
  const codes: string[] = [];
  /** An order taken on the hotline (not filed through Open311): only key holders may read it. */
  let hotlineCode: string;
  beforeAll(async () => {
    ({ secret } = await issueKey('查询测试'));
    now += 60_000;
    hotlineCode = db.transaction(
      () =>
        orders.create(
          {
            title: '热线来电：楼道堆物',
            description: '居民来电反映楼道堆物',
            categoryId: '01003',
            workstationId: null,
            address: '川沙路 50 号',
            lat: null,
            lng: null,
            source: 'hotline',
            reporterName: '李四',
            reporterPhone: '13900139000',
            urgency: 'normal',
            responseLevel: 'patrol',
            cameraId: null,
            attachmentIds: [],
            acceptNow: false,
          },
          CHIEF,
        ).code,
    )();
    for (const [i, description] of ['第一件：井盖缺失', '第二件：路灯不亮', '第三件：占道经营'].entries()) {
      now += 60_000;
      const res = await postForm({
        api_key: secret,
        service_code: i === 1 ? '02002' : '01003',
        address_string: `川沙路 ${i + 1} 号`,
        description,
        email: 'someone@example.cn',
      });
      const [created] = (await res.json()) as Req[];
      codes.push(String(created?.service_request_id));
    }
  });

  it('refuses a key that is given but unknown or revoked (403), in lists and single reads', async () => {
    await expectError(await fetch(`${base}/requests.json?api_key=wrong`), 403, /api_key/);
    await expectError(await fetch(`${base}/requests/${codes[0] ?? ''}.json?api_key=wrong`), 403);
    await expectError(await fetch(`${base}/requests.json?api_key=${'k'.repeat(5000)}`), 403);
    await expectError(await fetch(`${base}/requests.json?api_key=%00`), 403);
    const { key, secret: doomed } = await issueKey('只读后吊销');
    expect((await fetch(`${base}/requests.json?api_key=${encodeURIComponent(doomed)}`)).status).toBe(200);
    await rpc(admin, 'admin.apiKeys.revoke', { id: key.id });
    await expectError(await fetch(`${base}/requests.json?api_key=${encodeURIComponent(doomed)}`), 403);
    await expectError(await fetch(`${base}/requests/${hotlineCode}.json?api_key=${encodeURIComponent(doomed)}`), 403);
  });

  it('lists requests newest first with the spec fields (JSON)', async () => {
    const res = await fetch(`${base}/requests.json?api_key=${encodeURIComponent(secret)}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const list = (await res.json()) as Req[];
    expect(list.length).toBe(orderCount());
    const times = list.map((r) => String(r.requested_datetime));
    expect([...times].sort().reverse()).toEqual(times);
    expect(list.slice(0, 3).map((r) => r.service_request_id)).toEqual([...codes].reverse());
    const third = list[0];
    const order = orderByCode(codes[2] ?? '');
    expect(third).toEqual({
      service_request_id: codes[2],
      status: 'open',
      status_notes: '待受理',
      service_name: '暴露垃圾',
      service_code: '01003',
      description: '第三件：占道经营',
      agency_responsible: '合庆镇城市运行综合管理中心',
      service_notice: null,
      requested_datetime: isoShanghai(order?.createdAt ?? 0),
      updated_datetime: isoShanghai(order?.createdAt ?? 0),
      expected_datetime: isoShanghai(order?.deadlineAt ?? 0),
      address: '川沙路 3 号',
      address_id: null,
      zipcode: null,
      lat: null,
      long: null,
      media_url: null,
    });
    expect(String(third?.requested_datetime)).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/);
    // Contact details stay inside the center.
    expect(JSON.stringify(list)).not.toContain('example.cn');
    expect(JSON.stringify(list)).not.toContain('13800138000');
  });

  it('answers one request by id, in JSON and XML, and 404 for an unknown one', async () => {
    const one = (await (
      await fetch(`${base}/requests/${codes[1]}.json?api_key=${encodeURIComponent(secret)}`)
    ).json()) as Req[];
    expect(one).toHaveLength(1);
    expect(one[0]).toMatchObject({ service_request_id: codes[1], service_code: '02002', status: 'open' });
    const xmlRes = await fetch(`${base}/requests/${codes[1]}.xml?api_key=${encodeURIComponent(secret)}`);
    expect(xmlRes.headers.get('content-type')).toBe('text/xml; charset=utf-8');
    const xml = await xmlRes.text();
    expect(xml).toContain(
      `<service_requests><request><service_request_id>${codes[1]}</service_request_id><status>open</status>`,
    );
    expect(xml).toContain('<address_id></address_id>');
    expect(xml).toContain('<lat></lat><long></long><media_url></media_url></request></service_requests>');
    const listXml = await (await fetch(`${base}/requests.xml?api_key=${encodeURIComponent(secret)}`)).text();
    expect(listXml.match(/<request>/g)).toHaveLength(orderCount());
    // Text of the reporter is escaped, never markup.
    expect(listXml).toContain('<address>合庆镇 川沙路 100 号 &lt;东门&gt;</address>');
    expect(listXml).toContain('<description>树木倒伏 &amp; 挡路</description>');
    await expectError(await fetch(`${base}/requests/HQ20000101-0001.json?api_key=${encodeURIComponent(secret)}`), 404);
  });

  it('maps order states to open/closed with status notes and the agency responsible', async () => {
    const [first, second, third] = codes.map((c) => orderByCode(c)?.id ?? 0) as [number, number, number];
    db.transaction(() => orders.act({ id: first, action: 'void', reason: '重复报件', attachmentIds: [] }, CHIEF))();
    const steps = [
      { action: 'accept' },
      { action: 'file' },
      { action: 'dispatch', handler: { kind: 'department', id: 'DEP-GA' } },
      { action: 'receive' },
      { action: 'complete' },
      { action: 'verify_pass' },
    ] as const;
    for (const step of steps) {
      now += 60_000;
      db.transaction(() => orders.act({ id: second, attachmentIds: [], ...step }, CHIEF))();
    }
    const handling = (await (
      await fetch(`${base}/requests/${codes[1]}.json?api_key=${encodeURIComponent(secret)}`)
    ).json()) as Req[];
    expect(handling[0]).toMatchObject({ status: 'open', status_notes: '待结案', agency_responsible: '公安' });
    now += 60_000;
    db.transaction(() => orders.act({ id: second, action: 'close', reason: '已修复', attachmentIds: [] }, CHIEF))();
    db.transaction(() => orders.act({ id: third, action: 'merge', parentId: second, attachmentIds: [] }, CHIEF))();

    const get = async (query: string) =>
      (await (await fetch(`${base}/requests.json?api_key=${encodeURIComponent(secret)}&${query}`)).json()) as Req[];
    const byId = await get(`service_request_id=${codes.join(',')}`);
    const byCode = new Map(byId.map((r) => [r.service_request_id, r]));
    expect(byCode.get(codes[0])).toMatchObject({ status: 'closed', status_notes: '已作废：重复报件' });
    expect(byCode.get(codes[1])).toMatchObject({
      status: 'closed',
      status_notes: '已结案：已修复',
      agency_responsible: '公安',
      updated_datetime: isoShanghai(now),
    });
    expect(byCode.get(codes[2])).toMatchObject({ status: 'closed', status_notes: `已合并（并入工单 ${codes[1]}）` });

    const closed = await get('status=closed');
    expect(closed.map((r) => r.service_request_id).sort()).toEqual([...codes].sort());
    const open = await get('status=open');
    expect(open.every((r) => r.status === 'open')).toBe(true);
    expect(open.length + closed.length).toBe(orderCount());
    expect((await get('status=open,closed')).length).toBe(orderCount());
    const bySc = await get('service_code=02002');
    expect(bySc.map((r) => r.service_request_id)).toEqual([codes[1]]);
  });

  it('filters by date window and refuses bad filters with 400', async () => {
    const get = (query: string) => fetch(`${base}/requests.json?api_key=${encodeURIComponent(secret)}&${query}`);
    const future = await get(`start_date=${encodeURIComponent(isoShanghai(now + 3600_000))}`);
    expect(await future.json()).toEqual([]);
    const latest = orderByCode(codes[2] ?? '');
    const exact = await get(
      `start_date=${encodeURIComponent(isoShanghai(latest?.createdAt ?? 0))}&end_date=${encodeURIComponent(isoShanghai(latest?.createdAt ?? 0))}`,
    );
    expect(((await exact.json()) as Req[]).map((r) => r.service_request_id)).toEqual([codes[2]]);
    // A bare end_date includes its whole day (Shanghai time).
    const today = await get('start_date=2026-11-26&end_date=2026-11-26');
    expect(((await today.json()) as Req[]).length).toBe(orderCount());
    const yesterday = await get('end_date=2026-11-25');
    expect(await yesterday.json()).toEqual([]);
    // Outside the default window of 90 days nothing is listed.
    now += 91 * DAY;
    expect(await (await get('')).json()).toEqual([]);
    expect(((await (await get(`service_request_id=${codes[0]}`)).json()) as Req[]).length).toBe(1);
    now -= 91 * DAY;
    await expectError(await get('start_date=2026-01-01&end_date=2026-11-26'), 400, /90/);
    await expectError(await get('start_date=2026-11-27&end_date=2026-11-26'), 400, /start_date/);
    await expectError(await get('start_date=yesterday'), 400, /start_date/);
    await expectError(await get('status=pending'), 400, /status/);
  });
});

describe('GET requests without a key (GeoReport v2 leaves reads open)', () => {
  let secret: string;
  const sourceOf = (code: unknown) =>
    (db.prepare('SELECT source FROM orders WHERE code = ?').get(String(code)) as { source: string } | undefined)
      ?.source;
  const open311Codes = () =>
    (db.prepare("SELECT code FROM orders WHERE source = 'open311'").all() as { code: string }[]).map((r) => r.code);
  const otherCodes = () =>
    (db.prepare("SELECT code FROM orders WHERE source <> 'open311'").all() as { code: string }[]).map((r) => r.code);
  const read = async (pathAndQuery: string) => {
    const res = await fetch(`${base}/${pathAndQuery}`);
    expect(res.status, pathAndQuery).toBe(200);
    return (await res.json()) as Req[];
  };
  beforeAll(async () => {
    ({ secret } = await issueKey('公开读对照'));
  });

  it('lists only requests filed through Open311, with the same fields as a key holder sees', async () => {
    const others = otherCodes();
    expect(others.length).toBeGreaterThan(0);
    const open = await read('requests.json');
    expect(open.map((r) => r.service_request_id).sort()).toEqual(open311Codes().sort());
    expect(open.every((r) => sourceOf(r.service_request_id) === 'open311')).toBe(true);
    // A blank key is no key (clients that send an empty api_key= read as the public).
    expect(await read('requests.json?api_key=')).toEqual(open);
    const keyed = await read(`requests.json?api_key=${encodeURIComponent(secret)}`);
    expect(keyed.length).toBe(orderCount());
    expect(keyed.map((r) => r.service_request_id)).toEqual(expect.arrayContaining(others));
    const keyedById = new Map(keyed.map((r) => [r.service_request_id, r]));
    for (const r of open) {
      const k = keyedById.get(r.service_request_id);
      expect(Object.keys(r)).toEqual(Object.keys(k ?? {}));
      expect({ ...r, status_notes: null }).toEqual({ ...k, status_notes: null });
    }
    // Asking for another order by its code does not reveal it, in the list or alone.
    const named = await read(`requests.json?service_request_id=${others.join(',')},${open311Codes()[0] ?? ''}`);
    expect(named.map((r) => r.service_request_id)).toEqual([open311Codes()[0]]);
    for (const code of others) {
      await expectError(await fetch(`${base}/requests/${code}.json`), 404);
      expect((await read(`requests/${code}.json?api_key=${encodeURIComponent(secret)}`)).length).toBe(1);
    }
  });

  it('never shows the reporter or the notes of the center staff', async () => {
    const everything =
      JSON.stringify(await read('requests.json')) + (await (await fetch(`${base}/requests.xml`)).text());
    for (const hidden of ['小明', '王小明', '13800138000', '李四', '13900139000', 'example.cn', '—— Open311 ——']) {
      expect(everything).not.toContain(hidden);
    }
    // The reasons staff gave (void, close) and the parent of a merge are for key holders only.
    const keyedNotes = JSON.stringify(await read(`requests.json?api_key=${encodeURIComponent(secret)}`));
    for (const note of ['重复报件', '已修复', '并入工单']) {
      expect(keyedNotes).toContain(note);
      expect(everything).not.toContain(note);
    }
    const notes = new Set((await read('requests.json')).map((r) => r.status_notes));
    expect([...notes]).toEqual(expect.arrayContaining(['已作废', '已结案', '已合并']));
    const xml = await (await fetch(`${base}/requests/${open311Codes()[0] ?? ''}.xml`)).text();
    expect(xml).toContain(`<service_requests><request><service_request_id>${open311Codes()[0] ?? ''}`);
  });

  it('answers hostile query text with a GeoReport error, never a 500', async () => {
    const huge = 'A'.repeat(10_000);
    const refused: [string, RegExp][] = [
      [`requests.json?service_request_id=${huge}`, /service_request_id/],
      [`requests.json?service_code=${huge}`, /service_code/],
      [`requests.json?status=${'open,'.repeat(2000)}`, /status/],
      ['requests.json?service_code=%00', /service_code/],
      ['requests.json?service_request_id=HQ%0D%0A%1B', /service_request_id/],
      ['requests.json?status=open%00', /status/],
      ['requests.json?start_date=2026-11-26%00', /start_date/],
      ['requests.json?start_date=2026-02-30', /start_date/],
      ['requests.json?end_date=-1', /end_date/],
      ["requests.json?status=open'%20OR%20'1'='1", /status/],
      ["requests.json?service_code=01003')%20OR%20('1'='1", /service_code/],
      ['requests/%E0%A4%A.json', /id/],
    ];
    for (const [query, match] of refused) {
      for (const key of ['', `&api_key=${encodeURIComponent(secret)}`]) {
        const url = `${base}/${query}${query.includes('?') ? key : key.replace('&', '?')}`;
        await expectError(await fetch(url), 400, match).catch((err: unknown) => {
          throw new Error(`${query}${key ? ' (keyed)' : ''}: ${String(err)}`);
        });
      }
    }
    // SQL-looking text is only ever a value: it matches nothing.
    expect(await read("requests.json?service_request_id='%20OR%20'1'='1")).toEqual([]);
    expect(await read('requests.json?service_code=01003%27--')).toEqual([]);
    expect(await read('requests.json?service_request_id=1);DROP%20TABLE%20orders;--')).toEqual([]);
    await expectError(await fetch(`${base}/requests/'%20OR%201=1--.json`), 404);
    await expectError(await fetch(`${base}/requests/%00.json`), 404);
    await expectError(await fetch(`${base}/requests/${'9'.repeat(5000)}.xml`).then(asJsonError), 404);
    // Many odd parameter names are ignored, not fatal.
    const many = Array.from({ length: 500 }, (_, i) => `p${i}%00=${i}`).join('&');
    expect((await read(`requests.json?${many}&__proto__=1&constructor=x`)).length).toBe(open311Codes().length);
    // A request line past the server's header limit is refused by HTTP itself, still not a 500.
    const tooLong = await fetch(`${base}/requests.json?x=${'y'.repeat(64 * 1024)}`);
    expect(tooLong.status).toBeGreaterThanOrEqual(400);
    expect(tooLong.status).toBeLessThan(500);
    expect(orderCount()).toBeGreaterThan(0);
  });
});

/** An XML error answer re-read as the JSON one, so expectError can check it. */
async function asJsonError(res: Response): Promise<Response> {
  const xml = await res.text();
  const code = /<code>(\d+)<\/code>/.exec(xml)?.[1];
  const description = /<description>([^<]*)<\/description>/.exec(xml)?.[1];
  return new Response(JSON.stringify([{ code: Number(code), description }]), {
    status: res.status,
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
}

describe('routing', () => {
  it('answers unknown endpoints and methods in the error format and leaves other paths alone', async () => {
    await expectError(await fetch(`${base}/nothing.json`), 404);
    await expectError(await fetch(`${base}/services`), 404);
    const xml404 = await fetch(`${base}/nothing.xml`);
    expect(xml404.status).toBe(404);
    expect(await xml404.text()).toContain('<errors><error><code>404</code>');
    const del = await fetch(`${base}/requests.json`, { method: 'DELETE' });
    expect(del.headers.get('allow')).toBe('GET, HEAD, POST');
    await expectError(del, 405);
    await expectError(await fetch(`${base}/services.json`, { method: 'POST', body: 'x=1' }), 405);
    const root = `http://127.0.0.1:${shell.port}`;
    expect(await (await fetch(`${root}/`)).text()).toContain('console');
    expect((await fetch(`${root}/`, { method: 'POST' })).status).toBe(405);
    expect((await fetch(`${root}/open311x/v2/services.json`)).headers.get('content-type')).not.toContain('json');
  });
});
