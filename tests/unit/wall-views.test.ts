import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MethodInput } from '../../common/contract';
import {
  isWallLayoutId,
  layoutTileCount,
  validateView,
  WALL_LAYOUT_IDS,
  WALL_LAYOUT_TILES,
  type CameraLookup,
} from '../../common/domain/wall';
import type { TestConnection } from '../helpers/test-env';
import { CAMERA_IDS, take, wallHub, type WallHub } from '../helpers/wall-hub';

const [CAM1, CAM2, CAM3] = CAMERA_IDS as [string, string, string];
const lookup: CameraLookup = (id) => CAMERA_IDS.find((c) => c.toLowerCase() === id.toLowerCase());

describe('layouts', () => {
  it('are the nine layouts with their tile counts', () => {
    expect(WALL_LAYOUT_IDS).toEqual(['1', '4', '6', '8', '9', '12', '16', '25', '36']);
    expect(Object.entries(WALL_LAYOUT_TILES)).toEqual([
      ['1', 1],
      ['4', 4],
      ['6', 6],
      ['8', 8],
      ['9', 9],
      ['12', 12],
      ['16', 16],
      ['25', 25],
      ['36', 36],
    ]);
    expect(isWallLayoutId('12')).toBe(true);
    expect(isWallLayoutId('10')).toBe(false);
    expect(layoutTileCount('6')).toBe(6);
  });
});

describe('validateView', () => {
  it('keeps a good view, trims its name and spells cameras as the registry does', () => {
    const r = validateView({ name: '  南片区  ', layout: '4', slots: ['cam-0001', null, CAM2] }, lookup);
    expect(r).toEqual({ ok: true, value: { name: '南片区', layout: '4', slots: [CAM1, null, CAM2] } });
  });

  it('names the tile of an unknown camera, 1-based in words and 0-based in the field', () => {
    const r = validateView({ name: 'x', layout: '9', slots: [CAM1, null, 'CAM-9999'] }, lookup);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual([
      {
        field: 'slots.2',
        code: 'unknown_camera',
        zh: '第 3 格的摄像机 CAM-9999 不存在',
        en: 'Tile 3: there is no camera CAM-9999',
      },
    ]);
  });

  it('refuses more slots than the layout has tiles, an unknown layout and a blank or long name', () => {
    const codes = (draft: Parameters<typeof validateView>[0]) => {
      const r = validateView(draft, lookup);
      return r.ok ? [] : r.errors.map((e) => e.code);
    };
    expect(codes({ name: 'x', layout: '4', slots: [null, null, null, null, CAM1] })).toEqual(['too_many_slots']);
    expect(codes({ name: 'x', layout: '4', slots: [null, null, null, null] })).toEqual([]);
    expect(codes({ name: 'x', layout: '10', slots: [] })).toEqual(['layout_unknown']);
    expect(codes({ name: '   ', layout: '1', slots: [] })).toEqual(['name_required']);
    expect(codes({ name: '画'.repeat(41), layout: '1', slots: [] })).toEqual(['name_too_long']);
    expect(codes({ name: '画'.repeat(40), layout: '1', slots: [] })).toEqual([]);
  });
});

