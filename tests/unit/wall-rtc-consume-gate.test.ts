import { afterEach, describe, expect, it, vi } from 'vitest';

// The hub's consume answers reach mediasoup-client together, so a wall of 16 makes its consumers in
// one SDP renegotiation instead of two or three in a row (bench:rtc -- --trace).

/** The calls mediasoup-client's transport.consume saw, each with the macrotask it came in. */
const consumed: { id: string; task: number }[] = [];
let task = 0;

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
          consumed.push({ id: answer.id, task });
          return Promise.resolve({
            id: answer.id,
            track: {},
            pause: () => undefined,
            resume: () => undefined,
            close: () => undefined,
          });
        },
      };
    }
  },
}));

const { ConsumeGate } = await import('../../renderer/src/wall/player/rtc-consume-gate');
const { createRtcSession } = await import('../../renderer/src/wall/player/rtc-session');

function deferred<T>() {
  let resolve: (value: T) => void = () => undefined;
  let reject: (error: Error) => void = () => undefined;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Lets every pending promise continuation run (no timers). */
const settle = async (): Promise<void> => {
  for (let i = 0; i < 10; i++) await Promise.resolve();
};

afterEach(() => {
  vi.useRealTimers();
  consumed.length = 0;
});

describe('ConsumeGate', () => {
  it('lets no answer through until every one asked meanwhile is answered, then all together', async () => {
    const gate = new ConsumeGate(60);
    const asked = [deferred<string>(), deferred<string>(), deferred<string>()];
    const through: string[] = [];
    for (const a of asked) void gate.through(a.promise).then((v) => through.push(v));
    asked[1]?.resolve('b');
    asked[0]?.resolve('a');
    await settle();
    expect(through).toEqual([]);
    asked[2]?.resolve('c');
    await settle();
    expect(through).toEqual(['b', 'a', 'c']);
  });

  it('a refused consume counts as answered and its error goes through', async () => {
    const gate = new ConsumeGate(60);
    const ok = deferred<string>();
    const refused = deferred<string>();
    const results: string[] = [];
    void gate.through(ok.promise).then((v) => results.push(v));
    void gate.through(refused.promise).catch((e: unknown) => results.push(`refused: ${(e as Error).message}`));
    ok.resolve('a');
    refused.reject(new Error('no producer'));
    await settle();
    expect(results).toEqual(['a', 'refused: no producer']);
  });

  it('waits at most maxWaitMs for a slow answer; a consume asked after a round is let through alone', async () => {
    vi.useFakeTimers();
    const gate = new ConsumeGate(60);
    const fast = deferred<string>();
    const slow = deferred<string>();
    const through: string[] = [];
    void gate.through(fast.promise).then((v) => through.push(v));
    void gate.through(slow.promise).then((v) => through.push(v));
    fast.resolve('fast');
    await settle();
    await vi.advanceTimersByTimeAsync(59);
    expect(through).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(through).toEqual(['fast']);
    slow.resolve('slow');
    await settle();
    expect(through).toEqual(['fast', 'slow']);
    const later = deferred<string>();
    void gate.through(later.promise).then((v) => through.push(v));
    later.resolve('later');
    await settle();
    expect(through).toEqual(['fast', 'slow', 'later']);
  });
});

describe('the session hands the answers of tiles consuming together to mediasoup-client in one task', () => {
  it('three tiles, answered at different times: the transport sees all three in the same task', async () => {
    const answers = new Map<string, ReturnType<typeof deferred<{ id: string }>>>();
    const call = ((method: string, input: { cameraId?: string }) => {
      if (method === 'media.rtc.capabilities')
        return Promise.resolve({ engine: 'embedded', routerRtpCapabilities: {} });
      if (method === 'media.rtc.createTransport') return Promise.resolve({ id: 't1' });
      if (method === 'media.rtc.consume') {
        const answer = deferred<{ id: string }>();
        answers.set(input.cameraId ?? '', answer);
        return answer.promise;
      }
      return Promise.resolve(null);
    }) as unknown as Parameters<typeof createRtcSession>[0];
    const session = createRtcSession(call, true);
    const tiles = ['CAM-1', 'CAM-2', 'CAM-3'].map((id) => session.consume(id, 'sub'));
    await settle();
    expect([...answers.keys()]).toEqual(['CAM-1', 'CAM-2', 'CAM-3']);

    answers.get('CAM-2')?.resolve({ id: 'c2' });
    await new Promise((r) => setTimeout(r, 5));
    task += 1;
    answers.get('CAM-1')?.resolve({ id: 'c1' });
    await new Promise((r) => setTimeout(r, 5));
    task += 1;
    expect(consumed).toEqual([]);
    answers.get('CAM-3')?.resolve({ id: 'c3' });
    await Promise.all(tiles);
    expect(consumed).toEqual([
      { id: 'c2', task: 2 },
      { id: 'c1', task: 2 },
      { id: 'c3', task: 2 },
    ]);
    session.close();
  });
});
