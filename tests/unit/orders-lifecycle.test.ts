import { afterEach, describe, expect, it } from 'vitest';
import type { MethodInput } from '../../common/contract';
import type { Hub } from '../../main/hub';
import { call, demoHub, ok, signedIn, testClock, type TestConnection } from '../helpers/hub';

let hub: Hub | undefined;
afterEach(() => hub?.close());

const code = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? 'OK' : r.error?.code);

const MANHOLE: MethodInput<'orders.create'> = {
  title: '井盖缺失',
  description: '向东村村口主路井盖缺失，夜间有人车坠落风险',
  categoryId: '0200201',
  workstationId: 'HQ-W-HQ01',
  address: '向东村村口',
  source: 'hotline',
  reporterName: '王先生',
  reporterPhone: '13812345678',
  urgency: 'normal',
};

async function setup() {
  const clock = testClock(Date.UTC(2026, 10, 25, 1, 0, 0)); // Wed 2026-11-25 09:00 Shanghai
  hub = await demoHub({ clock, alertSweepMs: 0 });
  const [hotline, chief, station, grid, monitor] = await Promise.all(
    ['hotline', 'chief', 'station', 'grid', 'monitor'].map((u) => signedIn(hub!, u)),
  );
  return { hub, clock, hotline: hotline!, chief: chief!, station: station!, grid: grid!, monitor: monitor! };
}

async function step(
  conn: TestConnection,
  id: number,
  action: MethodInput<'orders.act'>['action'],
  extra: Partial<MethodInput<'orders.act'>> = {},
) {
  return ok(hub!, conn, 'orders.act', { id, action, ...extra });
}

