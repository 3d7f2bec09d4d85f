import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { initialHealth, nextHealth, type HealthMachine } from '../../renderer/src/wall/player/health-machine';

// Issue 10 item 4: a WebRTC tile covered by a maximised tile pauses its consumer (here and on the
// hub) and resumes when shown again; page-hidden applies too, in the console window only.
// Every consumer is made paused on the hub and resumed once mediasoup-client has its receiver, so
// the engine's first keyframe reaches the receiver (benchmark: first frame on a wall of 9 or 16).

/** A mediasoup-client consumer as far as rtc-session.ts uses it. */
class FakeConsumer {
  paused = false;
  closed = false;
  readonly track = {} as MediaStreamTrack;
  constructor(readonly id: string) {}
  pause(): void {
    this.paused = true;
  }
  resume(): void {
    this.paused = false;
  }
  close(): void {
    this.closed = true;
  }
  getStats(): Promise<RTCStatsReport> {
    return Promise.resolve(new Map() as unknown as RTCStatsReport);
  }
}

const consumers: FakeConsumer[] = [];

vi.mock('mediasoup-client', () => ({
  Device: class {
    readonly recvRtpCapabilities = {};
    load(): Promise<void> {
      return Promise.resolve();
    }
    createRecvTransport(params: { id: string }) {
      return {
        id: params.id,
        on: () => undefined,
        close: () => undefined,
        consume: (answer: { id: string }) => {
          calls.push({ method: 'receiver made', consumerId: answer.id });
          const consumer = new FakeConsumer(answer.id);
          consumers.push(consumer);
          return Promise.resolve(consumer);
        },
      };
    }
  },
}));

const { createRtcSession } = await import('../../renderer/src/wall/player/rtc-session');

/** The page: its visibility and the visibilitychange event. */
class FakeDocument extends EventTarget {
  visibilityState: 'visible' | 'hidden' = 'visible';
  setVisibility(state: 'visible' | 'hidden'): void {
    this.visibilityState = state;
    this.dispatchEvent(new Event('visibilitychange'));
  }
}

let page: FakeDocument;
let calls: { method: string; consumerId?: string; paused?: boolean }[];
let nextId = 0;

const call = ((method: string, input: { consumerId?: string; paused?: boolean }) => {
  calls.push({
    method,
    ...(input.consumerId === undefined ? {} : { consumerId: input.consumerId }),
    ...(input.paused === undefined ? {} : { paused: input.paused }),
  });
  switch (method) {
    case 'media.rtc.capabilities':
      return Promise.resolve({ engine: 'embedded', routerRtpCapabilities: {} });
    case 'media.rtc.createTransport':
      return Promise.resolve({ id: 't1' });
    case 'media.rtc.consume':
      nextId += 1;
      return Promise.resolve({ id: `c${nextId}` });
    default:
      return Promise.resolve({});
  }
}) as Parameters<typeof createRtcSession>[0];

/** The hub calls that paused or resumed a consumer, in order. */
const pauses = () =>
  calls
    .filter((c) => c.method === 'media.rtc.pause' || c.method === 'media.rtc.resume')
    .map((c) => `${c.method === 'media.rtc.pause' ? 'pause' : 'resume'} ${c.consumerId ?? ''}`);

