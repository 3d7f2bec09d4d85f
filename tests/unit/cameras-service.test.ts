import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiError } from '../../common/contract';
import { openDatabase, type Db } from '../../main/db/connection';
import { SessionsRepo, hashToken } from '../../main/services/auth/sessions-repo';
import { CamerasService, type CameraCreate } from '../../main/services/cameras/cameras-service';
import { seedDemoCameras } from '../../main/services/cameras/demo-cameras';
import { OrgRepo } from '../../main/services/org/org-repo';
import { seedReferenceData } from '../../main/services/org/seed';
import { UsersRepo } from '../../main/services/users/users-repo';
import { apiErr } from '../helpers/api-error';
import { tempDir, testClock } from '../helpers/test-env';

let db: Db;
let clock: ReturnType<typeof testClock>;
let cameras: CamerasService;
const HOUR = 3600_000;
const SECRET_KEY = randomBytes(32);

beforeEach(() => {
  db = openDatabase(tempDir());
  seedReferenceData(db);
  clock = testClock();
  cameras = new CamerasService(db, new OrgRepo(db), clock, { secretKey: SECRET_KEY, maxViewMs: 4 * HOUR });
});
afterEach(() => db.close());

function codes(err: ApiError): string[] {
  return (err.details as { errors: { field: string; code: string }[] }).errors.map((e) => `${e.field}:${e.code}`);
}

function camera(input: Partial<CameraCreate> = {}): CameraCreate {
  return {
    name: '海塘村东口',
    code: null,
    workstationId: 'HQ-W-CL02',
    mainUrl: 'rtsp://admin:Hik12345@10.20.1.5:554/Streaming/Channels/101',
    subUrl: 'rtsp://admin:Hik12345@10.20.1.5:554/Streaming/Channels/102',
    tags: [],
    enabled: true,
    ...input,
  };
}

const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('credentials in stream URLs', () => {
  it('are split out on save: masked in the row and every output, whole only through streamUrl', () => {
    const c = cameras.create(camera({ id: 'CAM-0001' }));
    expect(c.mainUrl).toBe('rtsp://***@10.20.1.5:554/Streaming/Channels/101');
    expect(c).toMatchObject({ mainHasCredentials: true, subHasCredentials: true, protocol: 'rtsp', online: 'unknown' });
    expect(JSON.stringify(cameras.list({}, 100))).not.toContain('Hik12345');
    expect(JSON.stringify(db.prepare('SELECT * FROM cameras').all())).not.toContain('Hik12345');
    expect(cameras.streamUrl('cam-0001', 'main')).toBe('rtsp://admin:Hik12345@10.20.1.5:554/Streaming/Channels/101');
    expect(cameras.streamUrl('CAM-0001', 'sub')).toBe('rtsp://admin:Hik12345@10.20.1.5:554/Streaming/Channels/102');
  });

  it('a masked URL left as it was, or edited around ***, keeps the stored credential', () => {
    const c = cameras.create(camera());
    cameras.update({ id: c.id, name: '海塘村东口（新）' });
    const moved = cameras.update({ id: c.id, mainUrl: 'rtsp://***@10.20.1.6:554/Streaming/Channels/101' });
    expect(moved.changed).toEqual(['主码流']);
    expect(cameras.streamUrl(c.id, 'main')).toBe('rtsp://admin:Hik12345@10.20.1.6:554/Streaming/Channels/101');
    const retyped = cameras.update({ id: c.id, subUrl: 'rtsp://admin:New98765@10.20.1.5:554/Streaming/Channels/102' });
    // The stored password changed; the audit may say so but the masked URL did not change.
    expect(retyped.changed).toEqual(['子码流凭据']);
    expect(cameras.streamUrl(c.id, 'sub')).toContain('New98765');
    cameras.update({ id: c.id, subUrl: 'rtsp://10.20.1.5:554/Streaming/Channels/102' });
    expect(cameras.get(c.id).subHasCredentials).toBe(false);
    expect(count('camera_secrets')).toBe(1);
  });

  it('*** on a camera with nothing stored is refused, not saved as a password', () => {
    const err = apiErr(() => cameras.create(camera({ mainUrl: 'rtsp://***@10.0.0.1/x', subUrl: null })));
    expect(err.code).toBe('E_INVALID');
    expect(codes(err)).toEqual(['mainUrl:masked_unknown']);
    expect(count('cameras')).toBe(0);
  });

  it('query tokens are secrets too', () => {
    const c = cameras.create(
      camera({ mainUrl: 'https://vms.example/live/1.m3u8?token=s3cr3t&quality=hd', subUrl: null, protocol: 'hls' }),
    );
    expect(c.mainUrl).toBe('https://vms.example/live/1.m3u8?token=***&quality=hd');
    expect(cameras.streamUrl(c.id, 'sub')).toBe('https://vms.example/live/1.m3u8?token=s3cr3t&quality=hd');
  });
});

