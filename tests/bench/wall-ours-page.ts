/**
 * Browser side of the wall benchmark, "ours": N tiles through the wall's player manager, the way
 * the wall shows them (one acquire per tile, the player's element appended into the tile).
 * Bundled by wall-bench.ts with esbuild and loaded by wall-ours.html; the stream URLs come in the
 * query string (?urls=[…]).
 */
import { createPlayerManager } from '../../renderer/src/wall/player/player-manager';
import type { Player, PlayerManager, TileHealth } from '../../renderer/src/wall/player/types';

declare global {
  interface Window {
    wallManager?: PlayerManager;
    wallPlayers?: Player[];
    wallHealth?: () => { key: string; health: TileHealth }[];
  }
}

const urls = JSON.parse(new URLSearchParams(location.search).get('urls') ?? '[]') as string[];
const grid = document.getElementById('grid');
if (!grid) throw new Error('wall-ours.html has no #grid');
grid.style.setProperty('--cols', String(Math.ceil(Math.sqrt(Math.max(1, urls.length)))));

const manager = createPlayerManager();
const players = urls.map((url, i) => {
  const cell = document.createElement('div');
  cell.className = 'cell';
  grid.appendChild(cell);
  const player = manager.acquire(`tile-${i}`, { cameraId: `bench-${i}`, stream: 'sub', url });
  cell.appendChild(player.video);
  return player;
});

window.wallManager = manager;
window.wallPlayers = players;
window.wallHealth = () => players.map((p) => ({ key: p.key, health: p.health() }));
