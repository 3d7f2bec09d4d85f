import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MethodInput } from '../../common/contract';
import { storageFaultLog, storageFaultOf } from '../../main/db/storage-errors';
import type { Hub } from '../../main/hub';
import { call, demoHub, ok, signedIn, type TestConnection } from '../helpers/hub';

const REPORT: MethodInput<'orders.create'> = {
  title: '井盖缺失',
  description: '向东村村口主路井盖缺失，夜间有人车坠落风险。'.repeat(80),
  categoryId: '0200201',
  workstationId: 'HQ-W-HQ01',
  address: '向东村村口',
  source: 'hotline',
  reporterName: '王先生',
  reporterPhone: '13812345678',
  urgency: 'normal',
};

describe('SQLite failures are store faults', () => {
  it('maps result codes to full / read-only / I/O / damaged, and nothing else', () => {
    const fault = (code: unknown) => storageFaultOf(Object.assign(new Error('x'), { code }));
    expect(fault('SQLITE_FULL')).toBe('full');
    expect(fault('SQLITE_READONLY')).toBe('readonly');
    expect(fault('SQLITE_READONLY_DBMOVED')).toBe('readonly');
    expect(fault('SQLITE_IOERR_WRITE')).toBe('io');
    expect(fault('SQLITE_CORRUPT')).toBe('corrupt');
    expect(fault('SQLITE_NOTADB')).toBe('corrupt');
    expect(fault('SQLITE_CONSTRAINT_UNIQUE')).toBeNull();
    expect(fault(42)).toBeNull();
    expect(storageFaultOf(new Error('SQLITE_FULL'))).toBeNull();
    expect(storageFaultOf(null)).toBeNull();
  });

  it("the hub's output says each kind at most once a minute, in both languages", () => {
    const lines: string[] = [];
    let now = 0;
    const log = storageFaultLog(
      (line) => lines.push(line),
      () => now,
    );
    log('orders.create', 'full', new Error('database or disk is full'));
    log('orders.act', 'full', new Error('database or disk is full'));
    log('orders.act', 'readonly', new Error('attempt to write a readonly database'));
    now += 60_000;
    log('orders.act', 'full', new Error('database or disk is full'));
    expect(lines).toHaveLength(3);
    expect(lines[0]).toContain('磁盘已满');
    expect(lines[0]).toContain('disk is full');
    expect(lines[1]).toContain('只读');
  });
});

describe('a hub whose store cannot be written', () => {
  let hub: Hub;
  let hotline: TestConnection;
  const orderCount = () => (hub.db.prepare('SELECT count(*) AS n FROM orders').get() as { n: number }).n;
  const orphanHistory = () =>
    (
      hub.db
        .prepare(
          'SELECT count(*) AS n FROM order_history h WHERE NOT EXISTS (SELECT 1 FROM orders o WHERE o.id = h.order_id)',
        )
        .get() as { n: number }
    ).n;

  beforeAll(async () => {
    hub = await demoHub();
    hotline = await signedIn(hub, 'hotline');
  });
  afterAll(() => hub.close());

  it('disk full: the write fails with E_STORAGE (full), nothing of it is kept, reads go on, and it works once freed', async () => {
    await ok(hub, hotline, 'orders.create', REPORT);
    const pages = hub.db.pragma('page_count', { simple: true }) as number;
    hub.db.pragma(`max_page_count = ${pages}`);
    const before = orderCount();
    const refusal = async () => {
      for (let i = 0; i < 200; i++) {
        const result = await call(hub, hotline, 'orders.create', REPORT);
        if (!result.ok) return result.error;
      }
      throw new Error('the full store never refused a write');
    };
    const error = await refusal();
    expect(error.code).toBe('E_STORAGE');
    expect(error.details).toEqual({ cause: 'full' });
    expect(error.message.zh).toContain('磁盘已满');
    expect(error.message.en).toContain('disk is full');
    const kept = orderCount();
    expect(kept).toBeGreaterThanOrEqual(before);
    expect(orphanHistory()).toBe(0);
    const list = await ok(hub, hotline, 'orders.list', { filter: {}, limit: 5 });
    expect(list.rows.length).toBeGreaterThan(0);
    // A full disk still lets the write lock be taken: the health goes by the refused write.
    expect(hub.health?.()).toMatchObject({ ok: false, database: { writable: false, fault: 'full' } });
    // A read in between does not make the store writable again.
    expect(hub.health?.().database.writable).toBe(false);

    hub.db.pragma('max_page_count = 1073741823');
    await ok(hub, hotline, 'orders.create', REPORT);
    expect(orderCount()).toBe(kept + 1);
    expect(hub.health?.()).toMatchObject({ ok: true, database: { writable: true } });
    expect(hub.health?.().database.fault).toBeUndefined();
  });

  it('read-only data: writes fail with E_STORAGE (readonly) while reads keep working', async () => {
    const before = orderCount();
    hub.db.pragma('query_only = ON');
    try {
      const result = await call(hub, hotline, 'orders.create', REPORT);
      expect(result.ok ? null : result.error.code).toBe('E_STORAGE');
      expect(result.ok ? null : result.error.details).toEqual({ cause: 'readonly' });
      expect(result.ok ? null : result.error.message.zh).toContain('只读');
      const list = await ok(hub, hotline, 'orders.list', { filter: {}, limit: 5 });
      expect(list.rows.length).toBeGreaterThan(0);
      await ok(hub, hotline, 'auth.me', {});
    } finally {
      hub.db.pragma('query_only = OFF');
    }
    expect(orderCount()).toBe(before);
    await ok(hub, hotline, 'orders.create', REPORT);
  });
});