describe('registry rules', () => {
  it('generates ids, refuses taken ids and codes with E_CONFLICT, bad rows with E_INVALID', () => {
    expect(cameras.create(camera()).id).toBe('CAM-0001');
    cameras.create(camera({ id: 'CAM-0041', code: '31011500001326000001' }));
    expect(cameras.create(camera()).id).toBe('CAM-0042');
    expect(apiErr(() => cameras.create(camera({ id: 'cam-0041' }))).code).toBe('E_CONFLICT');
    const taken = apiErr(() => cameras.create(camera({ code: '31011500001326000001' })));
    expect([taken.code, ...codes(taken)]).toEqual(['E_CONFLICT', 'code:code_taken']);
    const bad = apiErr(() => cameras.create(camera({ code: '31011500002006000001', workstationId: 'HQ-G-CL' })));
    expect([bad.code, ...codes(bad)]).toEqual(['E_INVALID', 'code:gb_type', 'workstation:unknown_workstation']);
    expect(bad.bilingual.zh).toContain('另有 1 处问题');
    expect(apiErr(() => cameras.update({ id: 'CAM-9999', name: 'x' })).code).toBe('E_NOT_FOUND');
  });

  it('derives grid and station from the workstation', () => {
    const c = cameras.create(camera({ workstationId: 'HQ-W-HQ03' }));
    expect(c).toMatchObject({
      workstationName: '朝阳村',
      gridId: 'HQ-G-HQ',
      gridName: '合庆责任网格',
      stationId: 'HQ-S1',
      stationName: '第一联勤站',
    });
  });
});

const HEADER = '编号,名称,编码,工作站,主码流,子码流,协议,标签,启用';

describe('import', () => {
  it('saves good rows, rejects bad ones with reasons at their file lines', () => {
    cameras.create(camera({ id: 'CAM-0007', code: '31011500001326000007', name: '旧名' }));
    const csv = [
      `\ufeff${HEADER}`,
      'CAM-0101,"向东村',
      '桥头",,向东村,http://10.1.1.1/a.m3u8,,,桥梁;夜间,是',
      'CAM-0102,坏编码,1234,向东村,http://10.1.1.1/b.m3u8,,,,',
      'CAM-0103,不存在,,不存在村,http://10.1.1.1/c.m3u8,,,,',
      'cam-0101,重复,,向东村,http://10.1.1.1/d.m3u8,,,,',
      ',按编码更新,31011500001326000007,前哨村,rtsp://u:pw@10.1.1.2/m,,,,否',
      ',新摄像机,,HQ-W-HQ04,rtsp://***@10.1.1.3/m,,,,',
      ',自动编号,,勤昌村,rtsp://10.1.1.4/m,,rtsp,,',
    ].join('\r\n');
    const report = cameras.importFile('csv', csv, false);
    const brief = report.lines.map((l) => [
      l.line,
      l.ok,
      l.cameraId ?? null,
      l.errors.map((e) => `${e.field}:${e.code}`),
    ]);
    expect(brief).toEqual([
      [2, true, 'CAM-0101', []],
      [4, false, null, ['code:gb_length']],
      [5, false, null, ['workstation:unknown_workstation']],
      [6, false, null, ['id:duplicate_in_file']],
      [7, true, 'CAM-0007', []],
      [8, false, null, ['mainUrl:masked_unknown']],
      // New ids continue after every id the file states, even on rejected rows (fixed, they come back).
      [9, true, 'CAM-0104', []],
    ]);
    expect(report).toMatchObject({ dryRun: false, total: 7, created: 2, updated: 1, rejected: 4 });
    expect(cameras.get('CAM-0101')).toMatchObject({ name: '向东村\r\n桥头', tags: ['桥梁', '夜间'], protocol: 'hls' });
    expect(cameras.get('CAM-0007')).toMatchObject({ name: '按编码更新', workstationName: '前哨村', enabled: false });
    // Disabled cameras do not play; enabled again, it plays with the imported credential.
    expect(cameras.streamUrl('CAM-0007', 'main')).toBeNull();
    cameras.setEnabled('CAM-0007', true);
    expect(cameras.streamUrl('CAM-0007', 'main')).toBe('rtsp://u:pw@10.1.1.2/m');
    expect(cameras.list({}, 100).total).toBe(3);
  });

  it('a dry run reports the same and saves nothing', () => {
    const csv = `name,workstation,mainUrl\n东口,海塘村,rtsp://10.0.0.1/a\n西口,海塘村,ftp://x/y`;
    const report = cameras.importFile('csv', csv, true);
    expect(report).toMatchObject({ dryRun: true, total: 2, created: 1, rejected: 1 });
    expect(report.lines[0]).toMatchObject({ line: 2, ok: true, cameraId: 'CAM-0001', action: 'create' });
    expect(count('cameras')).toBe(0);
  });

  it('an export re-imports unchanged, CSV and JSON, credentials kept', () => {
    cameras.create(camera({ id: 'CAM-0001', tags: ['路口', '=SUM(A1)'], code: '31011500001326000001' }));
    cameras.create(camera({ id: 'CAM-0002', workstationId: 'HQ-W-HQ18', enabled: false, subUrl: null }));
    const before = cameras.list({}, 100).rows;
    for (const format of ['csv', 'json'] as const) {
      const file = cameras.exportFile(format, {});
      const text = file.data.toString('utf8');
      expect(text).not.toContain('Hik12345');
      const report = cameras.importFile(format, text, false);
      expect(report).toMatchObject({ total: 2, created: 0, updated: 2, rejected: 0 });
      expect(cameras.list({}, 100).rows.map(({ updatedAt: _u, ...c }) => c)).toEqual(
        before.map(({ updatedAt: _u, ...c }) => c),
      );
      expect(cameras.streamUrl('CAM-0001', 'main')).toContain('admin:Hik12345@');
    }
  });

  it('a file-level problem rejects the whole file', () => {
    const report = cameras.importFile('csv', '名称,主码流\nx,rtsp://h/a', false);
    expect(report.lines).toEqual([
      { line: 1, ok: false, errors: [expect.objectContaining({ field: 'file', code: 'missing_column' })] },
    ]);
  });
});