beforeEach(() => {
  page = new FakeDocument();
  vi.stubGlobal('document', page);
  calls = [];
  consumers.length = 0;
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('rtc-session: consumers start paused on the hub and are resumed once received', () => {
  it('asks the hub for a paused consumer, makes the receiver, then resumes it there', async () => {
    const session = createRtcSession(call, false);
    await session.consume('cam-a', 'sub');
    const steps = calls.filter(
      (c) => c.method !== 'media.rtc.capabilities' && c.method !== 'media.rtc.createTransport',
    );
    expect(steps).toEqual([
      { method: 'media.rtc.consume', paused: true },
      { method: 'receiver made', consumerId: 'c1' },
      { method: 'media.rtc.resume', consumerId: 'c1' },
    ]);
    // Never paused here: a local pause and resume would cost two renegotiations for nothing.
    expect(consumers[0]?.paused).toBe(false);
    session.close();
  });
});

describe('rtc-session: linked', () => {
  it('says whether the window has its transport (a tile may consume early) and forgets it on close', async () => {
    const session = createRtcSession(call, false);
    expect(session.linked()).toBe(false);
    const consuming = session.consume('cam-a', 'sub');
    expect(session.linked()).toBe(false); // still being made
    await consuming;
    expect(session.linked()).toBe(true);
    session.close();
    expect(session.linked()).toBe(false);
  });
});

describe('rtc-session: consumers of hidden tiles are paused', () => {
  it('a covered tile pauses its consumer here and on the hub, and resumes when shown', async () => {
    const session = createRtcSession(call, false);
    const a = await session.consume('cam-a', 'sub');
    await session.consume('cam-b', 'sub');
    const [ca, cb] = consumers;
    const started = [`resume ${ca?.id}`, `resume ${cb?.id}`];
    expect(pauses()).toEqual(started);
    a.setHidden(true);
    expect(ca?.paused).toBe(true);
    expect(cb?.paused).toBe(false);
    expect(pauses()).toEqual([...started, `pause ${ca?.id}`]);
    a.setHidden(true); // no change, no second call
    expect(pauses()).toEqual([...started, `pause ${ca?.id}`]);
    a.setHidden(false);
    expect(ca?.paused).toBe(false);
    expect(pauses()).toEqual([...started, `pause ${ca?.id}`, `resume ${ca?.id}`]);
    session.close();
  });

  it('a consumer made while its tile is hidden stays paused (as the hub made it) until shown', async () => {
    const session = createRtcSession(call, true);
    const a = await session.consume('cam-a', 'sub', { hidden: true });
    expect(consumers[0]?.paused).toBe(true);
    expect(calls.find((c) => c.method === 'media.rtc.consume')?.paused).toBe(true);
    expect(pauses()).toEqual([]);
    a.setHidden(false);
    expect(consumers[0]?.paused).toBe(false);
    expect(pauses()).toEqual([`resume ${consumers[0]?.id}`]);
    session.close();
  });

  it('a consumer made while the console page is hidden starts paused and resumes when the page shows', async () => {
    page.visibilityState = 'hidden';
    const session = createRtcSession(call, false);
    await session.consume('cam-a', 'sub');
    expect(consumers[0]?.paused).toBe(true);
    expect(pauses()).toEqual([]);
    page.setVisibility('visible');
    expect(consumers[0]?.paused).toBe(false);
    expect(pauses()).toEqual([`resume ${consumers[0]?.id}`]);
    session.close();
  });

  // page hidden × tile hidden × window kind → paused?
  const cases: [pageHidden: boolean, tileHidden: boolean, wallWindow: boolean, paused: boolean][] = [
    [false, false, false, false],
    [true, false, false, true],
    [false, true, false, true],
    [true, true, false, true],
    [false, false, true, false],
    [true, false, true, false],
    [false, true, true, true],
    [true, true, true, true],
  ];
  for (const [pageHidden, tileHidden, wallWindow, paused] of cases) {
    it(`page ${pageHidden ? 'hidden' : 'visible'}, tile ${tileHidden ? 'hidden' : 'shown'}, ${
      wallWindow ? 'wall window' : 'console'
    } → ${paused ? 'paused' : 'playing'}`, async () => {
      const session = createRtcSession(call, wallWindow);
      const handle = await session.consume('cam-a', 'sub');
      const consumer = consumers[0];
      const started = `resume ${consumer?.id}`;
      handle.setHidden(tileHidden);
      page.setVisibility(pageHidden ? 'hidden' : 'visible');
      expect(consumer?.paused).toBe(paused);
      expect(pauses().at(-1)?.startsWith('pause') ?? false).toBe(paused);
      // Both undone: playing again, and the hub was told so if it had been told to pause.
      handle.setHidden(false);
      page.setVisibility('visible');
      expect(consumer?.paused).toBe(false);
      expect(pauses()).toEqual(paused ? [started, `pause ${consumer?.id}`, `resume ${consumer?.id}`] : [started]);
      session.close();
    });
  }

  it('in the console, a tile shown again while the page is hidden stays paused until the page shows', async () => {
    const session = createRtcSession(call, false);
    const handle = await session.consume('cam-a', 'sub');
    const consumer = consumers[0];
    handle.setHidden(true);
    page.setVisibility('hidden');
    handle.setHidden(false);
    expect(consumer?.paused).toBe(true);
    page.setVisibility('visible');
    expect(consumer?.paused).toBe(false);
    expect(pauses()).toEqual([`resume ${consumer?.id}`, `pause ${consumer?.id}`, `resume ${consumer?.id}`]);
    session.close();
  });

  it('a closed consumer is not paused or resumed any more', async () => {
    const session = createRtcSession(call, false);
    const handle = await session.consume('cam-a', 'sub');
    handle.close();
    handle.setHidden(true);
    expect(pauses()).toEqual([`resume ${consumers[0]?.id}`]);
    session.close();
  });
});

describe('health of a hidden (paused) tile', () => {
  const T0 = 1_900_000_000_000;

  it('a covered tile whose consumer sends nothing is not called stalled, and is judged again once shown', () => {
    let m: HealthMachine = initialHealth(T0);
    m = nextHealth(m, { type: 'start' }, T0).machine;
    m = nextHealth(m, { type: 'firstFrame', stale: false }, T0 + 500).machine;
    expect(m.health.state).toBe('playing');
    // Covered for a minute: ticks say "not visible" (hls-player.ts: page visible && !hidden), no progress.
    let t = T0 + 500;
    for (let i = 0; i < 120; i++) {
      t += 500;
      const { machine, effects } = nextHealth(m, { type: 'tick', visible: false }, t, 0.5);
      m = machine;
      expect(effects).toEqual([]);
    }
    expect(m.health.state).toBe('playing');
    // Shown again: the engine replays from the last keyframe, so progress comes at once.
    t += 500;
    m = nextHealth(m, { type: 'tick', visible: true }, t, 0.5).machine;
    m = nextHealth(m, { type: 'progress' }, t).machine;
    expect(m.health.state).toBe('playing');
    // The same minute seen as visible without progress would have been a stall: the check can fail.
    let seen = m;
    for (let i = 0; i < 120; i++) {
      t += 500;
      seen = nextHealth(seen, { type: 'tick', visible: true }, t, 0.5).machine;
    }
    expect(seen.health.state).toBe('stalled');
  });
});
