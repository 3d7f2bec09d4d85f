import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { contract, type MethodName } from '../../common/contract';
import { ok } from '../helpers/hub';
import { week, type Input } from './scoping/inputs';
import { MATRIX_TITLE, scopingMatrix } from './scoping/matrix';
import { ADMIN_ROWS } from './scoping/rows-admin';
import { CAMERA_WALL_ROWS } from './scoping/rows-cameras-wall';
import { DUTY_ROWS } from './scoping/rows-duty';
import { INCIDENT_ROWS } from './scoping/rows-incidents';
import { ORDER_ROWS } from './scoping/rows-orders';

// The scoping matrix (tests/unit/scoping/matrix.ts): that its rows, all files together, cover every id a method's
// input names; its rows for orders, their attachments and the duty domain (log, handover, roster), in one world;
// then what the answers of a refused or allowed call carry (orders, attachments, the duty log's links, hostile ids).

const ROWS = [...ORDER_ROWS, ...DUTY_ROWS, ...CAMERA_WALL_ROWS, ...ADMIN_ROWS, ...INCIDENT_ROWS];

/** Id-ish keys (`id`, `…Id`, `…Ids`) anywhere in a method's input, as dotted paths. */
function idKeys(schema: z.ZodType, path = ''): string[] {
  if (schema instanceof z.ZodObject) {
    return Object.entries(schema.shape as Record<string, z.ZodType>).flatMap(([key, value]) => {
      const p = path ? `${path}.${key}` : key;
      return [...(/(^id$|Id$|Ids$)/.test(key) ? [p] : []), ...idKeys(value, p)];
    });
  }
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> } })._zod.def;
  for (const key of ['innerType', 'element', 'in', 'schema']) {
    const inner = def[key];
    if (inner instanceof z.ZodType) return idKeys(inner, path);
  }
  if (Array.isArray(def.options)) return (def.options as z.ZodType[]).flatMap((o) => idKeys(o, path));
  return [];
}

/**
 * Ids of reference data every signed-in user may list (org units, categories, departments — see
 * org.*), the caller's own checklist items, and ids that are stored but never resolved or echoed.
 * Everything else must have a row in the matrix below.
 */
const REFERENCE = new Set([
  'orders.create categoryId',
  'orders.create workstationId',
  'orders.create cameraId',
  'orders.duplicates categoryId',
  'orders.duplicates workstationId',
  'orders.act handler.id',
  'sla.limits.set categoryId',
  'admin.users.create orgUnitId',
  'admin.users.update orgUnitId',
  'cameras.create workstationId',
  'cameras.update workstationId',
  'duty.handover.start checklist.id',
  'duty.checklist.set items.id',
  'duty.log.append links.incidentId',
  // Org units, picked on the org tree every signed-in user may list.
  'incidents.activate areaIds',
  ...['orders.list', 'orders.export'].flatMap((m) =>
    ['domainId', 'categoryId', 'workstationId', 'departmentId'].map((k) => `${m} filter.${k}`),
  ),
  ...['domainId', 'workstationId', 'departmentId'].map((k) => `dashboard.get ${k}`),
  // Grids are org units (the camera tree's top level, listed to everyone); the method is admin-only.
  'wall.lossAlarms.set gridId',
  'contacts.search orgUnitId',
  'contacts.save orgUnitId',
  ...['cameras.list', 'cameras.tree', 'cameras.export'].flatMap((m) =>
    ['workstationId', 'gridId'].map((k) => `${m} filter.${k}`),
  ),
]);

describe(MATRIX_TITLE, () => {
  it('has a row for every id an input names (other than reference data)', () => {
    const covered = new Set(ROWS.flatMap((r) => r.covers.map((k) => `${r.method} ${k}`)));
    const missing = (Object.keys(contract) as MethodName[])
      .flatMap((m) => idKeys(contract[m].input).map((k) => `${m} ${k}`))
      .filter((k) => !REFERENCE.has(k) && !covered.has(k));
    expect(missing).toEqual([]);
  });
});

const ctx = scopingMatrix([...ORDER_ROWS, ...DUTY_ROWS]);