describe('work-order lifecycle', () => {
  it('runs from the hotline call to the archive, every step in the timeline', async () => {
    const { hotline, chief, station, grid } = await setup();
    const created = await ok(hub!, hotline, 'orders.create', MANHOLE);
    expect(created.code).toMatch(/^HQ20261125-0001$/);
    expect(created.state).toBe('accepted');
    expect(created.deadlineAt).not.toBeNull();
    expect(created.actions).toEqual(['merge']);
    await step(chief, created.id, 'file');
    const dispatched = await step(chief, created.id, 'dispatch', {
      handler: { kind: 'station', id: 'HQ-S1' },
      responseLevel: 'joint',
    });
    expect(dispatched.handler?.name).toBe('第一联勤站');
    expect(dispatched.stationId).toBe('HQ-S1');
    await step(station, created.id, 'receive');
    const photo = await ok(hub!, station, 'attachments.begin', { name: 'scene.png', size: PNG.length });
    await ok(hub!, station, 'attachments.chunk', {
      uploadId: photo.uploadId,
      index: 0,
      dataBase64: PNG.toString('base64'),
    });
    const image = await ok(hub!, station, 'attachments.finish', { uploadId: photo.uploadId });
    await step(station, created.id, 'complete', { reason: '已放置临时围挡并更换井盖', attachmentIds: [image.id] });
    const rework = await step(grid, created.id, 'verify_fail', { reason: '井盖不平整' });
    expect(rework.state).toBe('handling');
    expect(rework.reworkCount).toBe(1);
    await step(station, created.id, 'complete', { reason: '已重新安装' });
    await step(grid, created.id, 'verify_pass');
    await step(chief, created.id, 'close');
    await step(hotline, created.id, 'feedback', { reason: '回访王先生，表示满意', feedbackResult: 'satisfied' });
    const archived = await step(chief, created.id, 'archive');
    expect(archived.state).toBe('archived');
    expect(archived.light).toBe('done');
    expect(archived.history.map((h) => `${h.action}:${h.toState}`)).toEqual([
      'create:reported',
      'accept:accepted',
      'file:filed',
      'dispatch:dispatched',
      'receive:handling',
      'complete:handled',
      'verify_fail:handling',
      'complete:handled',
      'verify_pass:verified',
      'close:closed',
      'feedback:fed_back',
      'archive:archived',
    ]);
    const completeStep = archived.history[5];
    expect(completeStep?.attachments.map((a) => a.mime)).toEqual(['image/png']);
    expect(archived.attachments).toHaveLength(1);
    expect(() => hub!.db.prepare("UPDATE order_history SET reason = 'x'").run()).toThrow(/append-only/);
  });

  it('an illegal step is E_CONFLICT naming the current state; a foreign station sees nothing', async () => {
    const { hotline, chief, station } = await setup();
    const o = await ok(hub!, hotline, 'orders.create', MANHOLE);
    const early = await call(hub!, chief, 'orders.act', { id: o.id, action: 'close' });
    expect(code(early)).toBe('E_CONFLICT');
    if (!early.ok) {
      // The state and step by name only, in each language; the codes are in details.
      expect(early.error.message.zh).toBe('工单当前状态为 待立案，不能结案');
      expect(early.error.message.en).toBe('The order is “Accepted”; “Close” is not possible now');
      expect(early.error.details).toMatchObject({ state: 'accepted', action: 'close' });
    }
    expect(code(await call(hub!, station, 'orders.get', { id: o.id }))).toBe('E_NOT_FOUND');
    await step(chief, o.id, 'file');
    await step(chief, o.id, 'dispatch', { handler: { kind: 'station', id: 'HQ-S2' } });
    expect(code(await call(hub!, station, 'orders.act', { id: o.id, action: 'receive' }))).toBe('E_NOT_FOUND');
    const list = await ok(hub!, station, 'orders.list', {});
    expect(list.rows.map((r) => r.id)).not.toContain(o.id);
    expect(code(await call(hub!, chief, 'orders.act', { id: o.id, action: 'void' }))).toBe('E_INVALID');
  });

  it('a return is approved by the chief and the order goes out again', async () => {
    const { hotline, chief, station } = await setup();
    const o = await ok(hub!, hotline, 'orders.create', MANHOLE);
    await step(chief, o.id, 'file');
    await step(chief, o.id, 'dispatch', { handler: { kind: 'station', id: 'HQ-S1' } });
    const noReason = await call(hub!, station, 'orders.act', { id: o.id, action: 'request_return' });
    expect(code(noReason)).toBe('E_INVALID');
    const returned = await step(station, o.id, 'request_return', { reason: '属供水管线，非本站职责' });
    expect(returned.state).toBe('return_pending');
    const approved = await step(chief, o.id, 'approve_return');
    expect(approved.state).toBe('filed');
    expect(approved.handler).toBeNull();
    const again = await step(chief, o.id, 'dispatch', { handler: { kind: 'department', id: 'DEP-WATER' } });
    expect(again.handler?.name).toBe('供水');
    expect(again.state).toBe('dispatched');
  });

  it('parking pauses the clock and an extension moves the deadline', async () => {
    const { hotline, chief, station, clock } = await setup();
    const o = await ok(hub!, hotline, 'orders.create', { ...MANHOLE, urgency: 'urgent' });
    await step(chief, o.id, 'file');
    await step(chief, o.id, 'dispatch', { handler: { kind: 'station', id: 'HQ-S1' } });
    await step(station, o.id, 'receive');
    const deadline = o.deadlineAt ?? 0;
    await step(station, o.id, 'request_park', { reason: '等待燃气公司停气' });
    const parked = await step(chief, o.id, 'approve_park');
    expect(parked.state).toBe('parked');
    expect(parked.light).toBe('paused');
    clock.advance(3 * 3600_000);
    const resumed = await step(chief, o.id, 'resume');
    expect(resumed.state).toBe('handling');
    expect(resumed.deadlineAt).toBe(deadline + 3 * 3600_000);
    await step(station, o.id, 'request_extension', { reason: '需调配吊车', extensionHours: 2 });
    const extended = await step(chief, o.id, 'approve_extension');
    expect(extended.deadlineAt).toBe(deadline + 5 * 3600_000);
    expect(extended.pending).toBeNull();
  });

  it('merges a duplicate into its parent and shows both histories there', async () => {
    const { hotline, chief, grid } = await setup();
    const parent = await ok(hub!, hotline, 'orders.create', MANHOLE);
    const dupes = await ok(hub!, grid, 'orders.duplicates', {
      categoryId: MANHOLE.categoryId,
      workstationId: MANHOLE.workstationId ?? null,
      title: '村口井盖没了',
      description: '',
    });
    expect(dupes.map((d) => d.id)).toContain(parent.id);
    const child = await ok(hub!, grid, 'orders.create', { ...MANHOLE, source: 'grid', title: '村口井盖没了' });
    const merged = await step(chief, child.id, 'merge', { parentId: parent.id });
    expect(merged.state).toBe('merged');
    expect(merged.parentCode).toBe(parent.code);
    const p = await ok(hub!, chief, 'orders.get', { id: parent.id });
    expect(p.children.map((c) => c.code)).toEqual([child.code]);
    expect(new Set(p.history.map((h) => h.orderCode))).toEqual(new Set([parent.code, child.code]));
  });

  it('looks back only as far as the configured duplicate window', async () => {
    const clock = testClock(Date.UTC(2026, 10, 25, 1, 0, 0));
    hub = await demoHub({ clock, alertSweepMs: 0, duplicateWindowDays: 2, sessionLifetimeMs: 7 * 24 * 3600_000 });
    const hotline = await signedIn(hub, 'hotline');
    const first = await ok(hub, hotline, 'orders.create', MANHOLE);
    const probe = {
      categoryId: MANHOLE.categoryId,
      workstationId: MANHOLE.workstationId ?? null,
      title: MANHOLE.title,
      description: MANHOLE.description ?? '',
    };
    clock.advance(36 * 3600_000);
    expect((await ok(hub, hotline, 'orders.duplicates', probe)).map((d) => d.id)).toEqual([first.id]);
    clock.advance(24 * 3600_000);
    expect(await ok(hub, hotline, 'orders.duplicates', probe)).toEqual([]);
  });

  it('supervision gets a due time and a reply from the handler, and is counted', async () => {
    const { hotline, chief, station, clock } = await setup();
    const o = await ok(hub!, hotline, 'orders.create', MANHOLE);
    await step(chief, o.id, 'file');
    await step(chief, o.id, 'dispatch', { handler: { kind: 'station', id: 'HQ-S1' } });
    // Without a due time the hub sets one from the time limit; the next is a follow-up.
    const first = await step(chief, o.id, 'supervise', { reason: '尽快处理' });
    expect(first.supervisions[0]?.dueAt).toBeGreaterThan(clock());
    const supervised = await step(chief, o.id, 'supervise', {
      reason: '群众反映强烈，今日内处置',
      supervisionDueAt: clock() + 3600_000,
    });
    expect(supervised.supervised).toBe(true);
    let counts = (await ok(hub!, chief, 'orders.supervisions.list', {})).counts;
    expect(counts).toEqual({ open: 1, overdue: 0, replied: 0 });
    clock.advance(2 * 3600_000);
    expect((await ok(hub!, station, 'orders.supervisions.list', {})).counts.overdue).toBe(1);
    await step(station, o.id, 'reply_supervision', { reason: '已安排人员 30 分钟内到场' });
    counts = (await ok(hub!, chief, 'orders.supervisions.list', { onlyOpen: false })).counts;
    expect(counts).toEqual({ open: 0, overdue: 0, replied: 1 });
    expect(
      code(await call(hub!, station, 'orders.act', { id: o.id, action: 'reply_supervision', reason: '再次回复' })),
    ).toBe('E_CONFLICT');
  });

  it('alerts the responsible consoles: a new 特急 order at once, yellow and red as the clock runs', async () => {
    const { hotline, chief, station, clock } = await setup();
    const critical = await ok(hub!, hotline, 'orders.create', { ...MANHOLE, urgency: 'critical', title: '燃气泄漏' });
    expect(
      chief.events.some((e) => e.event === 'orders.alert' && (e.payload as { kind: string }).kind === 'critical'),
    ).toBe(true);
    expect(hotline.events.some((e) => e.event === 'orders.alert')).toBe(false);
    const pending = await ok(hub!, chief, 'orders.alerts.list', {});
    expect(pending.map((a) => [a.orderCode, a.kind])).toEqual([[critical.code, 'critical']]);
    await step(chief, critical.id, 'file');
    await step(chief, critical.id, 'dispatch', { handler: { kind: 'station', id: 'HQ-S1' } });
    const limitMs = (critical.deadlineAt ?? 0) - critical.createdAt;
    clock.advance(limitMs * 0.85);
    expect(hub!.sweepAlerts()).toBe(1);
    expect(
      station.events.filter((e) => e.event === 'orders.alert').map((e) => (e.payload as { kind: string }).kind),
    ).toEqual(['yellow']);
    expect((await ok(hub!, chief, 'orders.get', { id: critical.id })).light).toBe('yellow');
    clock.advance(limitMs * 0.2);
    expect(hub!.sweepAlerts()).toBe(1);
    expect(hub!.sweepAlerts()).toBe(0);
    // Turning red is written into the current shift's duty log of the center and of the station.
    for (const conn of [chief, station]) {
      const { entries } = await ok(hub!, conn, 'duty.log.current', {});
      const system = entries.filter((e) => e.kind === 'system');
      expect(system.map((e) => e.text)).toEqual([`工单 ${critical.code}「燃气泄漏」已超时（红灯）`]);
      expect(system[0]?.links).toEqual({ orderIds: [critical.id] });
    }
    const chiefAlerts = await ok(hub!, chief, 'orders.alerts.list', {});
    expect(chiefAlerts.map((a) => a.kind)).toEqual(['red', 'yellow', 'critical']);
    for (const a of chiefAlerts) await ok(hub!, chief, 'orders.alerts.ack', { id: a.id });
    expect(chief.events.filter((e) => e.event === 'orders.alertAcked')).toHaveLength(3);
    expect(station.events.some((e) => e.event === 'orders.alertAcked')).toBe(false);
    expect(await ok(hub!, chief, 'orders.alerts.list', {})).toEqual([]);
    // The station now holds the order, so it sees all three (the 特急 one from before dispatch too).
    expect((await ok(hub!, station, 'orders.alerts.list', {})).map((a) => a.kind)).toEqual([
      'red',
      'yellow',
      'critical',
    ]);
  });

  it('masks the reporter’s phone for roles that do not call back', async () => {
    const { hotline, chief, monitor } = await setup();
    const o = await ok(hub!, hotline, 'orders.create', MANHOLE);
    expect((await ok(hub!, chief, 'orders.get', { id: o.id })).reporterPhone).toBe('13812345678');
    expect((await ok(hub!, monitor, 'orders.get', { id: o.id })).reporterPhone).toBe('138****5678');
  });
});

// A 1×1 PNG.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
