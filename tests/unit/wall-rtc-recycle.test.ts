import { beforeEach, describe, expect, it, vi } from 'vitest';

// Issue 15 item 6 (wall soak): Chromium frees what a closed consumer held on a peer connection only
// with the connection, so a window's receive transport is replaced after RECYCLE_AFTER_CLOSED closed
// consumers — new tiles on a new one, the old one closed once its last tile has gone.

class FakeConsumer {
  closed = false;
  readonly track = {} as MediaStreamTrack;
  constructor(
    readonly id: string,
    readonly transportId: string,
  ) {}
  pause(): void {}
  resume(): void {}
  close(): void {
    this.closed = true;
  }
  getStats(): Promise<RTCStatsReport> {
    return Promise.resolve(new Map() as unknown as RTCStatsReport);
  }
}

interface FakeTransport {
  id: string;
  closed: boolean;
  /** Tells the session the transport's connection state (as mediasoup-client does). */
  state(state: string): void;
}

const transports: FakeTransport[] = [];
const consumers: FakeConsumer[] = [];

vi.mock('mediasoup-client', () => ({
  Device: class {
    readonly recvRtpCapabilities = {};
    load(): Promise<void> {
      return Promise.resolve();
    }
    createRecvTransport(params: { id: string }) {
      const listeners = new Map<string, (state: string) => void>();
      const transport: FakeTransport & Record<string, unknown> = {
        id: params.id,
        closed: false,
        state: (state) => listeners.get('connectionstatechange')?.(state),
        on: (event: string, listener: (state: string) => void) => listeners.set(event, listener),
        close: () => {
          transport.closed = true;
        },
        consume: (answer: { id: string }) => {
          const consumer = new FakeConsumer(answer.id, params.id);
          consumers.push(consumer);
          return Promise.resolve(consumer);
        },
      };
      transports.push(transport);
      return transport;
    }
  },
}));

const { createRtcSession } = await import('../../renderer/src/wall/player/rtc-session');
const { RECYCLE_AFTER_CLOSED, TransportUse } = await import('../../renderer/src/wall/player/rtc-recycle');

let consumeIds = 0;
let transportIds = 0;
/** media.rtc.consume answers this error instead (a stream with no producer). */
let refuse: Error | null = null;
/** media.rtc.capabilities refuses (the hub has no WebRTC engine now). */
let noEngine = false;
const hubCalls: { method: string; transportId?: string }[] = [];

const call = ((method: string, input: { transportId?: string }) => {
  hubCalls.push({ method, ...(input.transportId ? { transportId: input.transportId } : {}) });
  switch (method) {
    case 'media.rtc.capabilities':
      if (noEngine) return Promise.reject(new Error('E_CONFLICT'));
      return Promise.resolve({ engine: 'embedded', routerRtpCapabilities: {} });
    case 'media.rtc.createTransport':
      transportIds += 1;
      return Promise.resolve({ id: `t${transportIds}` });
    case 'media.rtc.consume':
      if (refuse) return Promise.reject(refuse);
      consumeIds += 1;
      return Promise.resolve({ id: `c${consumeIds}` });
    default:
      return Promise.resolve(null);
  }
}) as Parameters<typeof createRtcSession>[0];

const made = () => hubCalls.filter((c) => c.method === 'media.rtc.createTransport').length;
const consumedOn = () => hubCalls.filter((c) => c.method === 'media.rtc.consume').map((c) => c.transportId);

beforeEach(() => {
  transports.length = 0;
  consumers.length = 0;
  hubCalls.length = 0;
  consumeIds = 0;
  transportIds = 0;
  refuse = null;
  noEngine = false;
  vi.stubGlobal('document', new EventTarget());
  return () => vi.unstubAllGlobals();
});

/** Lets the session's pending promise callbacks run (it closes its current transport in one). */
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Opens and closes `n` consumers on the session, one after another (tiles coming and going). */
async function churn(session: ReturnType<typeof createRtcSession>, n: number): Promise<void> {
  for (let i = 0; i < n; i++) (await session.consume(`cam-${i}`, 'sub')).close();
}

