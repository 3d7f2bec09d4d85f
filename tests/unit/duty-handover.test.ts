import { afterEach, describe, expect, it } from 'vitest';
import type { MethodInput } from '../../common/contract';
import type { Hub } from '../../main/hub';
import { HANDOVER_WINDOW_MS } from '../../main/services/duty/handover-service';
import { rosterNextChief } from '../helpers/duty-handover';
import { call, demoHub, ok, signedIn, testClock, type TestConnection } from '../helpers/hub';
import { xlsxFirstSheet, xlsxRows } from '../helpers/xlsx-read';
import { PNG_1x1 } from '../helpers/attachment-samples';

/** Thu 2026-11-26 10:00 Shanghai: the center's day shift (08:00–16:00). */
const START = Date.UTC(2026, 10, 26, 2, 0, 0);
const HOUR = 3600_000;

const ORDER: MethodInput<'orders.create'> = {
  title: '井盖缺失',
  description: '向东村村口主路井盖缺失',
  categoryId: '0200201',
  workstationId: 'HQ-W-HQ01',
  address: '向东村村口',
  source: 'hotline',
  urgency: 'normal',
};

let hub: Hub | undefined;
afterEach(() => {
  hub?.close();
  hub = undefined;
});

/** A handover may start this long before its shift's end in the tests of what follows it (the whole day shift). */
const WIDE_OPEN = { handoverOpensBeforeMinutes: 8 * 60 };

async function setup(start = START, options: { handoverOpensBeforeMinutes?: number } = WIDE_OPEN) {
  const clock = testClock(start);
  hub = await demoHub({ clock, alertSweepMs: 0, dutySweepMs: 0, ...options });
  const [chief, chief2, monitor, hotline, station] = await Promise.all(
    ['chief', 'chief2', 'monitor', 'hotline', 'station'].map((u) => signedIn(hub!, u)),
  );
  return { hub, clock, chief: chief!, chief2: chief2!, monitor: monitor!, hotline: hotline!, station: station! };
}

function code(result: { ok: boolean; error?: { code: string } }): string | undefined {
  return result.ok ? undefined : result.error?.code;
}

async function upload(h: Hub, conn: TestConnection, name: string, bytes: Buffer): Promise<number> {
  const { uploadId } = await ok(h, conn, 'attachments.begin', { name, size: bytes.length });
  await ok(h, conn, 'attachments.chunk', { uploadId, index: 0, dataBase64: bytes.toString('base64') });
  return (await ok(h, conn, 'attachments.finish', { uploadId })).id;
}

