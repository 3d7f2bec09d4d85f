import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isoShanghai } from '../../common/domain/time';
import { xmlEscape } from '../../main/services/open311/formats';
import { parseW3cDatetime } from '../../main/services/open311/params';
import { reporterName, titleOf } from '../../main/services/open311/requests';
import { expectError, START, useOpen311, type Req } from '../helpers/open311-fixture';

// Open311 (GeoReport v2): its helpers, the API keys, the service list and the routing. Filing requests is
// open311-post.test.ts, reading them open311-get.test.ts; all three run on tests/helpers/open311-fixture.ts.

const f = useOpen311();

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
    const { key, secret } = await f.issueKey('12345 热线对接');
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43,}$/);
    expect(key.prefix).toBe(secret.slice(0, 8));
    const row = f.db.prepare('SELECT * FROM api_keys WHERE id = ?').get(key.id) as Record<string, unknown>;
    expect(row.key_hash).toBe(createHash('sha256').update(secret).digest('hex'));
    expect(JSON.stringify(row)).not.toContain(secret);
    const auditRows = f.db.prepare("SELECT * FROM audit_log WHERE method LIKE 'admin.apiKeys.%'").all();
    expect(auditRows.length).toBeGreaterThan(0);
    expect(JSON.stringify(auditRows)).not.toContain(secret);
    expect(JSON.stringify(auditRows)).toContain('12345 热线对接');
    const listed = await f.rpc<{ id: number; name: string }[]>(f.admin, 'admin.apiKeys.list', {});
    expect(listed.map((k) => k.name)).toContain('12345 热线对接');
    expect(JSON.stringify(listed)).not.toContain(secret);
    // A second live key of the same name would make the audit trail ambiguous.
    const dup = await f.router.call(f.admin, 'admin.apiKeys.create', { name: '12345 热线对接' });
    expect(dup).toMatchObject({ ok: false, error: { code: 'E_CONFLICT' } });
    // Only admins manage keys.
    const denied = await f.router.call(f.chief, 'admin.apiKeys.create', { name: 'chief key' });
    expect(denied).toMatchObject({ ok: false, error: { code: 'E_FORBIDDEN' } });
    const missing = await f.router.call(f.admin, 'admin.apiKeys.revoke', { id: 99999 });
    expect(missing).toMatchObject({ ok: false, error: { code: 'E_NOT_FOUND' } });
  });
});

describe('GET services', () => {
  it('lists the level-2 and level-3 categories as services (JSON)', async () => {
    const res = await fetch(`${f.base}/services.json`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const services = (await res.json()) as Req[];
    const expected = f.db.prepare('SELECT id FROM categories WHERE level IN (2, 3) ORDER BY id').all() as {
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
    const res = await fetch(`${f.base}/services.xml`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/xml; charset=utf-8');
    const xml = await res.text();
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<services><service>')).toBe(true);
    expect(xml).toContain(
      '<service><service_code>01003</service_code><service_name>暴露垃圾</service_name><description>城市环境 › 暴露垃圾</description><metadata>false</metadata><type>realtime</type><keywords>城市环境, 暴露垃圾, City environment</keywords><group>城市环境</group></service>',
    );
    const count = (f.db.prepare('SELECT count(*) AS n FROM categories WHERE level IN (2, 3)').get() as { n: number }).n;
    expect(xml.match(/<service>/g)).toHaveLength(count);

    const def = await fetch(`${f.base}/services/01003.json`);
    expect(await def.json()).toEqual({ service_code: '01003', attributes: [] });
    const defXml = await (await fetch(`${f.base}/services/01003.xml`)).text();
    expect(defXml).toContain(
      '<service_definition><service_code>01003</service_code><attributes></attributes></service_definition>',
    );
    await expectError(await fetch(`${f.base}/services/01.json`), 404);
  });
});

describe('routing', () => {
  it('answers unknown endpoints and methods in the error format and leaves other paths alone', async () => {
    await expectError(await fetch(`${f.base}/nothing.json`), 404);
    await expectError(await fetch(`${f.base}/services`), 404);
    const xml404 = await fetch(`${f.base}/nothing.xml`);
    expect(xml404.status).toBe(404);
    expect(await xml404.text()).toContain('<errors><error><code>404</code>');
    const del = await fetch(`${f.base}/requests.json`, { method: 'DELETE' });
    expect(del.headers.get('allow')).toBe('GET, HEAD, POST');
    await expectError(del, 405);
    await expectError(await fetch(`${f.base}/services.json`, { method: 'POST', body: 'x=1' }), 405);
    const root = `http://127.0.0.1:${f.shell.port}`;
    expect(await (await fetch(`${root}/`)).text()).toContain('console');
    expect((await fetch(`${root}/`, { method: 'POST' })).status).toBe(405);
    expect((await fetch(`${root}/open311x/v2/services.json`)).headers.get('content-type')).not.toContain('json');
  });
});
