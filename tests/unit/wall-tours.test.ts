import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MethodInput } from '../../common/contract';
import { tourPage, tourStepCount, validateTour, type CameraLookup, type WallTourDraft } from '../../common/domain/wall';
import type { TestConnection } from '../helpers/test-env';
import { CAMERA_IDS, take, wallHub, type WallHub } from '../helpers/wall-hub';

const lookup: CameraLookup = (id) => CAMERA_IDS.find((c) => c.toLowerCase() === id.toLowerCase());
const ten = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'];

describe('tourPage', () => {
  const wall = { mode: 'wall' as const, cameras: ten };

  it('pages a whole-wall tour through the cameras a layout at a time, the last page short', () => {
    expect(tourStepCount(wall, 4)).toBe(3);
    expect(tourPage(wall, 0, 4)).toEqual(['a', 'b', 'c', 'd']);
    expect(tourPage(wall, 1, 4)).toEqual(['e', 'f', 'g', 'h']);
    // The rest of the last page stays empty: no camera twice on the wall.
    expect(tourPage(wall, 2, 4)).toEqual(['i', 'j']);
  });

  it('wraps around, forwards and backwards', () => {
    expect(tourPage(wall, 3, 4)).toEqual(['a', 'b', 'c', 'd']);
    expect(tourPage(wall, 301, 4)).toEqual(['e', 'f', 'g', 'h']);
    expect(tourPage(wall, -1, 4)).toEqual(['i', 'j']);
    expect(tourPage(wall, -3, 4)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('shows everything at once when the layout holds every camera', () => {
    expect(tourStepCount(wall, 16)).toBe(1);
    expect(tourPage(wall, 0, 16)).toEqual(ten);
    expect(tourPage(wall, 7, 16)).toEqual(ten);
    expect(tourPage(wall, 1, 10)).toEqual(ten);
  });

  it('cycles one tile through the cameras one at a time in tile mode', () => {
    const tile = { mode: 'tile' as const, cameras: ['a', 'b', 'c'] };
    expect(tourStepCount(tile, 16)).toBe(3);
    expect([0, 1, 2, 3, 4, -1].map((s) => tourPage(tile, s, 16))).toEqual([['a'], ['b'], ['c'], ['a'], ['b'], ['c']]);
  });

  it('shows nothing for an empty tour and never divides by a tile count below one', () => {
    expect(tourPage({ mode: 'wall', cameras: [] }, 0, 4)).toEqual([]);
    expect(tourPage({ mode: 'tile', cameras: [] }, 5, 4)).toEqual([]);
    expect(tourPage(wall, 2, 0)).toEqual(['c']);
    expect(tourStepCount(wall, 0)).toBe(10);
  });
});

describe('validateTour', () => {
  const draft: WallTourDraft = { name: '早巡', mode: 'wall', layout: '4', cameras: ['cam-0001'], dwellSeconds: 10 };
  const codes = (d: Partial<WallTourDraft>) => {
    const r = validateTour({ ...draft, ...d }, lookup);
    return r.ok ? [] : r.errors.map((e) => `${e.field}:${e.code}`);
  };

  it('keeps a good tour with cameras spelled as the registry does; tile tours keep no layout', () => {
    expect(validateTour(draft, lookup)).toEqual({ ok: true, value: { ...draft, cameras: ['CAM-0001'] } });
    const tile = validateTour({ ...draft, mode: 'tile', layout: '9' }, lookup);
    expect(tile.ok && tile.value.layout).toBeNull();
  });

  it('refuses a missing layout in wall mode, an empty list, unknown cameras and dwell outside 5–600 s', () => {
    expect(codes({ layout: null })).toEqual(['layout:layout_required']);
    expect(codes({ layout: '7' })).toEqual(['layout:layout_unknown']);
    expect(codes({ mode: 'tile', layout: null })).toEqual([]);
    expect(codes({ cameras: [] })).toEqual(['cameras:cameras_required']);
    expect(codes({ cameras: ['CAM-0001', 'x', 'CAM-0002'] })).toEqual(['cameras.1:unknown_camera']);
    expect(codes({ dwellSeconds: 4 })).toEqual(['dwellSeconds:dwell_out_of_range']);
    expect(codes({ dwellSeconds: 5 })).toEqual([]);
    expect(codes({ dwellSeconds: 600 })).toEqual([]);
    expect(codes({ dwellSeconds: 601 })).toEqual(['dwellSeconds:dwell_out_of_range']);
    expect(codes({ dwellSeconds: 7.5 })).toEqual(['dwellSeconds:dwell_out_of_range']);
  });
});

describe('wall.tours API', () => {
  let hub: WallHub;
  const c: Record<string, TestConnection> = {};
  type Save = MethodInput<'wall.tours.save'>;
  const base: Save = { name: '早班巡查', mode: 'wall', layout: '4', cameras: CAMERA_IDS.slice(0, 6), dwellSeconds: 15 };
  const save = (user: string, input: Partial<Save>) => hub.call(c[user]!, 'wall.tours.save', { ...base, ...input });
  const code = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? 'ok' : r.error?.code);
  const names = async (user: string) =>
    (await hub.ok(c[user]!, 'wall.tours.list', {})).rows.map((t) => `${t.scope}:${t.name}`);

  beforeAll(async () => {
    hub = await wallHub();
    for (const u of ['monitor', 'coord', 'chief', 'admin', 'grid']) c[u] = await hub.connect(u);
  });
  afterAll(() => hub.close());

  it('saves a whole-wall tour and a one-tile tour', async () => {
    const w = await hub.ok(c.monitor!, 'wall.tours.save', base);
    expect(w).toMatchObject({ ...base, scope: 'personal', canEdit: true });
    const t = await hub.ok(c.monitor!, 'wall.tours.save', {
      name: '路口单格',
      mode: 'tile',
      layout: '16',
      cameras: ['cam-0007', 'CAM-0008'],
      dwellSeconds: 5,
    });
    expect(t).toMatchObject({ mode: 'tile', layout: null, cameras: ['CAM-0007', 'CAM-0008'] });
    expect(await names('monitor')).toEqual(['personal:早班巡查', 'personal:路口单格']);
    expect(await names('coord')).toEqual([]);
    expect(code(await hub.call(c.grid!, 'wall.tours.list', {}))).toBe('E_FORBIDDEN');
  });

  it('refuses bad tours with E_INVALID and writes nothing', async () => {
    const before = await names('monitor');
    for (const bad of [
      { dwellSeconds: 4 },
      { dwellSeconds: 601 },
      { cameras: [] },
      { layout: null },
      { name: ' ' },
    ] satisfies Partial<Save>[]) {
      expect(code(await save('monitor', { ...bad, name: bad.name ?? '坏轮巡' })), JSON.stringify(bad)).toBe(
        'E_INVALID',
      );
    }
    const unknown = await save('monitor', { name: '坏轮巡', cameras: ['CAM-0001', 'CAM-0002', 'CAM-0X'] });
    expect(unknown.ok ? null : unknown.error.message).toEqual({
      zh: '第 3 路摄像机 CAM-0X 不存在',
      en: 'Camera 3: there is no camera CAM-0X',
    });
    expect(await names('monitor')).toEqual(before);
  });

  it('follows the views’ rules: unique names per list, shared tours kept by creator, chiefs and admins', async () => {
    expect(code(await save('monitor', {}))).toBe('E_CONFLICT');
    const shared = await hub.ok(c.coord!, 'wall.tours.save', { ...base, name: '全镇轮巡', scope: 'shared' });
    expect(code(await save('chief', { name: '全镇轮巡', scope: 'shared' }))).toBe('E_CONFLICT');
    expect(await names('monitor')).toContain('shared:全镇轮巡');
    expect(code(await save('monitor', { id: shared.id, name: '全镇轮巡', scope: 'shared' }))).toBe('E_FORBIDDEN');
    const changed = await hub.ok(c.chief!, 'wall.tours.save', {
      ...base,
      id: shared.id,
      name: '全镇轮巡',
      scope: 'shared',
      dwellSeconds: 30,
    });
    expect(changed).toMatchObject({ id: shared.id, dwellSeconds: 30, ownerName: shared.ownerName });
    expect(code(await save('chief', { id: shared.id, name: '全镇轮巡', scope: 'personal' }))).toBe('E_FORBIDDEN');
    expect(code(await hub.call(c.monitor!, 'wall.tours.delete', { id: shared.id }))).toBe('E_FORBIDDEN');
    expect(await hub.ok(c.admin!, 'wall.tours.delete', { id: shared.id })).toBeNull();
    expect(await names('coord')).toEqual([]);
  });

  it('audits saves and deletes, and tells consoles to refetch', async () => {
    for (const conn of Object.values(c)) conn.events.length = 0;
    const t = await hub.ok(c.chief!, 'wall.tours.save', { ...base, name: '夜间', scope: 'shared', dwellSeconds: 20 });
    expect(hub.audit('wall.tours.save').at(-1)).toEqual({
      target: `wall-tour:${t.id}`,
      summary: '新建共享轮巡“夜间”：整墙 4 画面，6 路摄像机，每 20 秒切换',
      ok: 1,
      errorCode: null,
    });
    for (const u of ['chief', 'monitor', 'coord', 'admin'])
      expect(take(c[u]!, 'wall.changed'), u).toEqual([{ what: 'tours' }]);
    expect(take(c.grid!, 'wall.changed')).toEqual([]);
    await hub.ok(c.chief!, 'wall.tours.delete', { id: t.id });
    expect(hub.audit('wall.tours.delete').at(-1)?.summary).toBe('删除共享轮巡“夜间”（创建人 张伟（值班长））');
    expect(take(c.monitor!, 'wall.changed')).toEqual([{ what: 'tours' }]);
  });
});
