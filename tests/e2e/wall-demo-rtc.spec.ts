import type { Page } from '@playwright/test';
import type { Camera } from '../../common/contract';
import { hubClient } from './duty-roster-helpers';
import { expect, login, test } from './fixtures';
import { tile } from './wall-helpers';

// Demo cameras over WebRTC: the hub packetizes the built-in clips into its embedded
// engine (no ffmpeg), so nine demo cameras play over WebRTC in one console window.

const DEMO_MAIN = /^\/media\/demo\/(?!broken\/)[a-z0-9-]+\/main\//;

/** Per tile: when its <video> appeared and when it showed its first frame (performance.now()). */
function recordFirstFrames(): void {
  const seen = new WeakSet<HTMLVideoElement>();
  const times: Record<string, { created: number; frame?: number }> = {};
  Object.assign(window, { __firstFrames: times });
  const watch = (): void => {
    document.querySelectorAll<HTMLVideoElement>('[data-testid="wall-tile"][data-camera-id] video').forEach((video) => {
      if (seen.has(video)) return;
      seen.add(video);
      const id = video.closest('[data-camera-id]')?.getAttribute('data-camera-id') ?? '?';
      const entry = { created: performance.now() } as { created: number; frame?: number };
      times[id] ??= entry;
      video.requestVideoFrameCallback((now) => {
        times[id]!.frame ??= now;
      });
    });
  };
  new MutationObserver(watch).observe(document, { childList: true, subtree: true });
}

async function playheads(page: Page, ids: readonly string[]): Promise<number[]> {
  return page.evaluate(
    (cameraIds) =>
      cameraIds.map(
        (id) =>
          document.querySelector<HTMLVideoElement>(`[data-testid="wall-tile"][data-camera-id="${id}"] video`)
            ?.currentTime ?? -1,
      ),
    ids,
  );
}

test('nine demo cameras play over WebRTC through the embedded engine in one window', async ({ page, shell }) => {
  test.setTimeout(180_000);
  await page.addInitScript(recordFirstFrames);
  await login(page, shell.url, 'monitor');
  // The console can take long to render on a loaded machine: wait for it before the click's own timeout.
  await expect(page.getByTestId('nav-wall')).toBeVisible({ timeout: 60_000 });
  await page.getByTestId('nav-wall').click();
  await expect(page.getByTestId('wall-grid')).toBeVisible();

  const hub = await hubClient(page, 'monitor');
  const { rows } = await hub.call<{ rows: Camera[] }>('cameras.list', { filter: {}, limit: 1000 });
  const nine = rows.filter((c) => DEMO_MAIN.test(c.mainUrl)).slice(0, 9);
  expect(nine).toHaveLength(9);
  const ids = nine.map((c) => c.id);
  // The hub offers each over WebRTC (media.open), with no ffmpeg involved.
  for (const id of ids) {
    const opened = await hub.call<{ webrtc: boolean }>('media.open', { cameraId: id, stream: 'sub' });
    expect(opened.webrtc, id).toBe(true);
    await hub.call('media.release', { cameraId: id, stream: 'sub' });
  }

  await page.getByTestId('wall-layout-9').click();
  await expect(page.getByTestId('wall-tile')).toHaveCount(9);
  const placed = Date.now();
  for (const id of ids) {
    await page.getByTestId('wall-tree-search').fill(id);
    const node = page.locator(`[data-testid="wall-tree-camera"][data-camera-id="${id}"]`);
    await expect(node).toHaveCount(1);
    await node.dblclick();
    await expect(tile(page, id)).toHaveCount(1);
  }
  for (const id of ids) await expect(tile(page, id)).toHaveAttribute('data-state', 'playing', { timeout: 30_000 });
  console.log(`[wall-demo-rtc] nine tiles placed and playing within ${Date.now() - placed} ms`);

  // Over WebRTC through the embedded engine: the toolbar's engine tag and every tile's stats overlay.
  await expect(page.getByTestId('wall-rtc-engine')).toHaveAttribute('data-engine', 'embedded');
  for (const id of ids) {
    // The tile's actions show on hover.
    await tile(page, id).hover();
    await tile(page, id).getByTestId('wall-tile-stats-toggle').click();
    await expect(tile(page, id).getByTestId('wall-tile-stats')).toHaveAttribute('data-protocol', 'webrtc');
    await expect(tile(page, id).getByTestId('wall-tile-stats')).toContainText('h264');
  }

  // Frames advance in all nine.
  const before = await playheads(page, ids);
  await expect
    .poll(
      async () => {
        const now = await playheads(page, ids);
        return ids.filter((_, i) => (now[i] ?? -1) < (before[i] ?? 0) + 1);
      },
      { timeout: 15_000 },
    )
    .toEqual([]);

  const firstFrames = await page.evaluate(
    () => (window as unknown as { __firstFrames: Record<string, { created: number; frame?: number }> }).__firstFrames,
  );
  const ms = ids.map((id) => {
    const t = firstFrames[id];
    return t?.frame === undefined ? null : Math.round(t.frame - t.created);
  });
  console.log(`[wall-demo-rtc] first frame per tile (ms from its <video> to its first frame): ${ms.join(', ')}`);
  expect(ms.every((m) => m !== null)).toBe(true);
  await hub.close();
});

