import { afterEach, describe, expect, it } from 'vitest';
import type { Hub } from '../../main/hub';
import { rosterNextChief } from '../helpers/duty-handover';
import { call, demoHub, ok, signedIn, testClock } from '../helpers/hub';

/** An instant given as Shanghai wall-clock time on Thu 2026-11-26, 'HH:mm'. */
const at = (hhmm: string) => Date.parse(`2026-11-26T${hhmm}:00+08:00`);
const PASSWORD = 'Demo#2026';
const EMPTY = { checklist: [], notes: '', doneAssigned: [] };

let hub: Hub | undefined;
afterEach(() => {
  hub?.close();
  hub = undefined;
});

async function setup(start: number, handoverOpensBeforeMinutes?: number) {
  const clock = testClock(start);
  hub = await demoHub({
    clock,
    alertSweepMs: 0,
    dutySweepMs: 0,
    ...(handoverOpensBeforeMinutes === undefined ? {} : { handoverOpensBeforeMinutes }),
  });
  const [chief, chief2, monitor, station] = await Promise.all(
    ['chief', 'chief2', 'monitor', 'station'].map((u) => signedIn(hub!, u)),
  );
  const moveTo = (t: number) => clock.advance(t - clock());
  return { hub, clock, moveTo, chief: chief!, chief2: chief2!, monitor: monitor!, station: station! };
}

function errorOf(result: {
  ok: boolean;
  error?: { code: string; message: { zh: string; en: string }; details?: unknown };
}) {
  if (result.ok || !result.error) throw new Error('expected a refusal');
  return result.error;
}

/** A started handover of the day shift (08:00–16:00) with the outgoing chief signed, at 15:40. */
async function startedAt1540() {
  const f = await setup(at('15:40'));
  const state = await ok(f.hub, f.chief, 'duty.handover.current', {});
  await ok(f.hub, f.chief, 'duty.handover.start', { shiftId: state.shift.id, ...EMPTY });
  await ok(f.hub, f.chief, 'duty.handover.sign', {
    shiftId: state.shift.id,
    side: 'outgoing',
    username: 'chief',
    password: PASSWORD,
  });
  return { ...f, shiftId: state.shift.id, state };
}

