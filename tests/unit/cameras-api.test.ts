import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ApiResult, MethodInput, MethodName, MethodOutput } from '../../common/contract';
import type { Connection } from '../../main/api/connection';
import { EventBus } from '../../main/api/event-bus';
import { authHandlers } from '../../main/api/handlers/auth-handlers';
import { cameraHandlers } from '../../main/api/handlers/camera-handlers';
import type { HandlerMap } from '../../main/api/handler-types';
import { Router } from '../../main/api/router';
import { openDatabase, type Db } from '../../main/db/connection';
import { AuditRepo } from '../../main/services/audit/audit-repo';
import { AuthService } from '../../main/services/auth/auth-service';
import { SessionsRepo } from '../../main/services/auth/sessions-repo';
import { CamerasService } from '../../main/services/cameras/cameras-service';
import { OrgRepo } from '../../main/services/org/org-repo';
import { seedReferenceData } from '../../main/services/org/seed';
import { bootstrapUsers, DEMO_PASSWORD } from '../../main/services/users/bootstrap';
import { UsersRepo } from '../../main/services/users/users-repo';

// A hub of just the pieces the camera API needs (sign-in + cameras), wired the way main/hub.ts does,
// so these tests do not depend on the rest of the hub.
let db: Db;
let router: Router;
let cameras: CamerasService;
const conns = new Map<string, Connection>();

beforeAll(async () => {
  db = openDatabase(fs.mkdtempSync(path.join(os.tmpdir(), 'cityops-cameras-')));
  seedReferenceData(db);
  const clock = () => Date.now();
  const users = new UsersRepo(db);
  await bootstrapUsers(db, users, clock(), { demo: true });
  const auth = new AuthService(users, new SessionsRepo(db), clock, { sessionLifetimeMs: 3600_000 });
  const bus = new EventBus(auth);
  cameras = new CamerasService(db, new OrgRepo(db), clock, { secretKey: randomBytes(32) });
  const handlers = { ...authHandlers(auth, bus), ...cameraHandlers({ cameras }) } as unknown as HandlerMap;
  router = new Router({ db, clock, auth, audit: new AuditRepo(db), bus, handlers, onInternalError: () => undefined });
  for (const username of ['admin', 'chief', 'monitor', 'grid', 'hotline', 'station', 'coord']) {
    const conn: Connection = { id: `conn-${username}`, token: null, push: () => undefined };
    await router.call(conn, 'auth.login', { username, password: DEMO_PASSWORD });
    if (!conn.token) throw new Error(`${username} did not sign in`);
    conns.set(username, conn);
  }
});
afterAll(() => db.close());

function as(username: string): Connection {
  const conn = conns.get(username);
  if (!conn) throw new Error(`no connection for ${username}`);
  return conn;
}

function call<M extends MethodName>(user: string, method: M, input: MethodInput<M>) {
  return router.call(as(user), method, input) as Promise<ApiResult<MethodOutput<M>>>;
}

async function ok<M extends MethodName>(user: string, method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const r = await call(user, method, input);
  if (!r.ok) throw new Error(`${method} as ${user}: ${r.error.code} ${r.error.message.en}`);
  return r.value;
}

const SECRETS = ['Pa55word', 'tok3n-XYZ', 'camuser', 'SubPw77'];
const camera = {
  name: '合庆居委广场',
  workstationId: 'HQ-W-HQ14',
  mainUrl: 'rtsp://camuser:Pa55word@10.8.0.9:554/main?token=tok3n-XYZ',
  subUrl: 'rtsp://camuser:SubPw77@10.8.0.9:554/sub',
};