describe('tree and search', () => {
  it('groups by grid → station area → workstation and searches Chinese place names', () => {
    cameras.create(camera({ name: '东口', workstationId: 'HQ-W-CL02' }));
    cameras.create(camera({ name: '西口', workstationId: 'HQ-W-CL02', enabled: false }));
    cameras.create(camera({ name: '桥头', workstationId: 'HQ-W-HQ01' }));
    const tree = cameras.tree({}, false, ({ id }) => (id === 'CAM-0001' ? 'online' : 'offline'));
    expect(tree.grids.map((g) => [g.name, g.stations[0]?.name, g.counts])).toEqual([
      ['蔡路责任网格', '第二联勤站', { total: 2, enabled: 1, online: 1, offline: 1 }],
      ['合庆责任网格', '第一联勤站', { total: 1, enabled: 1, online: 0, offline: 1 }],
    ]);
    const hits = cameras.tree({ text: '海塘' }, false);
    expect(hits.counts.total).toBe(2);
    expect(hits.grids.map((g) => g.id)).toEqual(['HQ-G-CL']);
    expect(cameras.list({ text: '第一联勤' }, 10).rows.map((c) => c.name)).toEqual(['桥头']);
    expect(cameras.list({ enabled: false }, 10).rows.map((c) => c.name)).toEqual(['西口']);
    expect(cameras.tree({}, true).grids.flatMap((g) => g.stations[0]?.workstations ?? [])).toHaveLength(36);
  });
});

