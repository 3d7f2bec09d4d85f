import type { Camera } from '../../../../common/contract';
import { cameraSource } from '../cameras/source';
import { mountPlayerVideo } from '../player/mount';
import type { Player, PlayerManager } from '../player/types';

/** How long the main stream may take to show its first frame before the tile's own frame is used. */
export const MAIN_STREAM_WAIT_MS = 8_000;

export interface MainFrameOptions {
  waitMs?: number;
  /** Shows the main stream's player somewhere it is decoded; answers the undo. */
  mount?: (player: Player) => () => void;
}

export interface SnapshotFrame {
  blob: Blob;
  /** Which stream the picture came from: 'sub' only when the main stream did not play in time. */
  stream: 'main' | 'sub';
}

/**
 * The camera's current picture at the main stream's full resolution: evidence on a
 * work order should be sharp, and small tiles play the 320×180 sub stream. A tile already on the
 * main stream is captured as it is. Otherwise the main stream is opened in a second player of its
 * own — kept off screen, the tile keeps playing untouched — captured on its first frame and freed.
 * If the main stream cannot show a frame in time (camera without one, hub busy), the tile's own
 * frame is taken rather than nothing: the operator still gets the snapshot they asked for.
 */
export async function mainStreamFrame(
  manager: PlayerManager,
  tilePlayer: Player,
  camera: Camera,
  { waitMs = MAIN_STREAM_WAIT_MS, mount = mountOffscreen }: MainFrameOptions = {},
): Promise<SnapshotFrame> {
  const main = cameraSource(camera, 'main');
  if (tilePlayer.source().stream === 'main' || typeof main === 'string') {
    return { blob: await tilePlayer.snapshot(), stream: tilePlayer.source().stream };
  }
  const key = `snapshot:${camera.id}`;
  const player = manager.acquire(key, main);
  const unmount = mount(player);
  try {
    await firstFrame(player, waitMs);
    return { blob: await player.snapshot(), stream: 'main' };
  } catch {
    return { blob: await tilePlayer.snapshot(), stream: 'sub' };
  } finally {
    unmount();
    manager.release(key);
  }
}

/** Resolves when the player shows frames; rejects on error or after `waitMs`. */
function firstFrame(player: Player, waitMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let unsubscribe = (): void => undefined;
    const timer = globalThis.setTimeout(() => {
      unsubscribe();
      reject(new Error('main stream: no frame in time'));
    }, waitMs);
    const check = (): boolean => {
      const { state } = player.health();
      if (state !== 'playing' && state !== 'error') return false;
      globalThis.clearTimeout(timer);
      unsubscribe();
      if (state === 'playing') resolve();
      else reject(new Error('main stream: error'));
      return true;
    };
    if (check()) return;
    unsubscribe = player.onHealth(() => {
      check();
    });
  });
}

/**
 * A rendered but invisible box for the main stream's <video>: browsers may skip decoding a
 * detached or display:none element, so it is laid out at full size, transparent and below all.
 */
function mountOffscreen(player: Player): () => void {
  const host = document.createElement('div');
  host.dataset['testid'] = 'wall-snapshot-main';
  Object.assign(host.style, {
    position: 'fixed',
    left: '0',
    top: '0',
    width: '640px',
    height: '360px',
    opacity: '0',
    pointerEvents: 'none',
    zIndex: '-1',
    overflow: 'hidden',
  });
  document.body.appendChild(host);
  const unmount = mountPlayerVideo(player, host);
  return () => {
    unmount();
    host.remove();
  };
}
