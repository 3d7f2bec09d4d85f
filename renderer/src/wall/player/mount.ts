import type { Player } from './types';

/**
 * Shows a player's element in a tile's container; returns the undo for the tile's unmount.
 *
 * appendChild moves the element from wherever it is (the previous tile of a layout change)
 * without recreating it, so it keeps playing. The undo removes it only if it is still in this
 * container — the next tile may already have adopted it. `player.video` is read at each call
 * because a reconnect or a stream switch swaps in a new element in place.
 */
export function mountPlayerVideo(player: Player, container: HTMLElement): () => void {
  container.appendChild(player.video);
  return () => {
    const video = player.video;
    if (video.parentNode === container) container.removeChild(video);
  };
}
