import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { hubSession } from './bench-console';
import { ROOT } from './bench-shell';
import { demoCameras } from './wall-workspace';

/** The plain pages of the wall benchmarks (bench:wall, bench:wall-drops) and the streams they play. */

/**
 * Signed sub-stream URLs of the demo cameras (the hub serves media through signed, session-checked
 * paths only): signed in as the demo monitor, media.open for each. The paths stay good while that
 * session lives, so the socket may close.
 */
export async function subStreams(origin: string): Promise<{ urls: string[]; fps: number }> {
  const hub = await hubSession(origin, 'monitor');
  try {
    const urls: string[] = [];
    for (const c of await demoCameras(hub)) {
      urls.push((await hub.call<{ hlsUrl: string }>('media.open', { cameraId: c.id, stream: 'sub' })).hlsUrl);
    }
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'resources/demo-clips/manifest.json'), 'utf8')) as {
      fps?: number;
    };
    return { urls, fps: manifest.fps ?? 25 };
  } finally {
    hub.close();
  }
}

/**
 * Serves the plain pages under /__bench/ on the shell's origin, so they fetch the signed media paths
 * same-origin as the console does. `oursJs`: the bundled player-layer page (bench:wall), if any.
 */
export async function serveBench(page: Page, origin: string, oursJs?: string): Promise<void> {
  const files: Record<string, [string, string]> = {
    '/__bench/wall-ours.html': ['text/html', path.join(ROOT, 'tests/bench/wall-ours.html')],
    '/__bench/wall-bare.html': ['text/html', path.join(ROOT, 'tests/bench/wall-bare.html')],
    '/__bench/wall-bench.css': ['text/css', path.join(ROOT, 'tests/bench/wall-bench.css')],
    ...(oursJs ? { '/__bench/wall-ours.js': ['text/javascript', oursJs] as [string, string] } : {}),
    '/__bench/hls.mjs': ['text/javascript', path.join(ROOT, 'node_modules/hls.js/dist/hls.mjs')],
  };
  await page.route(`${origin}/__bench/**`, async (route) => {
    const file = files[new URL(route.request().url()).pathname];
    if (!file) return route.fulfill({ status: 404 });
    return route.fulfill({ contentType: file[0], body: fs.readFileSync(file[1]) });
  });
}