describe('handover (交接班)', () => {
  it('freezes a summary, takes two chiefs’ signatures and seals the shift', async () => {
    const { hub, chief, chief2, monitor, hotline } = await setup();
    const a = await ok(hub, hotline, 'orders.create', ORDER);
    await ok(hub, hotline, 'orders.create', { ...ORDER, title: '道路积水' });
    hub.db.prepare('UPDATE orders SET deadline_at = ? WHERE id = ?').run(START - HOUR, a.id);
    const task = await ok(hub, chief, 'duty.log.append', {
      kind: 'assigned',
      text: '下午三点前回复区城运中心关于积水点的排查情况',
    });
    const other = await ok(hub, chief, 'duty.log.append', { kind: 'assigned', text: '通知向东村检查井盖' });
    await ok(hub, monitor, 'duty.log.append', { kind: 'equipment', text: '3 号大屏闪烁，已报修' });

    const current = await ok(hub, chief, 'duty.handover.current', {});
    expect(current.shift.status).toBe('open');
    expect(current.shift.startsAt).toBe(Date.UTC(2026, 10, 26, 0, 0, 0));
    expect(current.summary).toBeNull();

    const preview = await ok(hub, chief, 'duty.handover.preview', {});
    expect(preview.orders.openTotal).toBe(2);
    expect(preview.orders.overdue.map((o) => o.id)).toEqual([a.id]);
    expect(preview.pendingAssigned.map((p) => p.entryId)).toEqual([task.id, other.id]);
    expect(preview.checklist.length).toBeGreaterThan(0);
    expect(preview.camerasOffline).toEqual([]); // the hub has a camera registry, with none offline

    const checklist = (await ok(hub, chief, 'duty.checklist.get', {})).map((i) => ({ id: i.id, done: true, note: '' }));
    const started = await ok(hub, chief, 'duty.handover.start', {
      shiftId: current.shift.id,
      checklist: [...checklist.slice(1), { id: checklist[0]!.id, done: false, note: '2 号屏待厂家上门' }],
      notes: '夜间注意东川公路积水点',
      doneAssigned: [other.id],
    });
    expect(started.shift.status).toBe('handover');
    expect(started.startedBy?.userName).toBe('张伟（值班长）');
    const summary = started.summary!;
    expect(summary.orders.byState.reduce((n, s) => n + s.count, 0)).toBe(2);
    expect(summary.orders.overdueTotal).toBe(1);
    expect(summary.pendingAssigned.map((p) => p.entryId)).toEqual([task.id]);
    expect(summary.doneAssigned.map((p) => p.entryId)).toEqual([other.id]);
    expect(summary.checklist[0]).toMatchObject({ done: false, note: '2 号屏待厂家上门' });
    expect(summary.notes).toBe('夜间注意东川公路积水点');
    expect(chief.events.some((e) => e.event === 'duty.changed')).toBe(true);

    // The summary is frozen: an order created now does not change it.
    await ok(hub, hotline, 'orders.create', { ...ORDER, title: '垃圾满溢' });
    expect((await ok(hub, chief, 'duty.handover.current', {})).summary).toEqual(summary);
    // New entries during the handover belong to the next shift.
    const late = await ok(hub, monitor, 'duty.log.append', { kind: 'duty', text: '交接期间巡检正常' });
    expect(late.shiftId).not.toBe(current.shift.id);

    const first = await ok(hub, chief, 'duty.handover.sign', {
      shiftId: current.shift.id,
      side: 'outgoing',
      username: 'chief',
      password: 'Demo#2026',
    });
    expect(first.signatures.map((s) => s.side)).toEqual(['outgoing']);
    expect(first.seal).toBeNull();
    await rosterNextChief(hub, chief, first, 'chief2');
    const sealed = await ok(hub, chief, 'duty.handover.sign', {
      shiftId: current.shift.id,
      side: 'incoming',
      username: 'chief2',
      password: 'Demo#2026',
    });
    expect(sealed.shift.status).toBe('sealed');
    expect(sealed.seal?.sealHash).toMatch(/^[0-9a-f]{64}$/);
    expect(sealed.signatures.map((s) => s.userName)).toEqual(['张伟（值班长）', '周敏（值班长）']);
    expect(await ok(hub, chief, 'duty.ledger.verify', {})).toEqual({
      ok: true,
      sealed: 1,
      heads: [
        {
          orgUnitId: 'HQ-C',
          shiftId: current.shift.id,
          date: '2026-11-26',
          code: 'early',
          seq: 1,
          sealHash: sealed.seal?.sealHash,
        },
      ],
    });
    expect(sealed.seal?.seq).toBe(1);
    expect(() =>
      hub.db
        .prepare(`INSERT INTO duty_log_entries (shift_id, at, author_name, kind, text) VALUES (?, 0, 'x', 'duty', 'x')`)
        .run(current.shift.id),
    ).toThrow(/sealed/);
    expect((await ok(hub, chief2, 'duty.handover.sealed', {})).map((s) => s.id)).toEqual([current.shift.id]);

    // Until the shift ends, the handover view shows it sealed.
    expect((await ok(hub, chief2, 'duty.handover.current', {})).shift).toMatchObject({
      id: current.shift.id,
      status: 'sealed',
    });
  });

  it('carries pending 交办事项 into the next shift’s summary until marked done', async () => {
    const { hub, clock, chief, chief2 } = await setup();
    const task = await ok(hub, chief, 'duty.log.append', { kind: 'assigned', text: '明早八点前上报防汛物资清单' });
    const shift = (await ok(hub, chief, 'duty.handover.current', {})).shift;
    const state = await ok(hub, chief, 'duty.handover.start', {
      shiftId: shift.id,
      checklist: [],
      notes: '',
      doneAssigned: [],
    });
    await rosterNextChief(hub, chief, state, 'chief2');
    for (const [side, username] of [
      ['outgoing', 'chief'],
      ['incoming', 'chief2'],
    ] as const) {
      await ok(hub, chief, 'duty.handover.sign', { shiftId: shift.id, side, username, password: 'Demo#2026' });
    }
    clock.advance(7 * HOUR); // 17:00, the evening shift
    const next = await ok(hub, chief2, 'duty.handover.preview', {});
    expect(next.shift.startsAt).toBe(shift.endsAt);
    expect(next.pendingAssigned.map((p) => p.entryId)).toEqual([task.id]);
    const nextShift = (await ok(hub, chief2, 'duty.handover.current', {})).shift;
    const started = await ok(hub, chief2, 'duty.handover.start', {
      shiftId: nextShift.id,
      checklist: [],
      notes: '',
      doneAssigned: [task.id],
    });
    expect(started.summary?.pendingAssigned).toEqual([]);
    expect(started.summary?.doneAssigned.map((p) => p.text)).toEqual(['明早八点前上报防汛物资清单']);
    const bad = await call(hub, chief2, 'duty.handover.cancel', { shiftId: nextShift.id });
    expect(bad.ok).toBe(true);
    const wrong = await call(hub, chief2, 'duty.handover.start', {
      shiftId: nextShift.id,
      checklist: [],
      notes: '',
      doneAssigned: [999],
    });
    expect(code(wrong)).toBe('E_INVALID');
  });

  it('refuses bad signatures without ending the caller’s session', async () => {
    const { hub, chief, monitor } = await setup();
    const shift = (await ok(hub, chief, 'duty.handover.current', {})).shift;
    const sign = (side: 'outgoing' | 'incoming', username: string, password = 'Demo#2026') =>
      call(hub, chief, 'duty.handover.sign', { shiftId: shift.id, side, username, password });
    expect(code(await sign('outgoing', 'chief'))).toBe('E_CONFLICT'); // not started
    await ok(hub, chief, 'duty.handover.start', { shiftId: shift.id, checklist: [], notes: '', doneAssigned: [] });
    const wrong = await sign('outgoing', 'chief', 'nope-nope-1');
    expect(code(wrong)).toBe('E_INVALID');
    expect(wrong.ok ? null : wrong.error.details).toEqual({ field: 'password' });
    expect(code(await sign('outgoing', 'monitor'))).toBe('E_FORBIDDEN');
    expect(code(await sign('outgoing', 'station'))).toBe('E_FORBIDDEN');
    await ok(hub, chief, 'duty.handover.sign', {
      shiftId: shift.id,
      side: 'outgoing',
      username: 'chief',
      password: 'Demo#2026',
    });
    expect(code(await sign('incoming', 'chief'))).toBe('E_INVALID'); // the same person twice
    expect(code(await sign('outgoing', 'chief2'))).toBe('E_CONFLICT'); // that side has signed
    // A failed signature's audit row says who tried as data, so every language shows it.
    const admin = await signedIn(hub, 'admin');
    const failed = (await ok(hub, admin, 'audit.list', { method: 'duty.handover.sign', limit: 10 })).entries.filter(
      (e) => !e.ok,
    );
    expect(failed[0]?.detail).toEqual({ key: 'handover.signAttempt', params: { side: 'outgoing', signer: 'chief2' } });
    expect(failed.every((e) => e.detail?.key === 'handover.signAttempt')).toBe(true);
    // Only chiefs hand over; the caller is still signed in after all of this.
    expect(code(await call(hub, monitor, 'duty.handover.current', {}))).toBe('E_FORBIDDEN');
    expect((await ok(hub, chief, 'duty.handover.current', {})).signatures).toHaveLength(1);

    const cancelled = await ok(hub, chief, 'duty.handover.cancel', { shiftId: shift.id });
    expect(cancelled).toMatchObject({ summary: null, signatures: [], startedBy: null });
    expect(cancelled.shift.status).toBe('open');
    expect((await ok(hub, chief, 'duty.log.append', { kind: 'duty', text: '交接取消，继续值班' })).shiftId).toBe(
      shift.id,
    );
  });

  it('hands over the shift just ended within the handover window, then the current one', async () => {
    const { hub, clock, chief } = await setup(Date.UTC(2026, 10, 26, 7, 50, 0)); // 15:50
    const day = (await ok(hub, chief, 'duty.handover.current', {})).shift;
    clock.advance(20 * 60_000); // 16:10: the evening shift runs, the day shift is not handed over yet
    expect((await ok(hub, chief, 'duty.handover.current', {})).shift.id).toBe(day.id);
    expect((await ok(hub, chief, 'duty.log.append', { kind: 'duty', text: '接班' })).shiftId).not.toBe(day.id);
    clock.advance(HANDOVER_WINDOW_MS);
    expect((await ok(hub, chief, 'duty.handover.current', {})).shift.startsAt).toBe(day.endsAt);
  });

  it('prints the handover report as a PDF and exports log searches as XLSX', async () => {
    const { hub, chief, monitor } = await setup();
    await ok(hub, monitor, 'duty.log.append', { kind: 'call', text: '群众来电反映东川公路积水' });
    const shift = (await ok(hub, chief, 'duty.handover.current', {})).shift;
    const pdf = await ok(hub, chief, 'duty.handover.report', { shiftId: shift.id });
    expect(pdf.mime).toBe('application/pdf');
    expect(pdf.fileName).toMatch(/^值班交接班报告-.*\.pdf$/);
    expect(Buffer.from(pdf.dataBase64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');

    const xlsx = await ok(hub, chief, 'duty.log.export', { text: '积水' });
    expect(xlsx).toMatchObject({ rows: 1, truncated: false });
    const cells = xlsxRows(await xlsxFirstSheet(new Uint8Array(Buffer.from(xlsx.dataBase64, 'base64')))).flat();
    expect(cells).toContain('群众来电反映东川公路积水');
    expect(cells).toContain('来电');
    const station = await signedIn(hub, 'station');
    expect(code(await call(hub, station, 'duty.log.export', { orgUnitId: 'HQ-C' }))).toBe('E_FORBIDDEN');
  });
});

describe('duty log attachments and missing check-ins', () => {
  it('attaches uploaded files to an entry and refuses unknown ones', async () => {
    const { hub, monitor } = await setup();
    const id = await upload(hub, monitor, '大屏故障.png', PNG_1x1);
    const entry = await ok(hub, monitor, 'duty.log.append', {
      kind: 'equipment',
      text: '3 号大屏花屏，见照片',
      links: { attachmentIds: [id] },
    });
    expect(entry.attachments.map((a) => a.name)).toEqual(['大屏故障.png']);
    expect(entry.links).toEqual({ attachmentIds: [id] });
    const bad = await call(hub, monitor, 'duty.log.append', {
      kind: 'duty',
      text: 'x',
      links: { attachmentIds: [9999] },
    });
    expect(code(bad)).toBe('E_NOT_FOUND');
  });

  it('alerts the shift chief and logs a system entry 10 minutes after a missed check-in', async () => {
    const { hub, clock, chief, monitor } = await setup(Date.UTC(2026, 10, 26, 7, 50, 0)); // 15:50
    const users = hub.db.prepare('SELECT id, username FROM users').all() as { id: number; username: string }[];
    const idOf = (u: string) => users.find((x) => x.username === u)!.id;
    for (const [postCode, username] of [
      ['duty_chief', 'chief'],
      ['video_monitor', 'monitor'],
    ] as const) {
      await ok(hub, chief, 'duty.roster.assign', {
        orgUnitId: 'HQ-C',
        date: '2026-11-26',
        shiftCode: 'middle',
        postCode,
        userId: idOf(username),
      });
    }
    clock.advance(15 * 60_000); // 16:05: the evening shift has begun
    await ok(hub, chief, 'duty.checkIn', {});
    expect(hub.sweepDuty()).toBe(0);
    clock.advance(6 * 60_000); // 16:11
    expect(hub.sweepDuty()).toBe(1);
    expect(hub.sweepDuty()).toBe(0); // once only
    const alert = chief.events.find((e) => e.event === 'duty.missingCheckIn');
    expect(alert?.payload).toMatchObject({
      userName: '李娜（视频监控）',
      postCode: 'video_monitor',
      shiftCode: 'middle',
    });
    expect(monitor.events.some((e) => e.event === 'duty.missingCheckIn')).toBe(false);
    const log = await ok(hub, chief, 'duty.log.current', {});
    expect(log.entries.find((e) => e.kind === 'system')?.text).toMatch(/视频监控员 李娜（视频监控） 未按时签到/);
  });
});
