import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiResult, LossAck } from '../../common/contract';
import type { Hub } from '../../main/hub';
import { auditSummary, type AuditRenderContext } from '../../renderer/src/workspaces/admin/audit/render';
import { auditEn } from '../../renderer/src/i18n/audit.en';
import { auditZh } from '../../renderer/src/i18n/audit.zh';
import { demoHub, ok, signedIn, type TestConnection } from '../helpers/hub';

// The video-loss alarm's 确认 is the hub's: wall.lossAlarms.ack checks the role and
// the camera, writes an audit row with a structured detail, and pushes wall.lossAcked to everyone who
// watches video, so every console and wall window showing that camera's alarm clears it.

const START = Date.UTC(2026, 11, 2, 6, 0, 0);
let hub: Hub;
let now = START;
const conns: Record<string, TestConnection> = {};
const CAMERA = 'CAM-7001';

const codeOf = (r: ApiResult<unknown>) => (r.ok ? 'ok' : r.error.code);
const acked = (c: TestConnection) =>
  c.events.filter((e) => e.event === 'wall.lossAcked').map((e) => e.payload as LossAck);
const auditRows = () =>
  hub.db
    .prepare(
      `SELECT actor_name AS actor, target, summary, detail, ok, error_code AS code FROM audit_log
       WHERE method = 'wall.lossAlarms.ack' ORDER BY id`,
    )
    .all() as { actor: string; target: string; summary: string; detail: string | null; ok: number; code: string }[];

beforeAll(async () => {
  hub = await demoHub({ clock: () => now, alertSweepMs: 0, dutySweepMs: 0, incidentSweepMs: 0 });
  for (const u of ['admin', 'chief', 'monitor', 'station', 'coord', 'hotline', 'grid'])
    conns[u] = await signedIn(hub, u);
  await ok(hub, conns.admin!, 'cameras.create', {
    id: CAMERA,
    name: '合庆广场东侧',
    workstationId: 'HQ-W-HQ01',
    mainUrl: 'http://127.0.0.1/loss/main.m3u8',
  });
}, 60_000);
afterAll(() => hub.close());

describe('wall.lossAlarms.ack', () => {
  it('records who and when, audits it with its detail, and tells everyone who watches video', async () => {
    now += 60_000;
    for (const c of Object.values(conns)) c.events.length = 0;
    const ack = await ok(hub, conns.monitor!, 'wall.lossAlarms.ack', { cameraId: CAMERA, stream: 'sub' });
    expect(ack).toEqual({
      cameraId: CAMERA,
      cameraName: '合庆广场东侧',
      stream: 'sub',
      by: { userId: expect.any(Number) as number, userName: ack.by.userName },
      at: now,
    });
    expect(ack.by.userName).toBeTruthy();
    // Every console of a video role clears it, the acknowledging one included; others hear nothing.
    for (const u of ['admin', 'chief', 'monitor', 'station', 'coord']) expect(acked(conns[u]!), u).toEqual([ack]);
    for (const u of ['hotline', 'grid']) expect(acked(conns[u]!), u).toEqual([]);

    const row = auditRows().at(-1);
    expect(row).toMatchObject({ ok: 1, target: `camera:${CAMERA}`, actor: 'monitor' });
    expect(row?.summary).toBe(`确认视频丢失报警：合庆广场东侧（${CAMERA}，子码流）`);
    const detail = JSON.parse(row?.detail ?? 'null') as unknown;
    expect(detail).toEqual({
      key: 'wall.lossAck',
      params: { name: '合庆广场东侧', camera: CAMERA, stream: 'sub', group: expect.any(String) as string },
    });
  });

  it('renders the audit row in the console language', () => {
    const row = auditRows().at(-1);
    const ctx = (language: 'zh-CN' | 'en'): AuditRenderContext => ({
      language,
      texts: language === 'en' ? auditEn : auditZh,
      methodNames: {},
      actionName: (a) => a,
      unitName: () => undefined,
      categoryName: () => undefined,
    });
    const entry = {
      method: 'wall.lossAlarms.ack',
      summary: row?.summary ?? '',
      detail: JSON.parse(row?.detail ?? 'null') as never,
    };
    expect(auditSummary(entry, ctx('zh-CN'))).toBe('确认视频丢失报警：合庆广场东侧（子码流）');
    expect(auditSummary(entry, ctx('en'))).toBe('Video-loss alarm acknowledged: 合庆广场东侧 (sub stream)');
  });

  it('is refused to roles that do not see the wall, and nobody is told', async () => {
    const before = auditRows().filter((r) => r.ok === 1).length;
    for (const u of ['hotline', 'grid']) {
      conns.chief!.events.length = 0;
      const r = await hub.call(conns[u]!, 'wall.lossAlarms.ack', { cameraId: CAMERA, stream: 'main' });
      expect(codeOf(r), u).toBe('E_FORBIDDEN');
      expect(acked(conns.chief!)).toEqual([]);
    }
    expect(auditRows().filter((r) => r.ok === 1)).toHaveLength(before);
    expect(auditRows().filter((r) => r.code === 'E_FORBIDDEN')).toHaveLength(2);
  });

  it('a camera the caller cannot see (none such in the registry) is E_NOT_FOUND, nothing pushed', async () => {
    conns.chief!.events.length = 0;
    const r = await hub.call(conns.station!, 'wall.lossAlarms.ack', { cameraId: 'CAM-8999', stream: 'main' });
    expect(codeOf(r)).toBe('E_NOT_FOUND');
    if (!r.ok) expect(r.error.message.zh).toContain('CAM-8999');
    expect(acked(conns.chief!)).toEqual([]);
  });

  it('hostile text and odd values are E_INVALID, nothing written or pushed', async () => {
    const before = auditRows().filter((r) => r.ok === 1).length;
    conns.chief!.events.length = 0;
    const bad: unknown[] = [
      { cameraId: `${CAMERA}\u0000`, stream: 'main' },
      { cameraId: 'CAM-\u202e\u0007', stream: 'main' },
      { cameraId: 'x'.repeat(100_000), stream: 'main' },
      { cameraId: '', stream: 'main' },
      { cameraId: CAMERA, stream: 'hd' },
      { cameraId: CAMERA },
      { cameraId: 7001, stream: 'main' },
    ];
    for (const input of bad) {
      const r = await hub.call(conns.monitor!, 'wall.lossAlarms.ack', input);
      expect(codeOf(r), JSON.stringify(input).slice(0, 60)).toBe('E_INVALID');
    }
    expect(auditRows().filter((r) => r.ok === 1)).toHaveLength(before);
    expect(acked(conns.chief!)).toEqual([]);
  });

  it('each acknowledgement is its own record: the same camera later, by another console', async () => {
    now += 3_600_000;
    const second = await ok(hub, conns.station!, 'wall.lossAlarms.ack', { cameraId: CAMERA, stream: 'main' });
    expect(second.at).toBe(now);
    expect(
      auditRows()
        .filter((r) => r.ok === 1)
        .map((r) => r.summary),
    ).toEqual([
      `确认视频丢失报警：合庆广场东侧（${CAMERA}，子码流）`,
      `确认视频丢失报警：合庆广场东侧（${CAMERA}，主码流）`,
    ]);
  });
});
