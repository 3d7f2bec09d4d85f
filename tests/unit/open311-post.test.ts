import http from 'node:http';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from '../../main/api/connection';
import { connection } from '../helpers/test-env';
import { DAY, expectError, form, JSON_REQUEST, SPEC_REQUEST, useOpen311, type Req } from '../helpers/open311-fixture';

// Open311 (GeoReport v2) POST requests: an order filed through the router with the key's name, or a refusal in the
// spec's error format that creates nothing.

const f = useOpen311();

describe('POST requests', () => {
  let secret: string;
  let keyName: string;
  beforeAll(async () => {
    ({ secret } = await f.issueKey('村居随手拍'));
    keyName = '村居随手拍';
  });

  it('creates an order in 待受理 from a form-encoded request (the spec)', async () => {
    for (const c of [f.admin, f.chief, f.station]) c.events.length = 0;
    f.advance(60_000);
    const res = await f.postForm({ api_key: secret, ...SPEC_REQUEST });
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

    const order = f.orderByCode(code);
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
      deadlineAt: f.now() + DAY,
    });
    expect(order?.description).toContain('路口有一堆垃圾无人清运\n已经两天了');
    expect(order?.description).toContain('wang@example.cn');
    expect(order?.description).toContain('https://img.example.cn/1.jpg');
    expect(order?.description).not.toContain('13800138000');

    const history = f.db
      .prepare('SELECT actor_name AS actorName, action, to_state AS toState FROM order_history WHERE order_id = ?')
      .all(order?.id);
    expect(history).toEqual([{ actorName: `Open311:${keyName}`, action: 'create', toState: 'reported' }]);
    const auditRow = f.db
      .prepare("SELECT * FROM audit_log WHERE method = 'open311.requests.create' AND target = ?")
      .get(`order:${code}`) as Record<string, unknown> | undefined;
    expect(auditRow).toMatchObject({ actor_name: `open311:${keyName}`, actor_id: null, ok: 1 });
    expect(JSON.stringify(auditRow)).not.toContain(secret);
    const lastUsed = f.db.prepare('SELECT last_used_at AS t FROM api_keys WHERE name = ?').get(keyName) as {
      t: number;
    };
    expect(lastUsed.t).toBe(f.now());

    // Center consoles refresh; the station does not see center orders; admins see the audit row.
    const changed = { event: 'orders.changed', payload: { id: order?.id, code, state: 'reported' } };
    expect(f.chief.events).toContainEqual(changed);
    expect(f.admin.events).toContainEqual(changed);
    expect(f.admin.events).toContainEqual({ event: 'audit.appended', payload: { id: auditRow?.id } });
    expect(f.station.events.some((e) => e.event === 'orders.changed')).toBe(false);
  });

  it('accepts a JSON body, a workstation by name, and answers in XML', async () => {
    f.advance(60_000);
    const res = await f.postJson({ api_key: secret, ...JSON_REQUEST }, 'xml');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/xml; charset=utf-8');
    const xml = await res.text();
    const m =
      /^<\?xml version="1.0" encoding="utf-8"\?>\n<service_requests><request><service_request_id>(HQ\d{8}-\d{4})<\/service_request_id><service_notice>[^<]+<\/service_notice><account_id><\/account_id><\/request><\/service_requests>\n$/.exec(
        xml,
      );
    expect(m, xml).not.toBeNull();
    const order = f.orderByCode(m?.[1] ?? '');
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
    f.advance(60_000);
    const inQuery = await fetch(`${f.base}/requests.json?api_key=${encodeURIComponent(secret)}`, {
      method: 'POST',
      body: form({ service_code: '01003', address_string: '川沙路 9 号' }),
    });
    expect(inQuery.status).toBe(200);
    const overridden = await fetch(`${f.base}/requests.json?api_key=${encodeURIComponent(secret)}`, {
      method: 'POST',
      body: form({ api_key: 'wrong', service_code: '01003', address_string: '川沙路 9 号' }),
    });
    await expectError(overridden, 403);
  });

  it('refuses a missing, unknown or revoked key with 403 in the error format', async () => {
    const before = f.orderCount();
    await expectError(await f.postForm({ service_code: '01003', address_string: '川沙路' }), 403, /api_key/);
    await expectError(await f.postForm({ api_key: 'not-a-key', service_code: '01003', address_string: '川沙路' }), 403);
    await expectError(
      await f.postForm({ api_key: secret.slice(0, -1), service_code: '01003', address_string: '川沙路' }),
      403,
    );
    const xmlRes = await f.postForm({ api_key: 'nope', service_code: '01003', address_string: '川沙路' }, 'xml');
    expect(xmlRes.status).toBe(403);
    expect(xmlRes.headers.get('content-type')).toBe('text/xml; charset=utf-8');
    expect(await xmlRes.text()).toMatch(
      /^<\?xml version="1.0" encoding="utf-8"\?>\n<errors><error><code>403<\/code><description>[^<]+<\/description><\/error><\/errors>\n$/,
    );

    const { key, secret: doomed } = await f.issueKey('即将吊销');
    f.advance(60_000);
    const ok = await f.postForm({ api_key: doomed, service_code: '01003', address_string: '川沙路 1 号' });
    expect(ok.status).toBe(200);
    await f.rpc(f.admin, 'admin.apiKeys.revoke', { id: key.id });
    const revoked = await f.rpc<{ revokedAt: number | null }[]>(f.admin, 'admin.apiKeys.list', {});
    expect(revoked.some((k) => k.revokedAt !== null)).toBe(true);
    await expectError(await f.postForm({ api_key: doomed, service_code: '01003', address_string: '川沙路 1 号' }), 403);
    // The name of a revoked key is free again; the new key is a different secret.
    const again = await f.issueKey('即将吊销');
    expect(again.secret).not.toBe(doomed);
    expect(f.orderCount()).toBe(before + 1);
  });

  it('files through the router: a refused request with a valid key leaves its own audit row', async () => {
    const auditRows = () =>
      f.db
        .prepare("SELECT * FROM audit_log WHERE method = 'open311.requests.create' AND ok = 0 ORDER BY id")
        .all() as Record<string, unknown>[];
    const before = auditRows().length;
    f.admin.events.length = 0;
    await expectError(
      await f.postForm({ api_key: secret, service_code: '99999', address_string: '川沙路' }),
      400,
      /99999/,
    );
    await expectError(
      await f.postForm({ api_key: secret, service_code: '01003', address_string: '川沙路\u0007' }),
      400,
      /address_string/,
    );
    const rows = auditRows().slice(before);
    expect(rows.map((r) => [r.actor_name, r.actor_id, r.error_code])).toEqual([
      [`open311:${keyName}`, null, 'E_INVALID'],
      [`open311:${keyName}`, null, 'E_INVALID'],
    ]);
    expect(JSON.stringify(rows)).not.toContain(secret);
    expect(f.admin.events.filter((e) => e.event === 'audit.appended')).toHaveLength(2);
    // A call without a valid key names nobody: refused before the router, no row.
    await expectError(await f.postForm({ api_key: 'not-a-key', service_code: '99999', address_string: '川沙路' }), 403);
    expect(auditRows()).toHaveLength(before + 2);
  });

  it('a key opens only its own method, and no console user may call it', async () => {
    const keyed: Connection = {
      id: 'k',
      token: null,
      push: () => undefined,
      apiKey: { id: 1, name: keyName, actorName: `open311:${keyName}` },
    };
    const asKey = await f.router.call(keyed, 'orders.list', {});
    expect(asKey).toMatchObject({ ok: false, error: { code: 'E_FORBIDDEN' } });
    const fields = { service_code: '01003', address_string: '川沙路' };
    expect(await f.router.call(f.chief, 'open311.requests.create', fields)).toMatchObject({
      ok: false,
      error: { code: 'E_FORBIDDEN' },
    });
    expect(await f.router.call(connection('nobody'), 'open311.requests.create', fields)).toMatchObject({
      ok: false,
      error: { code: 'E_UNAUTHENTICATED' },
    });
    // The secret never travels as a field: the endpoint strips it, the contract refuses it.
    const withSecret = await f.router.call(keyed, 'open311.requests.create', { ...fields, api_key: secret });
    expect(withSecret).toMatchObject({ ok: false, error: { code: 'E_INVALID' } });
  });

  it('answers malformed and invalid requests with 400 and creates nothing', async () => {
    const before = f.orderCount();
    const cases: [string, Promise<Response>, RegExp?][] = [
      ['broken JSON', f.postJson('{"api_key": "x", '), /JSON/],
      ['JSON array', f.postJson([{ api_key: secret }]), /object/],
      ['missing service_code', f.postForm({ api_key: secret, address_string: '川沙路' }), /service_code/],
      [
        'unknown service_code',
        f.postForm({ api_key: secret, service_code: '99999', address_string: '川沙路' }),
        /99999/,
      ],
      [
        'a domain is not a service',
        f.postForm({ api_key: secret, service_code: '01', address_string: '川沙路' }),
        /service_code/,
      ],
      ['no location', f.postForm({ api_key: secret, service_code: '01003', description: '垃圾' }), /location/],
      ['lat without long', f.postForm({ api_key: secret, service_code: '01003', lat: '31.2' }), /long/],
      ['lat out of range', f.postForm({ api_key: secret, service_code: '01003', lat: '91', long: '121' }), /lat/],
      ['lat not a number', f.postForm({ api_key: secret, service_code: '01003', lat: '0x1f', long: '121' }), /lat/],
      [
        'unknown workstation',
        f.postForm({ api_key: secret, service_code: '01003', workstation: '不存在村' }),
        /workstation/,
      ],
      [
        'bad phone',
        f.postForm({ api_key: secret, service_code: '01003', address_string: '川沙路', phone: 'call me' }),
        /phone/,
      ],
      [
        'media_url not http',
        f.postForm({
          api_key: secret,
          service_code: '01003',
          address_string: '川沙路',
          media_url: 'javascript:alert(1)',
        }),
        /media_url/,
      ],
      [
        'non-scalar field',
        f.postJson({ api_key: secret, service_code: { id: '01003' }, address_string: '川沙路' }),
        /service_code/,
      ],
      [
        'a NUL in the description (would reach SQLite)',
        f.postForm({ api_key: secret, service_code: '01003', address_string: '川沙路', description: '\u0000垃圾' }),
        /description/,
      ],
      [
        'control characters in the address (JSON)',
        f.postJson({ api_key: secret, service_code: '01003', address_string: '川沙路\u001b[2J' }),
        /address_string/,
      ],
      [
        'description too long',
        f.postForm({ api_key: secret, service_code: '01003', address_string: '川沙路', description: 'x'.repeat(4001) }),
        /description/,
      ],
    ];
    for (const [name, res, match] of cases) {
      const description = await expectError(await res, 400, match).catch((err: unknown) => {
        throw new Error(`${name}: ${String(err)}`);
      });
      expect(description, name).not.toBe('');
    }
    const invalidUtf8 = await fetch(`${f.base}/requests.json`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: Buffer.from([0x61, 0x3d, 0xff, 0xfe]),
    });
    await expectError(invalidUtf8, 400, /UTF-8/);
    const wrongType = await fetch(`${f.base}/requests.json`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: `api_key=${secret}&service_code=01003&address_string=x`,
    });
    await expectError(wrongType, 415);
    expect(f.orderCount()).toBe(before);
  });

  it('refuses an oversize body with 413 in the error format', async () => {
    const before = f.orderCount();
    const big = await f.postForm({
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
          port: f.shell.port,
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
    const huge = await fetch(`${f.base}/requests.json`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'a'.repeat(4 * 1024 * 1024),
    });
    await expectError(huge, 413);
    expect(JSON.parse(chunked.body)).toEqual([{ code: 413, description: expect.stringContaining('65536') as string }]);
    expect(f.orderCount()).toBe(before);
  });
});
