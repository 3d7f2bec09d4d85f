import { describe, expect, it, vi, type Mock } from 'vitest';
import type { DisposablePlayer } from '../../renderer/src/wall/player/hls-player';
import { createPlayerManager } from '../../renderer/src/wall/player/player-manager';
import type { PlayerSource } from '../../renderer/src/wall/player/types';

// The manager's bookkeeping, with fake players (real playback is checked in Chromium).
const sub = (cameraId: string): PlayerSource => ({
  cameraId,
  stream: 'sub',
  url: `/media/demo/${cameraId}/sub/index.m3u8`,
});
const main = (cameraId: string): PlayerSource => ({
  cameraId,
  stream: 'main',
  url: `/media/demo/${cameraId}/main/index.m3u8`,
});

type FakePlayer = Omit<DisposablePlayer, 'destroy' | 'switchTo'> & {
  destroy: Mock<() => void>;
  switchTo: Mock<(source: PlayerSource) => Promise<void>>;
};

function fakeFactory() {
  const made: FakePlayer[] = [];
  const create = (key: string, source: PlayerSource) => {
    let current = source;
    const player: FakePlayer = {
      key,
      video: {} as HTMLVideoElement,
      source: () => current,
      health: () => ({ state: 'playing' as const, reason: null, since: 0, retryAt: null, attempts: 0 }),
      onHealth: () => () => undefined,
      stats: () => {
        throw new Error('not used');
      },
      switchTo: vi.fn((next: PlayerSource) => {
        current = next;
        return Promise.resolve();
      }),
      snapshot: () => Promise.reject(new Error('not used')),
      destroy: vi.fn(),
    };
    made.push(player);
    return player;
  };
  return { made, create };
}

describe('player manager', () => {
  it('answers the same player for the same key and source (a layout change keeps it playing)', () => {
    const { made, create } = fakeFactory();
    const manager = createPlayerManager({ create });
    const a = manager.acquire('tile-1', sub('demo01'));
    const b = manager.acquire('tile-1', sub('demo01'));
    expect(b).toBe(a);
    expect(made).toHaveLength(1);
    expect(made[0]!.switchTo).not.toHaveBeenCalled();
    expect(manager.keys()).toEqual(['tile-1']);
  });

  it('switches the same player to another stream of the key (maximise)', () => {
    const { made, create } = fakeFactory();
    const manager = createPlayerManager({ create });
    const a = manager.acquire('tile-1', sub('demo01'));
    const b = manager.acquire('tile-1', main('demo01'));
    expect(b).toBe(a);
    expect(made).toHaveLength(1);
    expect(made[0]!.switchTo).toHaveBeenCalledWith(main('demo01'));
  });

  it('a rejected switch does not escape as an unhandled rejection', async () => {
    const { made, create } = fakeFactory();
    const manager = createPlayerManager({ create });
    manager.acquire('tile-1', sub('demo01'));
    made[0]!.switchTo.mockReturnValueOnce(Promise.reject(new Error('main stream offline')));
    manager.acquire('tile-1', main('demo01'));
    await new Promise((r) => setTimeout(r, 0));
  });

  it('release destroys the player and forgets it; destroy releases all and stays usable', () => {
    const { made, create } = fakeFactory();
    const manager = createPlayerManager({ create });
    manager.acquire('a', sub('demo01'));
    manager.acquire('b', sub('demo02'));
    manager.acquire('c', sub('demo03'));
    manager.release('b');
    manager.release('b');
    manager.release('nobody');
    expect(made[1]!.destroy).toHaveBeenCalledTimes(1);
    expect(manager.keys().sort()).toEqual(['a', 'c']);
    manager.destroy();
    expect(manager.keys()).toEqual([]);
    expect(made.every((p) => p.destroy.mock.calls.length === 1)).toBe(true);
    manager.acquire('a', sub('demo01'));
    expect(made).toHaveLength(4);
  });

  it('one player failing to free does not keep the others alive', () => {
    const { made, create } = fakeFactory();
    const manager = createPlayerManager({ create });
    manager.acquire('a', sub('demo01'));
    manager.acquire('b', sub('demo02'));
    made[0]!.destroy.mockImplementation(() => {
      throw new Error('boom');
    });
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    manager.destroy();
    error.mockRestore();
    expect(made[1]!.destroy).toHaveBeenCalled();
    expect(manager.keys()).toEqual([]);
  });
});