describe('rtc-session: the receive transport is replaced after RECYCLE_AFTER_CLOSED closed consumers', () => {
  it('keeps one transport until then, and consumes on a new one after', async () => {
    const session = createRtcSession(call, true);
    await churn(session, RECYCLE_AFTER_CLOSED);
    expect(made()).toBe(1);
    expect(transports[0]?.closed).toBe(false);
    await session.consume('cam-next', 'sub');
    expect(made()).toBe(2);
    expect(consumedOn().at(-1)).toBe('t2');
    // Nothing played on the worn one any more: closed at once.
    expect(transports[0]?.closed).toBe(true);
    expect(transports[1]?.closed).toBe(false);
    expect(session.linked()).toBe(true);
    session.close();
  });

  it('a tile still playing on the worn transport keeps it open until that tile closes', async () => {
    const session = createRtcSession(call, true);
    const staying = await session.consume('cam-staying', 'sub');
    await churn(session, RECYCLE_AFTER_CLOSED);
    const fresh = await session.consume('cam-fresh', 'sub');
    expect(made()).toBe(2);
    expect(transports[0]?.closed).toBe(false);
    expect(consumers[0]?.closed).toBe(false);
    staying.close();
    expect(transports[0]?.closed).toBe(true);
    // The tile on the new transport plays on.
    expect(transports[1]?.closed).toBe(false);
    expect(consumers.at(-1)?.closed).toBe(false);
    fresh.close();
    session.close();
    await flush();
    expect(transports[1]?.closed).toBe(true);
  });

  it('refused consumes do not count as closed consumers', async () => {
    const session = createRtcSession(call, true);
    await session.consume('cam-a', 'sub').then((c) => c.close());
    refuse = new Error('no producer');
    for (let i = 0; i < RECYCLE_AFTER_CLOSED * 2; i++) {
      await expect(session.consume('cam-gone', 'sub')).rejects.toThrow('no producer');
    }
    refuse = null;
    await churn(session, RECYCLE_AFTER_CLOSED - 2);
    const last = await session.consume('cam-b', 'sub');
    expect(made()).toBe(1);
    last.close();
    // RECYCLE_AFTER_CLOSED closed now: the next one goes to a new transport.
    await session.consume('cam-c', 'sub');
    expect(made()).toBe(2);
    expect(transports[0]?.closed).toBe(true);
    session.close();
  });

  it('the worn transport failing later does not drop its replacement (no third transport)', async () => {
    const session = createRtcSession(call, true);
    const staying = await session.consume('cam-staying', 'sub');
    let lost = 0;
    staying.onFailed(() => (lost += 1));
    await churn(session, RECYCLE_AFTER_CLOSED);
    await session.consume('cam-fresh', 'sub');
    transports[0]?.state('failed');
    expect(lost).toBe(1);
    expect(session.linked()).toBe(true);
    await session.consume('cam-more', 'sub');
    expect(made()).toBe(2);
    expect(consumedOn().at(-1)).toBe('t2');
    session.close();
  });

  it('closing the session closes a worn transport still draining', async () => {
    const session = createRtcSession(call, true);
    await session.consume('cam-staying', 'sub');
    await churn(session, RECYCLE_AFTER_CLOSED);
    await session.consume('cam-fresh', 'sub');
    expect(transports.map((t) => t.closed)).toEqual([false, false]);
    session.close();
    await flush();
    expect(transports.map((t) => t.closed)).toEqual([true, true]);
  });
});

describe('rtc-session.prepare: the transport is made as the wall opens', () => {
  it('makes the Device and transport before any tile, once; the first consume goes out on it', async () => {
    const session = createRtcSession(call, true);
    session.prepare();
    session.prepare();
    await flush();
    expect(made()).toBe(1);
    expect(session.linked()).toBe(true);
    hubCalls.length = 0;
    await session.consume('cam-1', 'sub');
    // No set-up left for the tile: its consume is the first thing it asks the hub.
    expect(hubCalls.map((c) => c.method)).toEqual(['media.rtc.consume', 'media.rtc.resume']);
    expect(consumedOn()).toEqual(['t1']);
    session.close();
  });

  it('a hub without an engine is forgotten: the first tile asks again', async () => {
    const session = createRtcSession(call, true);
    noEngine = true;
    session.prepare();
    await flush();
    expect(session.linked()).toBe(false);
    noEngine = false;
    await session.consume('cam-1', 'sub');
    expect(made()).toBe(1);
    expect(session.linked()).toBe(true);
    session.close();
  });
});

describe('TransportUse', () => {
  it('closes once, when retired and drained, whichever comes last', () => {
    let closes = 0;
    const use = new TransportUse(() => (closes += 1), 2);
    use.begin();
    use.begin();
    use.end(true);
    expect(use.worn).toBe(false);
    use.end(true);
    expect(use.worn).toBe(true);
    expect(closes).toBe(0); // worn, not retired: the session decides when to stop using it
    use.begin();
    use.retire();
    expect(closes).toBe(0);
    use.end(false);
    expect(closes).toBe(1);
    expect(use.closed).toBe(true);
    use.retire();
    use.end(true);
    expect(closes).toBe(1);
  });
});