describe('camera API access', () => {
  it('people who work with video read the registry; a hotline or grid officer cannot', async () => {
    for (const user of ['monitor', 'chief', 'station', 'coord', 'admin']) {
      expect((await call(user, 'cameras.list', {})).ok, user).toBe(true);
      expect((await call(user, 'cameras.tree', {})).ok, user).toBe(true);
    }
    for (const user of ['hotline', 'grid']) {
      const r = await call(user, 'cameras.list', {});
      expect(r.ok ? null : r.error.code, user).toBe('E_FORBIDDEN');
    }
  });

  it('only an administrator changes it; chiefs and admins see the viewing report', async () => {
    const created = await ok('admin', 'cameras.create', { ...camera, name: '权限测试' });
    const writes = [
      ['cameras.create', camera],
      ['cameras.update', { id: created.id, name: 'x' }],
      ['cameras.setEnabled', { id: created.id, enabled: false }],
      ['cameras.delete', { id: created.id }],
      ['cameras.import', { format: 'csv', text: 'name\n' }],
      ['cameras.export', { format: 'csv' }],
    ] as const;
    for (const user of ['monitor', 'chief', 'station', 'coord']) {
      for (const [method, input] of writes) {
        const r = await router.call(as(user), method, input);
        expect(r.ok ? null : r.error.code, `${method} as ${user}`).toBe('E_FORBIDDEN');
      }
    }
    const range = { from: Date.now() - 86_400_000, to: Date.now() + 1000 };
    expect((await call('chief', 'cameras.viewsReport', range)).ok).toBe(true);
    const denied = await call('monitor', 'cameras.viewsReport', range);
    expect(denied.ok ? null : denied.error.code).toBe('E_FORBIDDEN');
    await ok('admin', 'cameras.delete', { id: created.id });
  });
});

describe('credentials never leave the hub', () => {
  it('in no method output, no error, no audit row', async () => {
    const outputs: unknown[] = [];
    const keep = async <M extends MethodName>(user: string, method: M, input: MethodInput<M>) => {
      const r = await call(user, method, input);
      outputs.push(r);
      return r;
    };
    const c = await ok('admin', 'cameras.create', camera);
    outputs.push(c);
    expect(c.mainUrl).toBe('rtsp://***@10.8.0.9:554/main?token=***');
    await keep('admin', 'cameras.update', {
      id: c.id,
      name: '合庆居委广场东',
      mainUrl: 'rtsp://***@10.8.0.10:554/main?token=***',
    });
    await keep('admin', 'cameras.setEnabled', { id: c.id, enabled: true });
    await keep('monitor', 'cameras.get', { id: c.id });
    await keep('monitor', 'cameras.list', { filter: { text: '合庆' } });
    await keep('monitor', 'cameras.tree', {});
    // Failures that involve the URLs: a bad code with credentials, *** with nothing stored.
    await keep('admin', 'cameras.create', { ...camera, code: '12' });
    await keep('admin', 'cameras.update', { id: c.id, subUrl: 'http://camuser:SubPw77@h/x.m3u8' });
    const csv = [
      '名称,工作站,主码流,子码流,编码',
      `导入一,合庆居委,rtsp://camuser:Pa55word@10.8.0.11/m,rtsp://camuser:SubPw77@10.8.0.11/s,`,
      `导入二,合庆居委,rtsp://camuser:Pa55word@10.8.0.12/m,,999`,
    ].join('\n');
    const report = await keep('admin', 'cameras.import', { format: 'csv', text: csv });
    expect(report.ok && [report.value.created, report.value.rejected]).toEqual([1, 1]);
    // A misaligned row puts a URL where the workstation belongs; broken JSON around a password.
    const shifted = '名称,工作站,主码流\n导入三,rtsp://camuser:Pa55word@10.8.0.13/m?token=tok3n-XYZ,合庆居委';
    const misaligned = await keep('admin', 'cameras.import', { format: 'csv', text: shifted });
    expect(misaligned.ok && misaligned.value.lines[0]?.errors[0]?.zh).toBe(
      '工作站“rtsp://***@10.8.0.13/m?token=***”不存在',
    );
    const json = '[{"name": "x", "mainUrl": "rtsp://camuser:Pa55word@h/m" "workstation": 1}]';
    await keep('admin', 'cameras.import', { format: 'json', text: json });
    for (const format of ['csv', 'json'] as const) {
      const file = await ok('admin', 'cameras.export', { format });
      outputs.push(Buffer.from(file.dataBase64, 'base64').toString('utf8'));
    }
    const view = await ok('monitor', 'cameras.viewStart', { cameraId: c.id, stream: 'main' });
    outputs.push(view, await ok('monitor', 'cameras.viewEnd', { viewId: view.viewId }));
    outputs.push(await ok('chief', 'cameras.viewsReport', { from: Date.now() - 86_400_000, to: Date.now() + 1000 }));

    const seen = JSON.stringify(outputs);
    const audit = JSON.stringify(db.prepare('SELECT * FROM audit_log').all());
    for (const secret of SECRETS) {
      expect(seen, secret).not.toContain(secret);
      expect(audit, secret).not.toContain(secret);
    }
    // The hub still has them for playback.
    expect(cameras.streamUrl(c.id, 'main')).toBe('rtsp://camuser:Pa55word@10.8.0.10:554/main?token=tok3n-XYZ');
    expect(audit).toContain('修改摄像机');
  });
});

