import type { Gateway } from './gateway';
import type { SlotRtc } from './stream-slot';
import { HlsPlayer, type DisposablePlayer } from './hls-player';
import { sameSource } from './switch-waiters';
import type { Player, PlayerManager, PlayerSource } from './types';

/** Makes the player for a source: hls.js today; a WebRTC player plugs in here by source later. */
export type PlayerFactory = (key: string, source: PlayerSource) => DisposablePlayer;

export interface PlayerManagerOptions {
  create?: PlayerFactory;
  /** The hub's camera gateway, for sources played through it (demo and RTSP cameras). */
  gateway?: Gateway;
  /** The window's WebRTC session, for gateway streams offered over WebRTC. */
  rtc?: SlotRtc;
}

/**
 * The one owner of every player (hls.js instance and <video> element) of a window (types.ts).
 *
 * Tiles borrow players by key and show `player.video` by appending it into their container:
 * appendChild *moves* an element, so a tile that changes slot with a layout change adopts the same
 * playing element — no new element, no re-buffering. (A browser pauses an element that leaves the
 * document for a moment; the player resumes it by itself.) Only release() frees a player; a
 * tile unmounting does not, since the next layout may show the same key again.
 */
export function createPlayerManager(options: PlayerManagerOptions = {}): PlayerManager {
  const gateway = options.gateway ?? null;
  const rtc = options.rtc ?? null;
  const create: PlayerFactory = options.create ?? ((key, source) => new HlsPlayer(key, source, Date.now, gateway, rtc));
  const players = new Map<string, DisposablePlayer>();

  const release = (key: string): void => {
    const player = players.get(key);
    if (!player) return;
    players.delete(key);
    try {
      player.destroy();
    } catch (error) {
      // Freeing one player must not keep the others from being freed.
      console.error(`[wall] releasing player ${key}`, error);
    }
  };

  return {
    acquire(key: string, source: PlayerSource): Player {
      const existing = players.get(key);
      if (existing) {
        if (!sameSource(existing.source(), source)) {
          // The tile keeps its picture until the other stream shows (maximise: sub → main). A
          // failed switch leaves the old stream playing; the tile sees it in source().
          existing.switchTo(source).catch(() => undefined);
        }
        return existing;
      }
      const player = create(key, source);
      players.set(key, player);
      return player;
    },
    release,
    keys: () => [...players.keys()],
    destroy(): void {
      // The manager stays usable afterwards (React StrictMode mounts a provider twice).
      for (const key of [...players.keys()]) release(key);
    },
  };
}
