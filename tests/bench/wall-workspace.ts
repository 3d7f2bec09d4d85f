/**
 * The console's real wall workspace as a page of the wall benchmark (benchmark): what an
 * operator runs — React, the camera tree, toolbars, tile overlays and health ticks — showing the
 * same demo streams as the bare and player-layer pages, one tile per camera.
 */
import type { Page } from '@playwright/test';
import { WALL_LAYOUT_IDS, WALL_LAYOUT_TILES, type WallLayoutId } from '../../common/domain/wall/layouts';
import { hubSession, openWall, showView, withoutWebRtc, type HubSession } from './bench-console';

interface CameraRow {
  id: string;
  mainUrl: string;
  subUrl: string | null;
}

export const workspaceView = (tiles: number): string => `bench ${tiles}`;

export function layoutFor(tiles: number): WallLayoutId {
  return WALL_LAYOUT_IDS.find((id) => WALL_LAYOUT_TILES[id] >= tiles) ?? '36';
}

/** The demo cameras that stream (not the deliberately broken one), in the registry's order. */
export async function demoCameras(hub: HubSession): Promise<CameraRow[]> {
  const { rows } = await hub.call<{ rows: CameraRow[] }>('cameras.list', { filter: {}, limit: 1000 });
  const demo = rows.filter((c) => /^\/media\/demo\/(?!broken\/)/.test(c.mainUrl));
  if (demo.length === 0) throw new Error('no demo cameras (is the data folder in demo mode?)');
  return demo;
}

/**
 * A wall shows a camera once, and there are fewer demo cameras than a 36 wall has tiles: the
 * administrator registers copies of the first demo cameras (the same streams, as the bare page
 * repeats its URLs), and the monitor saves a view per tile count, slot k showing demo camera
 * k mod count — the stream tile k of the other pages plays.
 */
export async function prepareWorkspace(origin: string, tileCounts: readonly number[]): Promise<Map<number, number>> {
  const admin = await hubSession(origin, 'admin');
  const monitor = await hubSession(origin, 'monitor');
  try {
    const demo = await demoCameras(monitor);
    const slots: string[] = [];
    for (let k = 0; k < Math.max(...tileCounts); k++) {
      const original = demo[k % demo.length];
      if (!original) break;
      if (k < demo.length) {
        slots.push(original.id);
        continue;
      }
      const id = `CAM-BENCH-COPY-${k + 1}`;
      await admin.call('cameras.create', {
        id,
        name: `基准副本 ${k + 1}`,
        workstationId: 'HQ-W-HQ01',
        mainUrl: original.mainUrl,
        subUrl: original.subUrl,
      });
      slots.push(id);
    }
    const views = new Map<number, number>();
    for (const tiles of tileCounts) {
      const view = await monitor.call<{ id: number }>('wall.views.save', {
        name: workspaceView(tiles),
        layout: layoutFor(tiles),
        slots: slots.slice(0, tiles),
      });
      views.set(tiles, view.id);
    }
    return views;
  } finally {
    admin.close();
    monitor.close();
  }
}

/**
 * Opens the wall as the monitor and shows the saved view `viewId`. Without `webrtc` the page has no
 * RTCPeerConnection, so every tile plays HLS (as the bare page does); with it, the tiles play
 * whatever the hub offers (WebRTC for streams its engine serves).
 */
export async function showWorkspace(page: Page, origin: string, viewId: number, webrtc: boolean): Promise<void> {
  if (!webrtc) await withoutWebRtc(page);
  await openWall(page, origin, 'monitor');
  await showView(page, viewId);
}