describe('wall.views API', () => {
  let hub: WallHub;
  const c: Record<string, TestConnection> = {};
  type Save = MethodInput<'wall.views.save'>;
  const save = (user: string, input: Save) => hub.call(c[user]!, 'wall.views.save', input);
  const names = async (user: string) =>
    (await hub.ok(c[user]!, 'wall.views.list', {})).rows.map((v) => `${v.scope}:${v.name}`);
  const code = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? 'ok' : r.error?.code);

  beforeAll(async () => {
    hub = await wallHub();
    for (const u of ['monitor', 'coord', 'chief', 'admin', 'station', 'grid', 'hotline']) c[u] = await hub.connect(u);
  });
  afterAll(() => hub.close());

  it('is for the people who watch cameras', async () => {
    for (const u of ['grid', 'hotline']) {
      expect(code(await hub.call(c[u]!, 'wall.views.list', {})), u).toBe('E_FORBIDDEN');
      expect(code(await save(u, { name: 'x', layout: '1', slots: [] })), u).toBe('E_FORBIDDEN');
    }
    for (const u of ['monitor', 'coord', 'chief', 'admin', 'station']) {
      expect(code(await hub.call(c[u]!, 'wall.views.list', {})), u).toBe('ok');
    }
  });

  it('lists a personal view to its owner only, a shared one to everyone', async () => {
    const mine = await hub.ok(c.monitor!, 'wall.views.save', { name: '我的四画面', layout: '4', slots: [CAM1, CAM2] });
    expect(mine).toMatchObject({ scope: 'personal', layout: '4', slots: [CAM1, CAM2], canEdit: true });
    const shared = await hub.ok(c.monitor!, 'wall.views.save', {
      name: '全镇九画面',
      scope: 'shared',
      layout: '9',
      slots: [CAM1, null, 'cam-0003'],
    });
    expect(shared.slots).toEqual([CAM1, null, CAM3]);
    expect(await names('monitor')).toEqual(['shared:全镇九画面', 'personal:我的四画面']);
    expect(await names('coord')).toEqual(['shared:全镇九画面']);
    expect(await names('station')).toEqual(['shared:全镇九画面']);
    // Somebody else's personal view does not exist for them.
    const peek = await hub.call(c.chief!, 'wall.views.save', { id: mine.id, name: 'x', layout: '1', slots: [] });
    expect(code(peek)).toBe('E_NOT_FOUND');
    expect(code(await hub.call(c.admin!, 'wall.views.delete', { id: mine.id }))).toBe('E_NOT_FOUND');
  });

  it('refuses an unknown camera with E_INVALID naming the tile, and writes nothing', async () => {
    const before = await names('monitor');
    const r = await save('monitor', { name: '坏画面', layout: '16', slots: [CAM1, CAM2, null, 'CAM-0404'] });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('E_INVALID');
    expect(r.error.message).toEqual({
      zh: '第 4 格的摄像机 CAM-0404 不存在',
      en: 'Tile 4: there is no camera CAM-0404',
    });
    expect(r.error.details).toMatchObject({ errors: [{ field: 'slots.3', code: 'unknown_camera' }] });
    expect(await names('monitor')).toEqual(before);
    expect(hub.audit('wall.views.save').at(-1)).toMatchObject({ ok: 0, errorCode: 'E_INVALID' });
  });

  it('refuses more cameras than the layout has tiles', async () => {
    const r = await save('monitor', { name: '太多', layout: '1', slots: [CAM1, CAM2] });
    expect(r.ok ? null : [r.error.code, r.error.message.en]).toEqual([
      'E_INVALID',
      'Layout 1 has 1 tiles; 2 were given',
    ]);
  });

  it('keeps names unique in each list: the owner’s personal views, and all shared views', async () => {
    await hub.ok(c.coord!, 'wall.views.save', { name: '夜班', layout: '4', slots: [] });
    // The same personal name for someone else is fine; twice for one owner is not.
    await hub.ok(c.monitor!, 'wall.views.save', { name: '夜班', layout: '4', slots: [] });
    const twice = await save('coord', { name: ' 夜班 ', layout: '9', slots: [] });
    expect(twice.ok ? null : [twice.error.code, twice.error.message.zh]).toEqual([
      'E_CONFLICT',
      '已有名为“夜班”的您的个人画面',
    ]);
    // A shared name is taken for everyone, whoever created it.
    const shared = await save('chief', { name: '全镇九画面', scope: 'shared', layout: '9', slots: [] });
    expect(shared.ok ? null : [shared.error.code, shared.error.message.en]).toEqual([
      'E_CONFLICT',
      'There is already a shared view named "全镇九画面"',
    ]);
    // A personal view may have a shared view's name.
    expect(code(await save('chief', { name: '全镇九画面', layout: '9', slots: [] }))).toBe('ok');
  });

  it('lets the creator, duty chiefs and admins change a shared view; others not', async () => {
    const v = await hub.ok(c.monitor!, 'wall.views.save', {
      name: '河道',
      scope: 'shared',
      layout: '4',
      slots: [CAM1],
    });
    const listed = async (user: string) =>
      (await hub.ok(c[user]!, 'wall.views.list', {})).rows.find((row) => row.id === v.id);
    expect((await listed('coord'))?.canEdit).toBe(false);
    expect((await listed('chief'))?.canEdit).toBe(true);
    const edit = (user: string, slots: string[]) =>
      save(user, { id: v.id, name: '河道', scope: 'shared', layout: '4', slots });
    expect(code(await edit('coord', [CAM2]))).toBe('E_FORBIDDEN');
    expect(code(await edit('station', [CAM2]))).toBe('E_FORBIDDEN');
    expect(code(await hub.call(c.coord!, 'wall.views.delete', { id: v.id }))).toBe('E_FORBIDDEN');
    const byChief = await hub.ok(c.chief!, 'wall.views.save', {
      id: v.id,
      name: '河道巡查',
      scope: 'shared',
      layout: '9',
      slots: [CAM2, CAM3],
    });
    // Changed in place: the same id, still its creator's, the editor named.
    expect(byChief).toMatchObject({ id: v.id, name: '河道巡查', layout: '9', slots: [CAM2, CAM3] });
    expect(byChief.ownerName).toBe(v.ownerName);
    expect(byChief.updatedByName).toBe('张伟（值班长）');
    expect(code(await edit('monitor', [CAM1]))).toBe('ok');
    // Only the creator may take a shared view back into a personal list.
    const rescope = (user: string) => save(user, { id: v.id, name: '河道', scope: 'personal', layout: '4', slots: [] });
    expect(code(await rescope('chief'))).toBe('E_FORBIDDEN');
    expect(code(await rescope('monitor'))).toBe('ok');
    expect(await listed('chief')).toBeUndefined();
  });

  it('deletes: a personal view by its owner, a shared one by an admin', async () => {
    const p = await hub.ok(c.coord!, 'wall.views.save', { name: '临时', layout: '1', slots: [CAM1] });
    const s = await hub.ok(c.coord!, 'wall.views.save', { name: '临时共享', scope: 'shared', layout: '1', slots: [] });
    expect(await hub.ok(c.coord!, 'wall.views.delete', { id: p.id })).toBeNull();
    expect(await hub.ok(c.admin!, 'wall.views.delete', { id: s.id })).toBeNull();
    expect(code(await hub.call(c.coord!, 'wall.views.delete', { id: p.id }))).toBe('E_NOT_FOUND');
    expect(await names('coord')).not.toContain('personal:临时');
    expect(await names('coord')).not.toContain('shared:临时共享');
  });

  it('audits saves and deletes with what changed', async () => {
    const v = await hub.ok(c.chief!, 'wall.views.save', {
      name: '审计',
      scope: 'shared',
      layout: '16',
      slots: [CAM1, CAM2],
    });
    await hub.ok(c.chief!, 'wall.views.delete', { id: v.id });
    expect(hub.audit('wall.views.save').at(-1)).toEqual({
      target: `wall-view:${v.id}`,
      summary: '新建共享画面“审计”：16 画面，2 路摄像机',
      ok: 1,
      errorCode: null,
    });
    expect(hub.audit('wall.views.delete').at(-1)).toMatchObject({
      target: `wall-view:${v.id}`,
      summary: '删除共享画面“审计”（创建人 张伟（值班长））',
      ok: 1,
    });
  });

  it('tells every wall user when a shared view changes, only the owner when a personal one does', async () => {
    const other = await hub.connect('monitor');
    for (const conn of Object.values(c)) conn.events.length = 0;
    other.events.length = 0;
    const v = await hub.ok(c.coord!, 'wall.views.save', { name: '事件', layout: '4', slots: [] });
    expect(take(c.coord!, 'wall.changed')).toEqual([{ what: 'views' }]);
    expect(take(other, 'wall.changed')).toEqual([]);
    expect(take(c.chief!, 'wall.changed')).toEqual([]);
    await hub.ok(c.coord!, 'wall.views.save', { id: v.id, name: '事件', scope: 'shared', layout: '4', slots: [] });
    for (const u of ['coord', 'chief', 'admin', 'station'])
      expect(take(c[u]!, 'wall.changed'), u).toEqual([{ what: 'views' }]);
    expect(take(other, 'wall.changed')).toEqual([{ what: 'views' }]);
    expect(take(c.grid!, 'wall.changed')).toEqual([]);
    // Made personal again: the others must drop it from their lists, so they hear of it too.
    await hub.ok(c.coord!, 'wall.views.save', { id: v.id, name: '事件', scope: 'personal', layout: '4', slots: [] });
    expect(take(c.chief!, 'wall.changed')).toEqual([{ what: 'views' }]);
    expect(take(c.coord!, 'wall.changed')).toEqual([{ what: 'views' }]);
    // A refused save sends nothing.
    await save('coord', { id: v.id, name: '事件', layout: '4', slots: ['nope'] });
    expect(take(c.coord!, 'wall.changed')).toEqual([]);
  });

  it('keeps a view whose camera was removed from the registry (its tile shows empty)', async () => {
    hub.cameras.create({
      id: 'CAM-TEMP',
      name: '临时摄像机',
      code: null,
      workstationId: 'HQ-W-HQ14',
      mainUrl: 'http://127.0.0.1/t.m3u8',
      subUrl: null,
      tags: [],
      enabled: true,
    });
    const v = await hub.ok(c.monitor!, 'wall.views.save', { name: '拆除前', layout: '4', slots: [CAM1, 'CAM-TEMP'] });
    hub.cameras.delete('CAM-TEMP');
    const again = (await hub.ok(c.monitor!, 'wall.views.list', {})).rows.find((r) => r.id === v.id);
    expect(again?.slots).toEqual([CAM1, 'CAM-TEMP']);
    // Saving it again asks the operator to fix the tile.
    const r = await save('monitor', { id: v.id, name: '拆除前', layout: '4', slots: [CAM1, 'CAM-TEMP'] });
    expect(r.ok ? null : r.error.message.en).toBe('Tile 2: there is no camera CAM-TEMP');
  });
});
