import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Camera } from '../../common/contract';
import { mainStreamFrame } from '../../renderer/src/wall/snapshot/mainStreamFrame';
import type { Player, PlayerManager, PlayerSource, TileHealth, TileState } from '../../renderer/src/wall/player/types';

// The snapshot's choice of stream, with fake players (the real capture is checked in Chromium).
const camera = {
  id: 'CAM-1',
  name: '东门',
  enabled: true,
  protocol: 'rtsp',
  mainUrl: 'rtsp://***@10.0.0.1/101',
  subUrl: 'rtsp://***@10.0.0.1/102',
  mainHasCredentials: true,
  subHasCredentials: true,
} as Camera;

interface FakePlayer extends Player {
  setState(state: TileState): void;
}

function fakePlayer(key: string, source: PlayerSource, picture: string): FakePlayer {
  let health: TileHealth = { state: 'connecting', reason: null, since: 0, retryAt: null, attempts: 0 };
  const listeners = new Set<(h: TileHealth) => void>();
  return {
    key,
    video: {} as HTMLVideoElement,
    source: () => source,
    health: () => health,
    onHealth(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    stats: () => {
      throw new Error('not used');
    },
    switchTo: () => Promise.reject(new Error('not used')),
    snapshot: () =>
      health.state === 'playing' || key === 'tile'
        ? Promise.resolve(new Blob([picture]))
        : Promise.reject(new Error('no frame')),
    setState(state) {
      health = { ...health, state };
      for (const l of listeners) l(health);
    },
  };
}

function fakeManager() {
  const made: FakePlayer[] = [];
  const released: string[] = [];
  const manager: PlayerManager = {
    acquire(key, source) {
      const player = fakePlayer(key, source, `${source.stream} picture`);
      made.push(player);
      return player;
    },
    release: (key) => released.push(key),
    keys: () => [],
    destroy: () => undefined,
  };
  return { manager, made, released };
}

const text = async (blob: Blob): Promise<string> => blob.text();
const tileOn = (stream: 'main' | 'sub'): FakePlayer =>
  fakePlayer(
    'tile',
    { cameraId: camera.id, stream, url: `gateway:${camera.id}/${stream}`, gateway: true },
    `tile ${stream}`,
  );

describe('snapshot from the main stream', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('takes a tile already on the main stream as it is, opening nothing', async () => {
    const { manager, made } = fakeManager();
    const frame = await mainStreamFrame(manager, tileOn('main'), camera, { mount: () => () => undefined });
    expect(frame.stream).toBe('main');
    expect(await text(frame.blob)).toBe('tile main');
    expect(made).toHaveLength(0);
  });

  it('opens the main stream beside a sub-stream tile, captures its first frame and frees it', async () => {
    const { manager, made, released } = fakeManager();
    const mounted: string[] = [];
    const pending = mainStreamFrame(manager, tileOn('sub'), camera, {
      mount: (player) => {
        mounted.push(player.key);
        return () => mounted.splice(mounted.indexOf(player.key), 1);
      },
    });
    const opened = made[0];
    expect(opened?.key).toBe('snapshot:CAM-1');
    expect(opened?.source()).toMatchObject({ cameraId: 'CAM-1', stream: 'main', gateway: true });
    expect(mounted).toEqual(['snapshot:CAM-1']);
    opened?.setState('playing');
    const frame = await pending;
    expect(frame.stream).toBe('main');
    expect(await text(frame.blob)).toBe('main picture');
    expect(released).toEqual(['snapshot:CAM-1']);
    expect(mounted).toEqual([]);
  });

  it("falls back to the tile's frame when the main stream shows nothing in time, and still frees it", async () => {
    const { manager, released } = fakeManager();
    const pending = mainStreamFrame(manager, tileOn('sub'), camera, { waitMs: 8_000, mount: () => () => undefined });
    await vi.advanceTimersByTimeAsync(7_999);
    expect(released).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    const frame = await pending;
    expect(frame.stream).toBe('sub');
    expect(await text(frame.blob)).toBe('tile sub');
    expect(released).toEqual(['snapshot:CAM-1']);
  });

  it('falls back at once when the main stream fails', async () => {
    const { manager, made } = fakeManager();
    const pending = mainStreamFrame(manager, tileOn('sub'), camera, { mount: () => () => undefined });
    made[0]?.setState('error');
    expect((await pending).stream).toBe('sub');
  });

  it('takes the tile as it is when the camera cannot be played on its main stream (disabled)', async () => {
    const { manager, made } = fakeManager();
    const frame = await mainStreamFrame(
      manager,
      tileOn('sub'),
      { ...camera, enabled: false },
      {
        mount: () => () => undefined,
      },
    );
    expect(frame.stream).toBe('sub');
    expect(made).toHaveLength(0);
  });
});
