import { beforeAll, describe, expect, it } from 'vitest';
import { isoShanghai } from '../../common/domain/time';
import {
  asJsonError,
  CHIEF,
  DAY,
  expectError,
  JSON_REQUEST,
  SPEC_REQUEST,
  useOpen311,
  type Req,
} from '../helpers/open311-fixture';

// Open311 (GeoReport v2) GET requests: what a key holder reads, and what the public reads without a key.

const f = useOpen311();

// The reads below also show the two requests filed as open311-post.test.ts's first tests file them (markup in the
// address, an ampersand in the description, the reporter's name and phone): filed here the same way.
beforeAll(async () => {
  const { secret } = await f.issueKey('村居随手拍');
  f.advance(60_000);
  expect((await f.postForm({ api_key: secret, ...SPEC_REQUEST })).status).toBe(200);
  f.advance(60_000);
  expect((await f.postJson({ api_key: secret, ...JSON_REQUEST }, 'xml')).status).toBe(200);
});

describe('GET requests', () => {
  let secret: string;
  const codes: string[] = [];
  /** An order taken on the hotline (not filed through Open311): only key holders may read it. */
  let hotlineCode: string;
  beforeAll(async () => {
    ({ secret } = await f.issueKey('查询测试'));
    f.advance(60_000);
    hotlineCode = f.db.transaction(
      () =>
        f.orders.create(
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
      f.advance(60_000);
      const res = await f.postForm({
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
    await expectError(await fetch(`${f.base}/requests.json?api_key=wrong`), 403, /api_key/);
    await expectError(await fetch(`${f.base}/requests/${codes[0] ?? ''}.json?api_key=wrong`), 403);
    await expectError(await fetch(`${f.base}/requests.json?api_key=${'k'.repeat(5000)}`), 403);
    await expectError(await fetch(`${f.base}/requests.json?api_key=%00`), 403);
    const { key, secret: doomed } = await f.issueKey('只读后吊销');
    expect((await fetch(`${f.base}/requests.json?api_key=${encodeURIComponent(doomed)}`)).status).toBe(200);
    await f.rpc(f.admin, 'admin.apiKeys.revoke', { id: key.id });
    await expectError(await fetch(`${f.base}/requests.json?api_key=${encodeURIComponent(doomed)}`), 403);
    await expectError(await fetch(`${f.base}/requests/${hotlineCode}.json?api_key=${encodeURIComponent(doomed)}`), 403);
  });

  it('lists requests newest first with the spec fields (JSON)', async () => {
    const res = await fetch(`${f.base}/requests.json?api_key=${encodeURIComponent(secret)}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const list = (await res.json()) as Req[];
    expect(list.length).toBe(f.orderCount());
    const times = list.map((r) => String(r.requested_datetime));
    expect([...times].sort().reverse()).toEqual(times);
    expect(list.slice(0, 3).map((r) => r.service_request_id)).toEqual([...codes].reverse());
    const third = list[0];
    const order = f.orderByCode(codes[2] ?? '');
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
      await fetch(`${f.base}/requests/${codes[1]}.json?api_key=${encodeURIComponent(secret)}`)
    ).json()) as Req[];
    expect(one).toHaveLength(1);
    expect(one[0]).toMatchObject({ service_request_id: codes[1], service_code: '02002', status: 'open' });
    const xmlRes = await fetch(`${f.base}/requests/${codes[1]}.xml?api_key=${encodeURIComponent(secret)}`);
    expect(xmlRes.headers.get('content-type')).toBe('text/xml; charset=utf-8');
    const xml = await xmlRes.text();
    expect(xml).toContain(
      `<service_requests><request><service_request_id>${codes[1]}</service_request_id><status>open</status>`,
    );
    expect(xml).toContain('<address_id></address_id>');
    expect(xml).toContain('<lat></lat><long></long><media_url></media_url></request></service_requests>');
    const listXml = await (await fetch(`${f.base}/requests.xml?api_key=${encodeURIComponent(secret)}`)).text();
    expect(listXml.match(/<request>/g)).toHaveLength(f.orderCount());
    // Text of the reporter is escaped, never markup.
    expect(listXml).toContain('<address>合庆镇 川沙路 100 号 &lt;东门&gt;</address>');
    expect(listXml).toContain('<description>树木倒伏 &amp; 挡路</description>');
    await expectError(
      await fetch(`${f.base}/requests/HQ20000101-0001.json?api_key=${encodeURIComponent(secret)}`),
      404,
    );
  });

  it('maps order states to open/closed with status notes and the agency responsible', async () => {
    const [first, second, third] = codes.map((c) => f.orderByCode(c)?.id ?? 0) as [number, number, number];
    f.db.transaction(() => f.orders.act({ id: first, action: 'void', reason: '重复报件', attachmentIds: [] }, CHIEF))();
    const steps = [
      { action: 'accept' },
      { action: 'file' },
      { action: 'dispatch', handler: { kind: 'department', id: 'DEP-GA' } },
      { action: 'receive' },
      { action: 'complete' },
      { action: 'verify_pass' },
    ] as const;
    for (const step of steps) {
      f.advance(60_000);
      f.db.transaction(() => f.orders.act({ id: second, attachmentIds: [], ...step }, CHIEF))();
    }
    const handling = (await (
      await fetch(`${f.base}/requests/${codes[1]}.json?api_key=${encodeURIComponent(secret)}`)
    ).json()) as Req[];
    expect(handling[0]).toMatchObject({ status: 'open', status_notes: '待结案', agency_responsible: '公安' });
    f.advance(60_000);
    f.db.transaction(() => f.orders.act({ id: second, action: 'close', reason: '已修复', attachmentIds: [] }, CHIEF))();
    f.db.transaction(() => f.orders.act({ id: third, action: 'merge', parentId: second, attachmentIds: [] }, CHIEF))();

    const get = async (query: string) =>
      (await (await fetch(`${f.base}/requests.json?api_key=${encodeURIComponent(secret)}&${query}`)).json()) as Req[];
    const byId = await get(`service_request_id=${codes.join(',')}`);
    const byCode = new Map(byId.map((r) => [r.service_request_id, r]));
    expect(byCode.get(codes[0])).toMatchObject({ status: 'closed', status_notes: '已作废：重复报件' });
    expect(byCode.get(codes[1])).toMatchObject({
      status: 'closed',
      status_notes: '已结案：已修复',
      agency_responsible: '公安',
      updated_datetime: isoShanghai(f.now()),
    });
    expect(byCode.get(codes[2])).toMatchObject({ status: 'closed', status_notes: `已合并（并入工单 ${codes[1]}）` });

    const closed = await get('status=closed');
    expect(closed.map((r) => r.service_request_id).sort()).toEqual([...codes].sort());
    const open = await get('status=open');
    expect(open.every((r) => r.status === 'open')).toBe(true);
    expect(open.length + closed.length).toBe(f.orderCount());
    expect((await get('status=open,closed')).length).toBe(f.orderCount());
    const bySc = await get('service_code=02002');
    expect(bySc.map((r) => r.service_request_id)).toEqual([codes[1]]);
  });

  it('filters by date window and refuses bad filters with 400', async () => {
    const get = (query: string) => fetch(`${f.base}/requests.json?api_key=${encodeURIComponent(secret)}&${query}`);
    const future = await get(`start_date=${encodeURIComponent(isoShanghai(f.now() + 3600_000))}`);
    expect(await future.json()).toEqual([]);
    const latest = f.orderByCode(codes[2] ?? '');
    const exact = await get(
      `start_date=${encodeURIComponent(isoShanghai(latest?.createdAt ?? 0))}&end_date=${encodeURIComponent(isoShanghai(latest?.createdAt ?? 0))}`,
    );
    expect(((await exact.json()) as Req[]).map((r) => r.service_request_id)).toEqual([codes[2]]);
    // A bare end_date includes its whole day (Shanghai time).
    const today = await get('start_date=2026-11-26&end_date=2026-11-26');
    expect(((await today.json()) as Req[]).length).toBe(f.orderCount());
    const yesterday = await get('end_date=2026-11-25');
    expect(await yesterday.json()).toEqual([]);
    // Outside the default window of 90 days nothing is listed.
    f.advance(91 * DAY);
    expect(await (await get('')).json()).toEqual([]);
    expect(((await (await get(`service_request_id=${codes[0]}`)).json()) as Req[]).length).toBe(1);
    f.advance(-91 * DAY);
    await expectError(await get('start_date=2026-01-01&end_date=2026-11-26'), 400, /90/);
    await expectError(await get('start_date=2026-11-27&end_date=2026-11-26'), 400, /start_date/);
    await expectError(await get('start_date=yesterday'), 400, /start_date/);
    await expectError(await get('status=pending'), 400, /status/);
  });
});

describe('GET requests without a key (GeoReport v2 leaves reads open)', () => {
  let secret: string;
  const sourceOf = (code: unknown) =>
    (f.db.prepare('SELECT source FROM orders WHERE code = ?').get(String(code)) as { source: string } | undefined)
      ?.source;
  const open311Codes = () =>
    (f.db.prepare("SELECT code FROM orders WHERE source = 'open311'").all() as { code: string }[]).map((r) => r.code);
  const otherCodes = () =>
    (f.db.prepare("SELECT code FROM orders WHERE source <> 'open311'").all() as { code: string }[]).map((r) => r.code);
  const read = async (pathAndQuery: string) => {
    const res = await fetch(`${f.base}/${pathAndQuery}`);
    expect(res.status, pathAndQuery).toBe(200);
    return (await res.json()) as Req[];
  };
  beforeAll(async () => {
    ({ secret } = await f.issueKey('公开读对照'));
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
    expect(keyed.length).toBe(f.orderCount());
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
      await expectError(await fetch(`${f.base}/requests/${code}.json`), 404);
      expect((await read(`requests/${code}.json?api_key=${encodeURIComponent(secret)}`)).length).toBe(1);
    }
  });

  it('never shows the reporter or the notes of the center staff', async () => {
    const everything =
      JSON.stringify(await read('requests.json')) + (await (await fetch(`${f.base}/requests.xml`)).text());
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
    const xml = await (await fetch(`${f.base}/requests/${open311Codes()[0] ?? ''}.xml`)).text();
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
        const url = `${f.base}/${query}${query.includes('?') ? key : key.replace('&', '?')}`;
        await expectError(await fetch(url), 400, match).catch((err: unknown) => {
          throw new Error(`${query}${key ? ' (keyed)' : ''}: ${String(err)}`);
        });
      }
    }
    // SQL-looking text is only ever a value: it matches nothing.
    expect(await read("requests.json?service_request_id='%20OR%20'1'='1")).toEqual([]);
    expect(await read('requests.json?service_code=01003%27--')).toEqual([]);
    expect(await read('requests.json?service_request_id=1);DROP%20TABLE%20orders;--')).toEqual([]);
    await expectError(await fetch(`${f.base}/requests/'%20OR%201=1--.json`), 404);
    await expectError(await fetch(`${f.base}/requests/%00.json`), 404);
    await expectError(await fetch(`${f.base}/requests/${'9'.repeat(5000)}.xml`).then(asJsonError), 404);
    // Many odd parameter names are ignored, not fatal.
    const many = Array.from({ length: 500 }, (_, i) => `p${i}%00=${i}`).join('&');
    expect((await read(`requests.json?${many}&__proto__=1&constructor=x`)).length).toBe(open311Codes().length);
    // A request line past the server's header limit is refused by HTTP itself, still not a 500.
    const tooLong = await fetch(`${f.base}/requests.json?x=${'y'.repeat(64 * 1024)}`);
    expect(tooLong.status).toBeGreaterThanOrEqual(400);
    expect(tooLong.status).toBeLessThan(500);
    expect(f.orderCount()).toBeGreaterThan(0);
  });
});
