import { afterEach, describe, expect, it } from 'vitest';
import type { MethodInput } from '../../common/contract';
import { jurisdictionOf, type JurisdictionUnit } from '../../common/domain/orders/jurisdiction';
import type { Hub } from '../../main/hub';
import { asOpen311Error } from '../../main/services/open311/open311-service';
import { parseCreateParams } from '../../main/services/open311/requests';
import { OrgRepo } from '../../main/services/org/org-repo';
import { requirePlace } from '../../main/services/orders/order-place';
import { call, demoHub, ok, signedIn, testClock, type TestConnection } from '../helpers/hub';

let hub: Hub | undefined;
afterEach(() => hub?.close());

const code = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? 'OK' : r.error?.code);

/** A hotline call with no place at all: no workstation, no map point, no address. */
const NOWHERE: MethodInput<'orders.create'> = {
  title: '燃气泄漏',
  description: '来电称闻到燃气味',
  categoryId: '0200201',
  workstationId: null,
  address: '',
  source: 'hotline',
  urgency: 'critical',
};

async function setup() {
  const clock = testClock(Date.UTC(2026, 10, 25, 1, 0, 0)); // Wed 2026-11-25 09:00 Shanghai
  hub = await demoHub({ clock, alertSweepMs: 0 });
  const [hotline, chief, station, monitor] = await Promise.all(
    ['hotline', 'chief', 'station', 'monitor'].map((u) => signedIn(hub!, u)),
  );
  return { hub, clock, hotline: hotline!, chief: chief!, station: station!, monitor: monitor! };
}

async function filed(conn: TestConnection, chief: TestConnection, input: Partial<MethodInput<'orders.create'>>) {
  const o = await ok(hub!, conn, 'orders.create', { ...NOWHERE, urgency: 'normal', ...input });
  await ok(hub!, chief, 'orders.act', { id: o.id, action: 'file' });
  return o;
}

describe('an order must have a place', () => {
  it('console intake: refused without workstation, map point or address, with the field named in zh and en', async () => {
    const { hotline } = await setup();
    const before = hub!.db.prepare('SELECT COUNT(*) AS n FROM orders').get() as { n: number };
    const r = await call(hub!, hotline, 'orders.create', NOWHERE);
    expect(code(r)).toBe('E_INVALID');
    if (!r.ok) {
      expect(r.error.message.zh).toContain('村居工作站、地图点位或地址');
      expect(r.error.message.en).toContain('workstation, a map point or an address');
      expect(r.error.details).toMatchObject({ field: 'workstationId' });
    }
    // Blank text is no address; half a map point is no point.
    expect(code(await call(hub!, hotline, 'orders.create', { ...NOWHERE, address: '   ' }))).toBe('E_INVALID');
    expect(code(await call(hub!, hotline, 'orders.create', { ...NOWHERE, lat: 31.2 }))).toBe('E_INVALID');
    const after = hub!.db.prepare('SELECT COUNT(*) AS n FROM orders').get() as { n: number };
    expect(after.n).toBe(before.n); // nothing half-written
    // Any one of the three is enough.
    expect(code(await call(hub!, hotline, 'orders.create', { ...NOWHERE, workstationId: 'HQ-W-CL02' }))).toBe('OK');
    expect(code(await call(hub!, hotline, 'orders.create', { ...NOWHERE, address: '庆达路 1 号' }))).toBe('OK');
    expect(code(await call(hub!, hotline, 'orders.create', { ...NOWHERE, lat: 31.2, lng: 121.7 }))).toBe('OK');
  });

  it('snapshot intake (video, camera named): the same rule', async () => {
    const { monitor } = await setup();
    const snapshot = { ...NOWHERE, source: 'video' as const, cameraId: 'CAM-X', urgency: 'normal' as const };
    expect(code(await call(hub!, monitor, 'orders.create', snapshot))).toBe('E_INVALID');
    expect(code(await call(hub!, monitor, 'orders.create', { ...snapshot, workstationId: 'HQ-W-HQ01' }))).toBe('OK');
  });

  it('Open311: no location is a 400 in its own format, and the hub rule maps to one too', () => {
    const noPlace = new Map<string, unknown>([['service_code', '01003']]);
    expect(() => parseCreateParams(noPlace)).toThrow(/location/);
    try {
      requirePlace({ workstationId: null, address: '', lat: null, lng: null });
      throw new Error('requirePlace let an order without a place through');
    } catch (err) {
      const mapped = asOpen311Error(err);
      expect(mapped?.status).toBe(400);
      expect(mapped?.description).toContain('村居工作站、地图点位或地址');
    }
    expect(() => requirePlace({ workstationId: null, address: '', lat: 31.2, lng: 121.7 })).not.toThrow();
  });

  it('refuses the wrong role and hostile text before the rule', async () => {
    const { hotline } = await setup();
    const coord = await signedIn(hub!, 'coord');
    expect(code(await call(hub!, coord, 'orders.create', { ...NOWHERE, address: '庆达路' }))).toBe('E_FORBIDDEN');
    expect(code(await call(hub!, hotline, 'orders.create', { ...NOWHERE, address: '庆达路\u0000' }))).toBe('E_INVALID');
    expect(code(await call(hub!, hotline, 'orders.create', { ...NOWHERE, address: '路'.repeat(5000) }))).toBe(
      'E_INVALID',
    );
  });
});