describe('the handover window (交接窗口)', () => {
  it('refuses to start at 09:10 for a shift ending 16:00, saying when it opens', async () => {
    const { hub, chief } = await setup(at('09:10'));
    const state = await ok(hub, chief, 'duty.handover.current', {});
    expect(state.shift.endsAt).toBe(at('16:00'));
    expect(state.window).toEqual({ opensAt: at('15:30'), closesAt: at('17:00') });
    const refused = errorOf(await call(hub, chief, 'duty.handover.start', { shiftId: state.shift.id, ...EMPTY }));
    expect(refused.code).toBe('E_CONFLICT');
    expect(refused.message.zh).toContain('交接将于 15:30 开放');
    expect(refused.message.en).toContain('opens at 15:30');
    expect(refused.details).toEqual({ reason: 'HANDOVER_NOT_OPEN', opensAt: at('15:30') });
    // Nothing was half-done: the shift is open and takes entries.
    expect((await ok(hub, chief, 'duty.handover.current', {})).shift.status).toBe('open');
    expect((await ok(hub, chief, 'duty.log.append', { kind: 'duty', text: '继续值班' })).shiftId).toBe(state.shift.id);
  });

  it('opens 30 minutes before the end and stays open until an hour after it', async () => {
    const { hub, clock, moveTo, chief } = await setup(at('15:29'));
    const shiftId = (await ok(hub, chief, 'duty.handover.current', {})).shift.id;
    expect(errorOf(await call(hub, chief, 'duty.handover.start', { shiftId, ...EMPTY })).code).toBe('E_CONFLICT');
    clock.advance(60_000); // 15:30
    expect((await ok(hub, chief, 'duty.handover.start', { shiftId, ...EMPTY })).shift.status).toBe('handover');
    await ok(hub, chief, 'duty.handover.cancel', { shiftId });
    moveTo(at('16:59'));
    expect((await ok(hub, chief, 'duty.handover.current', {})).shift.id).toBe(shiftId);
    expect((await ok(hub, chief, 'duty.handover.start', { shiftId, ...EMPTY })).shift.status).toBe('handover');
    await ok(hub, chief, 'duty.handover.cancel', { shiftId });
    moveTo(at('17:00'));
    // After the window the view moves on to the running shift, whose own handover is not open yet.
    const evening = await ok(hub, chief, 'duty.handover.current', {});
    expect(evening.shift.id).not.toBe(shiftId);
    expect(errorOf(await call(hub, chief, 'duty.handover.start', { shiftId, ...EMPTY })).code).toBe('E_CONFLICT');
    expect(
      errorOf(await call(hub, chief, 'duty.handover.start', { shiftId: evening.shift.id, ...EMPTY })).message.zh,
    ).toContain('交接将于 23:30 开放');
  });

  it('takes the lead time from the hub option', async () => {
    const { hub, chief } = await setup(at('14:50'), 90);
    const state = await ok(hub, chief, 'duty.handover.current', {});
    expect(state.window.opensAt).toBe(at('14:30'));
    expect((await ok(hub, chief, 'duty.handover.start', { shiftId: state.shift.id, ...EMPTY })).shift.status).toBe(
      'handover',
    );
  });

  it('labels the next shift as not yet on duty while entries of an early handover go to it', async () => {
    const { hub, chief, monitor, shiftId } = await startedAt1540();
    const entry = await ok(hub, monitor, 'duty.log.append', { kind: 'duty', text: '交接期间巡检正常' });
    expect(entry.shiftId).not.toBe(shiftId);
    const log = await ok(hub, monitor, 'duty.log.current', {});
    // The log is the next shift's, which starts at 16:00: the entry precedes it (「交接期间记录」).
    expect(log.shift.startsAt).toBe(at('16:00'));
    expect(log.entries.map((e) => e.at < log.shift.startsAt)).toEqual([true]);
    // The status bar's shift is still the day shift.
    expect((await ok(hub, chief, 'duty.onDuty', {})).shift).toMatchObject({ code: 'early', endsAt: at('16:00') });
  });
});