/** Per camera: frames its tile's <video> has decoded so far (-1 without one). */
async function decodedFrames(page: Page, ids: readonly string[]): Promise<number[]> {
  return page.evaluate(
    (cameraIds) =>
      cameraIds.map(
        (id) =>
          document
            .querySelector<HTMLVideoElement>(`[data-testid="wall-tile"][data-camera-id="${id}"] video`)
            ?.getVideoPlaybackQuality().totalVideoFrames ?? -1,
      ),
    ids,
  );
}

/** Every data-state a tile takes from now on, per camera. */
function recordTileStates(): void {
  const seen: Record<string, string[]> = {};
  Object.assign(window, { __tileStates: seen });
  new MutationObserver((records) => {
    for (const record of records) {
      const el = record.target as Element;
      const id = el.getAttribute('data-camera-id');
      const state = el.getAttribute('data-state');
      if (el.getAttribute('data-testid') !== 'wall-tile' || !id || !state) continue;
      (seen[id] ??= []).push(state);
    }
  }).observe(document, { attributes: true, attributeFilter: ['data-state'], subtree: true });
}

test('tiles covered by a maximised tile pause their WebRTC consumers and resume on restore', async ({
  page,
  shell,
}) => {
  test.setTimeout(120_000);
  // The hub calls the page makes: media.rtc.pause / media.rtc.resume with their consumer ids.
  const rtcCalls: { method: string; consumerId: string }[] = [];
  page.on('websocket', (ws) => {
    ws.on('framesent', ({ payload }) => {
      if (typeof payload !== 'string' || !payload.includes('media.rtc.')) return;
      const frame = JSON.parse(payload) as { method?: string; input?: { consumerId?: string } };
      if (frame.method === 'media.rtc.pause' || frame.method === 'media.rtc.resume') {
        rtcCalls.push({ method: frame.method, consumerId: frame.input?.consumerId ?? '' });
      }
    });
  });
  await login(page, shell.url, 'monitor');
  // The console can take long to render on a loaded machine: wait for it before the click's own timeout.
  await expect(page.getByTestId('nav-wall')).toBeVisible({ timeout: 60_000 });
  await page.getByTestId('nav-wall').click();
  await expect(page.getByTestId('wall-grid')).toBeVisible();
  const hub = await hubClient(page, 'monitor');
  const { rows } = await hub.call<{ rows: Camera[] }>('cameras.list', { filter: {}, limit: 1000 });
  await hub.close();
  const ids = rows
    .filter((c) => DEMO_MAIN.test(c.mainUrl))
    .slice(0, 4)
    .map((c) => c.id);
  expect(ids).toHaveLength(4);
  await page.getByTestId('wall-layout-4').click();
  await expect(page.getByTestId('wall-tile')).toHaveCount(4);
  for (const id of ids) {
    await page.getByTestId('wall-tree-search').fill(id);
    await page.locator(`[data-testid="wall-tree-camera"][data-camera-id="${id}"]`).dblclick();
    await expect(tile(page, id)).toHaveCount(1);
  }
  for (const id of ids) await expect(tile(page, id)).toHaveAttribute('data-state', 'playing', { timeout: 30_000 });
  await tile(page, ids[0]!).hover();
  await tile(page, ids[0]!).getByTestId('wall-tile-stats-toggle').click();
  await expect(tile(page, ids[0]!).getByTestId('wall-tile-stats')).toHaveAttribute('data-protocol', 'webrtc');
  // Each consumer was made paused on the hub and resumed once its receiver existed; none paused.
  expect(rtcCalls.filter((c) => c.method === 'media.rtc.pause')).toEqual([]);
  expect(new Set(rtcCalls.map((c) => c.consumerId)).size).toBeGreaterThanOrEqual(ids.length);
  rtcCalls.length = 0;
  await page.evaluate(recordTileStates);

  // Maximise the first: the three it covers are paused on the hub.
  const [big, ...covered] = ids as [string, ...string[]];
  await tile(page, big).dblclick();
  await expect(tile(page, big)).toHaveAttribute('data-maximised', 'true');
  await expect.poll(() => rtcCalls.filter((c) => c.method === 'media.rtc.pause').length).toBe(covered.length);
  const paused = new Set(rtcCalls.filter((c) => c.method === 'media.rtc.pause').map((c) => c.consumerId));
  expect(paused.size).toBe(covered.length);
  // (The maximised tile's main-stream consumer is resumed as it is made: not one of these.)
  const resumedCovered = () => rtcCalls.filter((c) => c.method === 'media.rtc.resume' && paused.has(c.consumerId));

  // The maximised tile decodes on (main stream), the covered ones do not: let what was in flight
  // land, then watch a couple of seconds of the maximised tile's frames.
  const advancedBy = async (from: number[], frames: number): Promise<void> => {
    await expect
      .poll(async () => ((await decodedFrames(page, [big]))[0] ?? -1) - (from[0] ?? 0), { timeout: 20_000 })
      .toBeGreaterThanOrEqual(frames);
  };
  await advancedBy(await decodedFrames(page, [big]), 25);
  const before = await decodedFrames(page, ids);
  await advancedBy(before, 50);
  const after = await decodedFrames(page, ids);
  const coveredAdvance = covered.map((id) => (after[ids.indexOf(id)] ?? 0) - (before[ids.indexOf(id)] ?? 0));
  console.log(
    `[wall-demo-rtc] frames while covered: ${coveredAdvance.join(', ')} (maximised: ${after[0]! - before[0]!})`,
  );
  for (const n of coveredAdvance) expect(n).toBeLessThanOrEqual(1);
  for (const id of covered) await expect(tile(page, id)).toHaveAttribute('data-state', 'playing');

  // Restore: the same consumers resume and every tile decodes again.
  await tile(page, big).dblclick();
  await expect(tile(page, big)).toHaveAttribute('data-maximised', 'false');
  await expect.poll(() => resumedCovered().length).toBe(covered.length);
  expect(new Set(resumedCovered().map((c) => c.consumerId))).toEqual(paused);
  const restored = await decodedFrames(page, ids);
  await expect
    .poll(
      async () => {
        const now = await decodedFrames(page, ids);
        return covered.filter((id) => (now[ids.indexOf(id)] ?? -1) < (restored[ids.indexOf(id)] ?? 0) + 25);
      },
      { timeout: 15_000 },
    )
    .toEqual([]);
  // No tile looked stalled or offline at any point.
  const states = await page.evaluate(
    () => (window as unknown as { __tileStates: Record<string, string[]> }).__tileStates,
  );
  for (const id of ids) expect(states[id] ?? [], id).not.toEqual(expect.arrayContaining(['stalled']));
  expect(
    Object.values(states)
      .flat()
      .filter((s) => s !== 'playing' && s !== 'connecting'),
  ).toEqual([]);
});