describe('jurisdiction: the grid and station that own a workstation', () => {
  it('follows the org data for each station, and says so when a grid has no station', async () => {
    await setup();
    const org = new OrgRepo(hub!.db);
    const unit = (id: string) => org.unit(id);
    expect(jurisdictionOf('HQ-W-CL02', unit)).toEqual({
      gridId: 'HQ-G-CL',
      gridName: '蔡路责任网格',
      stationId: 'HQ-S2',
      stationName: '第二联勤站',
    }); // 海塘村
    expect(jurisdictionOf('HQ-W-HQ01', unit)).toMatchObject({ gridName: '合庆责任网格', stationId: 'HQ-S1' }); // 向东村
    expect(jurisdictionOf(null, unit)).toBeNull();
    expect(jurisdictionOf('HQ-S1', unit)).toBeNull(); // not a workstation
    hub!.db.prepare("UPDATE org_units SET station_id = NULL WHERE id = 'HQ-G-CL'").run();
    expect(jurisdictionOf('HQ-W-CL02', unit)).toMatchObject({ gridName: '蔡路责任网格', stationId: null });
    const orphan: JurisdictionUnit = { id: 'W', kind: 'workstation', name: '新村', parentId: null, stationId: null };
    expect(jurisdictionOf('W', (id) => (id === 'W' ? orphan : undefined))).toBeNull();
  });

  it('the order detail carries it, and a dispatch outside it is recorded in the history', async () => {
    const { hotline, chief } = await setup();
    const haitang = await filed(hotline, chief, { workstationId: 'HQ-W-CL02', title: '海塘村路灯不亮' });
    expect(haitang.jurisdiction).toMatchObject({ stationId: 'HQ-S2', stationName: '第二联勤站' });
    const out = await ok(hub!, chief, 'orders.act', {
      id: haitang.id,
      action: 'dispatch',
      handler: { kind: 'station', id: 'HQ-S1' },
    });
    expect(out.history.at(-1)?.detail).toMatchObject({
      outsideJurisdiction: { ownerStationId: 'HQ-S2', ownerStation: '第二联勤站' },
    });
    expect(out.jurisdiction?.stationId).toBe('HQ-S2'); // still 海塘村's owner, whoever handles it

    const inside = await filed(hotline, chief, { workstationId: 'HQ-W-CL02', title: '海塘村井盖' });
    const sent = await ok(hub!, chief, 'orders.act', {
      id: inside.id,
      action: 'dispatch',
      handler: { kind: 'station', id: 'HQ-S2' },
    });
    expect(sent.history.at(-1)?.detail).not.toHaveProperty('outsideJurisdiction');
    // A workstation of the other grid is outside too; a department is no one's area.
    const toVillage = await filed(hotline, chief, { workstationId: 'HQ-W-CL02', title: '海塘村乱堆物' });
    const village = await ok(hub!, chief, 'orders.act', {
      id: toVillage.id,
      action: 'dispatch',
      handler: { kind: 'workstation', id: 'HQ-W-HQ01' },
    });
    expect(village.history.at(-1)?.detail).toHaveProperty('outsideJurisdiction');
    const toDept = await filed(hotline, chief, { workstationId: 'HQ-W-CL02', title: '海塘村燃气' });
    const deptId = (hub!.db.prepare('SELECT id FROM departments ORDER BY sort LIMIT 1').get() as { id: string }).id;
    const dept = await ok(hub!, chief, 'orders.act', {
      id: toDept.id,
      action: 'dispatch',
      handler: { kind: 'department', id: deptId },
    });
    expect(dept.history.at(-1)?.detail).not.toHaveProperty('outsideJurisdiction');
    // Only an address: no jurisdiction, nothing to warn about.
    const street = await filed(hotline, chief, { address: '庆达路 1 号', title: '庆达路树木倒伏' });
    expect(street.jurisdiction).toBeNull();
    const streetSent = await ok(hub!, chief, 'orders.act', {
      id: street.id,
      action: 'dispatch',
      handler: { kind: 'station', id: 'HQ-S1' },
    });
    expect(streetSent.history.at(-1)?.detail).not.toHaveProperty('outsideJurisdiction');
  });

  it('dispatch: wrong role refused, another station’s order not found, hostile text refused', async () => {
    const { hotline, chief, station } = await setup();
    const o = await filed(hotline, chief, { workstationId: 'HQ-W-CL02' });
    const dispatch = { id: o.id, action: 'dispatch' as const, handler: { kind: 'station' as const, id: 'HQ-S1' } };
    expect(code(await call(hub!, hotline, 'orders.act', dispatch))).toBe('E_FORBIDDEN');
    await ok(hub!, chief, 'orders.act', { ...dispatch, handler: { kind: 'station', id: 'HQ-S2' } });
    // 'station' is 第一联勤站's chief: 第二联勤站's order does not exist for them.
    expect(code(await call(hub!, station, 'orders.act', { ...dispatch, action: 'redispatch' }))).toBe('E_NOT_FOUND');
    expect(code(await call(hub!, station, 'orders.get', { id: o.id }))).toBe('E_NOT_FOUND');
    const other = await filed(hotline, chief, { workstationId: 'HQ-W-CL02', title: '海塘村积水' });
    const hostile = { id: other.id, action: 'dispatch' as const };
    expect(
      code(await call(hub!, chief, 'orders.act', { ...hostile, handler: { kind: 'station', id: 'HQ-S1\u0007' } })),
    ).toBe('E_INVALID');
    expect(
      code(await call(hub!, chief, 'orders.act', { ...hostile, handler: { kind: 'station', id: 'S'.repeat(10_000) } })),
    ).toBe('E_INVALID');
  });
});