describe('the incoming signer', () => {
  it('must be rostered as chief of the next shift', async () => {
    const { hub, chief, shiftId, state } = await startedAt1540();
    expect(state.next).toMatchObject({ date: '2026-11-26', code: 'middle', name: '中班', chiefs: [] });
    const refused = errorOf(
      await call(hub, chief, 'duty.handover.sign', {
        shiftId,
        side: 'incoming',
        username: 'chief2',
        password: PASSWORD,
      }),
    );
    expect(refused.code).toBe('E_CONFLICT');
    expect(refused.message.zh).toContain('未排为2026-11-26 中班的值班长（该班次未排值班长）');
    expect(refused.details).toMatchObject({ field: 'username', reason: 'INCOMING_NOT_ROSTERED' });
    const current = await ok(hub, chief, 'duty.handover.current', {});
    expect(current.signatures.map((s) => s.side)).toEqual(['outgoing']);
    await rosterNextChief(hub, chief, current, 'chief2');
    expect((await ok(hub, chief, 'duty.handover.current', {})).next?.chiefs.map((c) => c.userName)).toEqual([
      '周敏（值班长）',
    ]);
    const sealed = await ok(hub, chief, 'duty.handover.sign', {
      shiftId,
      side: 'incoming',
      username: 'chief2',
      password: PASSWORD,
    });
    expect(sealed.shift.status).toBe('sealed');
    // No override was needed, so none is logged.
    const log = await ok(hub, chief, 'duty.log.current', {});
    expect(log.entries.filter((e) => e.text.includes('越权接班'))).toEqual([]);
  });

  it('may sign unrostered with an explicit override, logged in the duty log and the audit log', async () => {
    const { hub, chief, chief2, shiftId } = await startedAt1540();
    const sealed = await ok(hub, chief, 'duty.handover.sign', {
      shiftId,
      side: 'incoming',
      username: 'chief2',
      password: PASSWORD,
      override: { reason: '原排班值班长病假，经主任同意顶班' },
    });
    expect(sealed.shift.status).toBe('sealed');
    const entries = (await ok(hub, chief2, 'duty.log.current', {})).entries;
    const logged = entries.find((e) => e.kind === 'system' && e.text.includes('越权接班确认'));
    expect(logged?.text).toContain('周敏（值班长） 未排为2026-11-26 中班的值班长');
    expect(logged?.text).toContain('由 张伟（值班长） 确认');
    expect(logged?.text).toContain('原因：原排班值班长病假，经主任同意顶班');
    const audit = hub.db
      .prepare("SELECT summary FROM audit_log WHERE method = 'duty.handover.sign' AND ok = 1 ORDER BY id DESC")
      .pluck()
      .get() as string;
    expect(audit).toContain('越权接班');
    expect(audit).toContain('原排班值班长病假');
    expect((await ok(hub, chief, 'duty.ledger.verify', {})).ok).toBe(true);
  });

  it('refuses an override on the outgoing side, a short or hostile reason, wrong roles and other stations', async () => {
    const f = await setup(at('15:40'));
    const { hub, chief, monitor, station } = f;
    const shiftId = (await ok(hub, chief, 'duty.handover.current', {})).shift.id;
    await ok(hub, chief, 'duty.handover.start', { shiftId, ...EMPTY });
    const sign = (input: Record<string, unknown>, as = chief) =>
      call(hub, as, 'duty.handover.sign', {
        shiftId,
        side: 'incoming',
        username: 'chief2',
        password: PASSWORD,
        ...input,
      } as never);
    expect(
      errorOf(await sign({ side: 'outgoing', username: 'chief', override: { reason: '无需越权的交班' } })).details,
    ).toMatchObject({
      field: 'override',
    });
    expect(errorOf(await sign({ override: { reason: '短' } })).code).toBe('E_INVALID');
    expect(errorOf(await sign({ override: { reason: 'x'.repeat(201) } })).code).toBe('E_INVALID');
    expect(errorOf(await sign({ override: { reason: '病假\u0007顶班原因' } })).code).toBe('E_INVALID');
    expect(errorOf(await sign({ override: { reason: '病假顶班原因', extra: 1 } })).code).toBe('E_INVALID');
    // Wrong role, and another unit's chief on the center's shift: refused before anything is written.
    expect(errorOf(await sign({ override: { reason: '病假顶班原因' } }, monitor)).code).toBe('E_FORBIDDEN');
    expect(errorOf(await sign({ override: { reason: '病假顶班原因' } }, station)).code).toBe('E_NOT_FOUND');
    expect(errorOf(await sign({ username: 'station', override: { reason: '病假顶班原因' } })).code).toBe('E_FORBIDDEN');
    const state = await ok(hub, chief, 'duty.handover.current', {});
    expect(state.signatures).toEqual([]);
    const log = await ok(hub, chief, 'duty.log.current', {});
    expect(log.entries.filter((e) => e.text.includes('越权接班'))).toEqual([]);
  });

  it('applies at a station with its own chief post and window; another unit cannot start it', async () => {
    const { hub, chief, station } = await setup(at('09:10'));
    const state = await ok(hub, station, 'duty.handover.current', {});
    expect(state.shift.orgUnitId).toBe('HQ-S1');
    expect(state.window.opensAt).toBe(state.shift.endsAt - 30 * 60_000);
    const refused = errorOf(await call(hub, station, 'duty.handover.start', { shiftId: state.shift.id, ...EMPTY }));
    expect(refused.details).toMatchObject({ reason: 'HANDOVER_NOT_OPEN' });
    // The center's chief may read the station's shift but not hand it over; the station not the center's.
    const center = await ok(hub, chief, 'duty.handover.current', {});
    expect(errorOf(await call(hub, chief, 'duty.handover.start', { shiftId: state.shift.id, ...EMPTY })).code).toBe(
      'E_CONFLICT',
    );
    expect(errorOf(await call(hub, station, 'duty.handover.start', { shiftId: center.shift.id, ...EMPTY })).code).toBe(
      'E_NOT_FOUND',
    );
  });
});
