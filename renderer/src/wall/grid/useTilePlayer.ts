import { useEffect, useRef, useState } from 'react';
import { mountPlayerVideo } from '../player';
import type { Player, PlayerSource } from '../player/types';
import { usePlayerManager } from './playerHooks';

/**
 * Borrows the camera's player from the window's manager and shows its <video> in `box`. The player
 * is keyed by the camera, so a tile moving to another slot (or another layout) keeps it as it is;
 * releasing it is the wall's job once the camera has left the wall. A new source of the same camera
 * (sub ↔ main on maximise, or a changed URL) is a switch, which keeps the old picture until the new
 * stream's first frame.
 */
export function useTilePlayer(
  cameraId: string,
  source: PlayerSource | null,
  box: React.RefObject<HTMLDivElement | null>,
): Player | null {
  const manager = usePlayerManager();
  const [player, setPlayer] = useState<Player | null>(null);
  const latest = useRef(source);
  useEffect(() => {
    latest.current = source;
  });
  const playable = source !== null;

  useEffect(() => {
    const initial = latest.current;
    const container = box.current;
    if (!initial || !container) return;
    const p = manager.acquire(cameraId, initial);
    const unmount = mountPlayerVideo(p, container);
    setPlayer(p);
    return () => {
      unmount();
      setPlayer(null);
    };
  }, [manager, cameraId, playable, box]);

  const url = source?.url;
  const stream = source?.stream;
  useEffect(() => {
    const wanted = latest.current;
    if (!player || !wanted || (player.source().url === wanted.url && player.source().stream === wanted.stream)) return;
    // A failed switch shows on the tile through the player's health; nothing more to do here.
    player.switchTo(wanted).catch(() => undefined);
  }, [player, url, stream]);

  return player;
}