describe('viewing record', () => {
  function viewer() {
    const users = new UsersRepo(db);
    const id = users.insert(
      {
        username: 'mon',
        displayName: '李娜',
        passwordHash: 'x',
        orgUnitId: 'HQ-C',
        roles: ['video_monitor'],
        mustChangePassword: false,
      },
      clock(),
    );
    const { token } = new SessionsRepo(db).create(id, clock(), 8 * HOUR);
    return { userId: id, userName: '李娜', sessionHash: hashToken(token), connectionId: 'ws-1', token };
  }

  it('records who watched what for how long, closes what was left open, and reports it', () => {
    const v = viewer();
    const { token, ...who } = v;
    const c = cameras.create(camera({ subUrl: null }));
    const t0 = clock();
    const a = cameras.viewStart(c.id, 'sub', who);
    expect(a).toMatchObject({ stream: 'main', endedAt: null });
    clock.advance(10 * 60_000);
    expect(cameras.viewEnd(a.viewId, v.userId)).toMatchObject({ durationMs: 10 * 60_000 });
    clock.advance(60_000);
    expect(cameras.viewEnd(a.viewId, v.userId).durationMs).toBe(10 * 60_000);
    expect(apiErr(() => cameras.viewEnd(a.viewId, v.userId + 1)).code).toBe('E_NOT_FOUND');

    cameras.viewStart(c.id, 'main', { ...who, connectionId: 'ws-2' });
    const b = cameras.viewStart(c.id, 'main', who);
    clock.advance(HOUR);
    expect(cameras.closeConnectionViews('ws-2')).toBe(1);
    expect(cameras.closeStaleViews()).toBe(0);
    new SessionsRepo(db).end(token, clock(), 'logout');
    clock.advance(HOUR);
    expect(cameras.closeStaleViews()).toBe(1);
    const closed = db.prepare('SELECT ended_at AS e, closed_by AS by FROM camera_views WHERE id = ?').get(b.viewId);
    expect(closed).toEqual({ e: t0 + 71 * 60_000, by: 'session' });

    // A view whose session lives on is closed at the maximum duration.
    const { token: t2 } = new SessionsRepo(db).create(v.userId, clock(), 24 * HOUR);
    const long = cameras.viewStart(c.id, 'main', { ...who, sessionHash: hashToken(t2) });
    clock.advance(5 * HOUR);
    expect(cameras.closeStaleViews()).toBe(1);
    expect(db.prepare('SELECT ended_at - started_at AS d FROM camera_views WHERE id = ?').get(long.viewId)).toEqual({
      d: 4 * HOUR,
    });

    const report = cameras.viewsReport({ from: t0 + 5 * 60_000, to: t0 + 100 * HOUR });
    expect(report.totals).toEqual({ views: 4, totalMs: 5 * 60_000 + HOUR + HOUR + 4 * HOUR, stillOpen: 0 });
    expect(report.rows).toEqual([
      expect.objectContaining({ cameraId: c.id, cameraName: '海塘村东口', userName: '李娜', views: 4 }),
    ]);
    expect(report.byUser[0]).toMatchObject({ userId: v.userId, cameras: 1 });
    expect(apiErr(() => cameras.viewStart('CAM-0404', 'main', who)).code).toBe('E_NOT_FOUND');
    cameras.setEnabled(c.id, false);
    expect(apiErr(() => cameras.viewStart(c.id, 'main', who)).code).toBe('E_CONFLICT');
    // The record outlives the camera.
    cameras.delete(c.id);
    expect(cameras.viewsReport({ from: t0, to: t0 + 100 * HOUR }).totals.views).toBe(4);
  });
});

describe('demo cameras', () => {
  const demo = (port: number) =>
    Array.from({ length: 16 }, (_, i) => ({
      key: `d${i + 1}`,
      name: `演示摄像机 ${i + 1}`,
      mainUrl: `http://127.0.0.1:${port}/media/d${i + 1}/main.m3u8`,
      subUrl: `http://127.0.0.1:${port}/media/d${i + 1}/sub.m3u8`,
    }));

  it('spreads over both grids, refreshes URLs on later starts, never restores a deleted one', () => {
    expect(seedDemoCameras(db, demo(8787), clock(), SECRET_KEY)).toEqual({ created: 16, updated: 0 });
    const all = cameras.list({}, 100).rows;
    expect(new Set(all.map((c) => c.workstationId)).size).toBe(16);
    expect(all.filter((c) => c.gridId === 'HQ-G-CL')).toHaveLength(8);
    expect(all.every((c) => c.protocol === 'hls' && c.code?.length === 20)).toBe(true);
    cameras.delete('CAM-0003');
    expect(seedDemoCameras(db, demo(8787), clock(), SECRET_KEY)).toEqual({ created: 0, updated: 0 });
    expect(seedDemoCameras(db, demo(9000), clock(), SECRET_KEY)).toEqual({ created: 0, updated: 15 });
    expect(cameras.get('CAM-0001').mainUrl).toBe('http://127.0.0.1:9000/media/d1/main.m3u8');
    expect(cameras.list({}, 100).total).toBe(15);
  });
});