describe('what the answers carry', () => {
  it('the station never reads the center’s or the other station’s photos, but the uploader and the center do', async () => {
    for (const id of [ctx.w.files.centerOrder, ctx.w.files.centerLog, ctx.w.files.s2]) {
      const r = await ctx.run('station', 'attachments.read', { id });
      expect(r.ok ? 'ok' : r.error.code).toBe('E_NOT_FOUND');
      // The same answer as for an id that does not exist: existence does not leak.
      const unknown = await ctx.run('station', 'attachments.read', { id: 999_999 });
      expect(JSON.stringify(r).replaceAll(String(id), '#')).toBe(JSON.stringify(unknown).replaceAll('999999', '#'));
    }
    expect((await ctx.run('station', 'attachments.read', { id: ctx.w.files.s1 })).ok).toBe(true);
    expect((await ctx.run('station2', 'attachments.read', { id: ctx.w.files.s2 })).ok).toBe(true);
    // On a station's order: the center sees every order, so it sees the photo too.
    expect((await ctx.run('chief', 'attachments.read', { id: ctx.w.files.s2 })).ok).toBe(true);
    // Uploaded but not linked anywhere: the uploader only.
    const loose = await ctx.upload(ctx.w.conns.grid!, '未关联.png');
    expect((await ctx.run('grid', 'attachments.read', { id: loose })).ok).toBe(true);
    expect((await ctx.run('monitor', 'attachments.read', { id: loose })).ok).toBe(false);
  });

  it('duty.log.append echoes the codes of visible orders only, and links nothing on refusal', async () => {
    const count = () => (ctx.hub.db.prepare('SELECT count(*) AS n FROM duty_log_entries').get() as { n: number }).n;
    const before = count();
    const refused = await ctx.run('station', 'duty.log.append', {
      kind: 'duty',
      text: '关联中心工单',
      links: { orderIds: [ctx.w.orders.center.id] },
    });
    expect(refused.ok ? 'ok' : refused.error.code).toBe('E_NOT_FOUND');
    expect(refused.ok ? null : refused.error.details).toMatchObject({ field: 'links.orderIds' });
    expect(count()).toBe(before);
    const own = await ok(ctx.hub, ctx.w.conns.station!, 'duty.log.append', {
      kind: 'duty',
      text: '关联本站工单',
      links: { orderIds: [ctx.w.orders.s1.id] },
    });
    expect(own.orders).toEqual([ctx.w.orders.s1]);
    const center = await ok(ctx.hub, ctx.w.conns.chief!, 'duty.log.append', {
      kind: 'duty',
      text: '关联两站工单',
      links: { orderIds: [ctx.w.orders.s1.id, ctx.w.orders.s2.id] },
    });
    expect(center.orders.map((o) => o.code)).toEqual([ctx.w.orders.s1.code, ctx.w.orders.s2.code]);
  });

  it('an order that moves away from the station leaves the station’s log without its code or title', async () => {
    const entry = await ok(ctx.hub, ctx.w.conns.station!, 'duty.log.append', {
      kind: 'duty',
      text: '稍后移交的工单',
      links: { orderIds: [ctx.w.orders.s1.id] },
    });
    ctx.hub.db.prepare("UPDATE orders SET station_id = 'HQ-S2' WHERE id = ?").run(ctx.w.orders.s1.id);
    try {
      const current = await ok(ctx.hub, ctx.w.conns.station!, 'duty.log.current', {});
      const echoed = current.entries.find((e) => e.id === entry.id);
      expect(echoed?.links?.orderIds).toEqual([ctx.w.orders.s1.id]);
      expect(echoed?.orders).toEqual([]);
      const found = await ok(ctx.hub, ctx.w.conns.station!, 'duty.log.search', {});
      expect(JSON.stringify(found)).not.toContain(ctx.w.orders.s1.code);
    } finally {
      ctx.hub.db.prepare("UPDATE orders SET station_id = 'HQ-S1' WHERE id = ?").run(ctx.w.orders.s1.id);
    }
  });

  it('the station’s own lists hold none of the other units’ records', async () => {
    const orders = await ok(ctx.hub, ctx.w.conns.station!, 'orders.list', {});
    expect(orders.rows.map((r) => r.code)).not.toContain(ctx.w.orders.center.code);
    expect(orders.rows.map((r) => r.code)).not.toContain(ctx.w.orders.s2.code);
    const log = await ok(ctx.hub, ctx.w.conns.station!, 'duty.log.search', {});
    expect(JSON.stringify(log)).not.toMatch(/中心值班日志机密|二站值班日志机密/);
    const alerts = await ok(ctx.hub, ctx.w.conns.station!, 'orders.alerts.list', {});
    expect(alerts.map((a) => a.orderId)).not.toContain(ctx.w.orders.center.id);
    const supervisions = await ok(ctx.hub, ctx.w.conns.station!, 'orders.supervisions.list', { onlyOpen: false });
    expect(JSON.stringify(supervisions)).not.toContain(ctx.w.orders.center.code);
  });

  it('hostile text in string ids and links is refused cleanly', async () => {
    const hostile = [
      "' OR 1=1 --",
      '"; DROP TABLE orders; --',
      "CAM-0001' UNION SELECT code, title FROM orders --",
      '%_%',
      '\\"\\\\',
      '中'.repeat(64),
      'x'.repeat(65),
      'x'.repeat(100_000),
    ];
    for (const text of hostile) {
      const tries: [MethodName, Input][] = [
        ['duty.log.append', { kind: 'duty', text: '摄像机', links: { cameraIds: [text] } }],
        ['cameras.get', { id: text }],
        ['cameras.viewStart', { cameraId: text }],
        ['attachments.chunk', { uploadId: text, index: 0, dataBase64: '' }],
        ['attachments.finish', { uploadId: text }],
        ['wall.push', { windowId: text, target: { kind: 'camera', cameraId: ctx.w.camera } }],
        ['wall.push', { windowId: ctx.w.windows.s1, target: { kind: 'camera', cameraId: text } }],
        ['wall.windows.setAlarm', { windowId: text, alarm: true }],
        ['wall.alarm.ack', { alarmId: text }],
        ['duty.log.search', { orgUnitId: text }],
        ['duty.roster.week', { orgUnitId: text, date: week.date }],
        ['orders.list', { filter: { stationId: text } }],
      ];
      for (const [method, input] of tries) {
        const result = await ctx.run('station', method, input);
        const label = `${method} ${text.slice(0, 40)}`;
        if (method === 'orders.list') {
          expect(result.ok ? (result.value as { rows: unknown[] }).rows : result.error.code, label).toSatisfy(
            (v: unknown) => v === 'E_INVALID' || (Array.isArray(v) && v.length === 0),
          );
          continue;
        }
        expect(result.ok ? 'ok' : result.error.code, label).toMatch(/^E_(NOT_FOUND|INVALID|FORBIDDEN)$/);
        expect(JSON.stringify(result), label).not.toContain(ctx.w.orders.center.code);
      }
    }
  });
});