describe('audit and transactions', () => {
  it('writes are audited with the camera and the fields changed; viewing is recorded apart', async () => {
    const c = await ok('admin', 'cameras.create', { ...camera, name: '审计测试' });
    await ok('admin', 'cameras.update', { id: c.id, tags: ['广场'], enabled: false });
    const rows = db
      .prepare('SELECT method, target, summary FROM audit_log WHERE target = ? ORDER BY id')
      .all(`camera:${c.id}`);
    expect(rows).toEqual([
      { method: 'cameras.create', target: `camera:${c.id}`, summary: `新增摄像机 ${c.id} 审计测试（合庆居委）` },
      { method: 'cameras.update', target: `camera:${c.id}`, summary: `修改摄像机 ${c.id} 审计测试：标签、启用` },
    ]);
    await ok('admin', 'cameras.setEnabled', { id: c.id, enabled: true });
    const before = (db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
    const view = await ok('monitor', 'cameras.viewStart', { cameraId: c.id });
    await ok('monitor', 'cameras.viewEnd', { viewId: view.viewId });
    expect((db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n).toBe(before);
    const recorded = db.prepare(
      'SELECT user_name AS u, connection_id AS conn, closed_by AS by FROM camera_views WHERE id = ?',
    );
    expect(recorded.get(view.viewId)).toEqual({ u: '李娜（视频监控）', conn: 'conn-monitor', by: 'viewer' });
    const other = await call('chief', 'cameras.viewEnd', { viewId: view.viewId });
    expect(other.ok ? null : other.error.code).toBe('E_NOT_FOUND');
  });

  it('an import that fails half-way saves nothing', async () => {
    const count = () => (db.prepare('SELECT count(*) AS n FROM cameras').get() as { n: number }).n;
    const before = count();
    const text = ['名称,工作站,主码流', '一,海塘村,rtsp://h/1', '二,海塘村,rtsp://h/2', '三,海塘村,rtsp://h/3'].join(
      '\n',
    );
    const original = cameras.repo.insert.bind(cameras.repo);
    let calls = 0;
    const spy = vi.spyOn(cameras.repo, 'insert').mockImplementation((fields, now) => {
      calls += 1;
      if (calls === 2) throw new Error('disk full');
      return original(fields, now);
    });
    const r = await call('admin', 'cameras.import', { format: 'csv', text });
    spy.mockRestore();
    expect(r.ok ? null : r.error.code).toBe('E_INTERNAL');
    expect(count()).toBe(before);
    const last = db.prepare('SELECT method, ok, error_code AS code FROM audit_log ORDER BY id DESC LIMIT 1').get();
    expect(last).toEqual({ method: 'cameras.import', ok: 0, code: 'E_INTERNAL' });
    const again = await ok('admin', 'cameras.import', { format: 'csv', text });
    expect([again.created, count()]).toEqual([3, before + 3]);
  });
});

describe('playback choice and H.265 transcoding', () => {
  it('a new camera plays auto without transcoding; an administrator sets both, audited with their values', async () => {
    const c = await ok('admin', 'cameras.create', { ...camera, name: '播放方式' });
    expect(c).toMatchObject({ playback: 'auto', transcode: false });
    const set = await ok('admin', 'cameras.update', { id: c.id, playback: 'hls', transcode: true });
    expect(set).toMatchObject({ playback: 'hls', transcode: true });
    // Fields left out keep the settings; the list and the tree carry them too.
    await ok('admin', 'cameras.update', { id: c.id, tags: ['x'] });
    expect(await ok('monitor', 'cameras.get', { id: c.id })).toMatchObject({ playback: 'hls', transcode: true });
    const listed = (await ok('monitor', 'cameras.list', {})).rows.find((r) => r.id === c.id);
    expect(listed).toMatchObject({ playback: 'hls', transcode: true });
    const made = await ok('admin', 'cameras.create', { ...camera, name: '仅 WebRTC', playback: 'webrtc' });
    expect(made).toMatchObject({ playback: 'webrtc', transcode: false });
    const summaries = db
      .prepare("SELECT summary FROM audit_log WHERE target IN (?, ?) AND method LIKE 'cameras.%' ORDER BY id")
      .all(`camera:${c.id}`, `camera:${made.id}`)
      .map((r) => (r as { summary: string }).summary);
    expect(summaries).toEqual([
      `新增摄像机 ${c.id} 播放方式（合庆居委）`,
      `修改摄像机 ${c.id} 播放方式：播放方式→仅 HLS、H.265 转码→开`,
      `修改摄像机 ${c.id} 播放方式：标签`,
      `新增摄像机 ${made.id} 仅 WebRTC（合庆居委），播放方式 仅 WebRTC`,
    ]);
    expect(summaries.join('\n')).not.toMatch(/Pa55word|SubPw77|camuser|rtsp:/);
    // The same as data for the console's language: field codes, never a value that is a URL.
    const details = db
      .prepare("SELECT detail FROM audit_log WHERE target = ? AND method LIKE 'cameras.%' ORDER BY id")
      .all(`camera:${c.id}`)
      .map((r) => JSON.parse((r as { detail: string }).detail) as { key: string; params: Record<string, unknown> });
    expect(details.map((d) => [d.key, d.params.fields ?? null])).toEqual([
      ['camera.create', null],
      ['camera.update', ['playback=hls', 'transcode=on']],
      ['camera.update', ['tags']],
    ]);
  });

  it('only administrators set them: every other role, of this station or another, is refused and nothing changes', async () => {
    const c = await ok('admin', 'cameras.create', { ...camera, name: '角色' });
    // The registry is not scoped by station (camera-visibility.ts): a station chief of another
    // station is refused as any non-administrator is, by role.
    for (const user of ['chief', 'monitor', 'station', 'coord', 'grid', 'hotline']) {
      const r = await call(user, 'cameras.update', { id: c.id, transcode: true });
      expect(r.ok ? null : r.error.code, user).toBe('E_FORBIDDEN');
      const p = await call(user, 'cameras.update', { id: c.id, playback: 'hls' });
      expect(p.ok ? null : p.error.code, user).toBe('E_FORBIDDEN');
    }
    expect(await ok('admin', 'cameras.get', { id: c.id })).toMatchObject({ playback: 'auto', transcode: false });
  });

  it('refuses values outside the choice, hostile text included, and leaves the camera as it was', async () => {
    const c = await ok('admin', 'cameras.create', { ...camera, name: '校验' });
    const bad = [
      { playback: 'rtmp' },
      { playback: "auto'; DROP TABLE cameras; --" },
      { playback: '<img src=x onerror=alert(1)>' },
      { playback: 'AUTO' },
      { playback: null },
      { transcode: 'yes' },
      { transcode: 1 },
    ];
    for (const patch of bad) {
      const r = await call('admin', 'cameras.update', { id: c.id, ...patch } as MethodInput<'cameras.update'>);
      expect(r.ok ? null : r.error.code, JSON.stringify(patch)).toBe('E_INVALID');
    }
    const created = await call('admin', 'cameras.create', { ...camera, playback: 'rtsp' } as never);
    expect(created.ok ? null : created.error.code).toBe('E_INVALID');
    expect(await ok('admin', 'cameras.get', { id: c.id })).toMatchObject({ playback: 'auto', transcode: false });
    expect(() => db.prepare("UPDATE cameras SET playback = 'rtmp' WHERE id = ?").run(c.id)).toThrow(/CHECK/);
  });

  it('an unknown camera is not found', async () => {
    const r = await call('admin', 'cameras.update', { id: 'NO-SUCH', playback: 'hls' });
    expect(r.ok ? null : r.error.code).toBe('E_NOT_FOUND');
  });
});
