import type { Page } from '@playwright/test';
import type { Camera, OrderDetail } from '../../common/contract';
import { hubClient, type HubClient } from './duty-roster-helpers';
import { expect, test } from './fixtures';
import { choose, chooseByKeys } from './orders-helpers';
import { NOTHING_OVER_VIDEO, openWall, overVideo, tile } from './wall-helpers';

// The video wall against the demo cameras of a web shell started with
// CITYOPS_DEMO_MEDIA_CONTROL=1 (web-shell-process.ts): a duty chief can stop and start a demo stream,
// and the deliberately broken demo camera is registered.

interface DemoCamera {
  id: string;
  key: string;
  name: string;
}

const DEMO_PATH = /\/media\/demo\/([a-z0-9-]+)\/main\//;

/** The registry's demo cameras with their media keys, the broken one apart. */
async function demoCameras(hub: HubClient): Promise<{ playing: DemoCamera[]; broken: DemoCamera }> {
  const { rows } = await hub.call<{ rows: Camera[] }>('cameras.list', { filter: {}, limit: 1000 });
  const demo = rows.flatMap((c) => {
    const key = DEMO_PATH.exec(c.mainUrl)?.[1];
    return key ? [{ id: c.id, key, name: c.name }] : [];
  });
  const broken = demo.find((c) => c.key === 'broken' && c.name.includes('演示'));
  if (!broken) throw new Error('the broken demo camera is not registered (CITYOPS_DEMO_MEDIA_CONTROL=1?)');
  return { playing: demo.filter((c) => c !== broken), broken };
}

/** Finds a camera in the tree by its id (the search box) and double-clicks it onto the wall. */
async function putOnWall(page: Page, cameraId: string): Promise<void> {
  await page.getByTestId('wall-tree-search').fill(cameraId);
  const node = page.locator(`[data-testid="wall-tree-camera"][data-camera-id="${cameraId}"]`);
  await expect(node).toHaveCount(1);
  await node.dblclick();
  await expect(tile(page, cameraId)).toHaveCount(1);
}

/** currentTime of each camera's <video>, by camera id. */
async function playheads(page: Page, ids: readonly string[]): Promise<Record<string, number>> {
  return page.evaluate((cameraIds) => {
    const out: Record<string, number> = {};
    for (const id of cameraIds) {
      const video = document.querySelector<HTMLVideoElement>(`[data-testid="wall-tile"][data-camera-id="${id}"] video`);
      out[id] = video ? video.currentTime : -1;
    }
    return out;
  }, ids);
}

/** Every listed tile's video moves on by at least `seconds` over a few seconds. */
async function expectAdvancing(page: Page, ids: readonly string[], seconds = 0.5): Promise<void> {
  const before = await playheads(page, ids);
  await expect
    .poll(
      async () => {
        const now = await playheads(page, ids);
        return ids.filter((id) => (now[id] ?? -1) < (before[id] ?? 0) + seconds);
      },
      { timeout: 8_000 },
    )
    .toEqual([]);
}

/** Takes a demo camera's stream off the air or back (demo.setRunning: a duty chief's session). */
async function mediaControl(chief: HubClient, camera: DemoCamera, running: boolean): Promise<void> {
  const done = await chief.call<{ streamKey: string; running: boolean }>('demo.setRunning', {
    cameraId: camera.id,
    running,
  });
  expect(done).toMatchObject({ streamKey: camera.key, running });
}

test.describe.configure({ mode: 'serial' });

test('16 demo cameras play; one stopped goes offline alone and comes back by itself', async ({ page, shell }) => {
  test.setTimeout(240_000);
  await openWall(page, shell.url);
  const hub = await hubClient(page, 'monitor');
  const { playing } = await demoCameras(hub);
  expect(playing.length).toBeGreaterThanOrEqual(16);
  const sixteen = playing.slice(0, 16);
  const ids = sixteen.map((c) => c.id);

  await page.getByTestId('wall-layout-16').click();
  await expect(page.getByTestId('wall-tile')).toHaveCount(16);
  for (const id of ids) await putOnWall(page, id);
  for (const id of ids) await expect(tile(page, id)).toHaveAttribute('data-state', 'playing', { timeout: 20_000 });
  await expectAdvancing(page, ids);
  // Nothing over a playing video: each overlay made the compositor redraw the wall with every frame.
  const unselected = page.locator('[data-testid="wall-tile"][data-state="playing"]:not(.wall-tile-selected)');
  expect(await overVideo(unselected.first())).toEqual(NOTHING_OVER_VIDEO);

  const victim = sixteen[5];
  if (!victim) throw new Error('no sixth camera');
  const others = ids.filter((id) => id !== victim.id);
  // Only an administrator or a duty chief may take a stream off the air, not the monitor watching.
  expect(await hub.result('demo.setRunning', { cameraId: victim.id, running: false })).toMatchObject({
    ok: false,
    error: { code: 'E_FORBIDDEN' },
  });
  const chief = await hubClient(page, 'chief');
  await mediaControl(chief, victim, false);
  await expect(tile(page, victim.id)).toHaveAttribute('data-state', 'offline', { timeout: 5_000 });
  await expect(tile(page, victim.id).getByTestId('wall-tile-reason')).toBeVisible();
  for (const id of others) await expect(tile(page, id)).toHaveAttribute('data-state', 'playing');
  await expectAdvancing(page, others);
  // The tree shows it offline too (cameras.changed).
  await page.getByTestId('wall-tree-search').fill(victim.id);
  await expect(page.locator(`[data-testid="wall-tree-camera"][data-camera-id="${victim.id}"]`)).toHaveAttribute(
    'data-online',
    'offline',
  );

  await mediaControl(chief, victim, true);
  await expect(tile(page, victim.id)).toHaveAttribute('data-state', 'playing', { timeout: 20_000 });
  await expectAdvancing(page, [victim.id]);

  // Who watched what: the viewing records are open while the tiles show the cameras.
  const report = await chief.call<{ byCamera: { cameraId: string }[]; totals: { stillOpen: number } }>(
    'cameras.viewsReport',
    { from: Date.now() - 3_600_000, to: Date.now() + 60_000 },
  );
  expect(report.byCamera.map((r) => r.cameraId)).toEqual(expect.arrayContaining(ids));
  expect(report.totals.stillOpen).toBeGreaterThanOrEqual(16);
  await chief.close();
  await hub.close();
});

test('the broken demo camera shows an error; a layout change keeps a playing tile and its <video>', async ({
  page,
  shell,
}) => {
  await openWall(page, shell.url);
  const hub = await hubClient(page, 'monitor');
  const { playing, broken } = await demoCameras(hub);
  const [first, second] = playing;
  if (!first || !second) throw new Error('two demo cameras needed');

  await page.getByTestId('wall-layout-16').click();
  for (const id of [first.id, second.id, broken.id]) await putOnWall(page, id);
  await expect(tile(page, broken.id)).toHaveAttribute('data-state', 'error', { timeout: 15_000 });
  await expect(tile(page, broken.id).getByTestId('wall-tile-reason')).not.toBeEmpty();
  await expect(tile(page, first.id)).toHaveAttribute('data-state', 'playing', { timeout: 20_000 });
  await expect(tile(page, second.id)).toHaveAttribute('data-state', 'playing', { timeout: 20_000 });

  // Mark the playing element in the page: an element made anew would not carry the mark.
  const mark = (id: string) =>
    page.evaluate((cameraId) => {
      const video = document.querySelector(`[data-testid="wall-tile"][data-camera-id="${cameraId}"] video`);
      if (!video) throw new Error(`no video for ${cameraId}`);
      (video as HTMLVideoElement & { e2eMark?: string }).e2eMark = cameraId;
    }, id);
  const marked = (id: string) =>
    page.evaluate((cameraId) => {
      const video = document.querySelector(`[data-testid="wall-tile"][data-camera-id="${cameraId}"] video`);
      return (video as (HTMLVideoElement & { e2eMark?: string }) | null)?.e2eMark ?? null;
    }, id);
  await mark(first.id);
  await mark(second.id);

  await page.getByTestId('wall-layout-9').click();
  await expect(page.getByTestId('wall-tile')).toHaveCount(9);
  await page.getByTestId('wall-layout-4').click();
  await expect(page.getByTestId('wall-tile')).toHaveCount(4);
  expect(await marked(first.id)).toBe(first.id);
  await expect(tile(page, first.id)).toHaveAttribute('data-state', 'playing');
  await expectAdvancing(page, [first.id, second.id]);

  // Drag tile 1 onto tile 2: they swap, and still nothing is recreated.
  await tile(page, first.id).dragTo(page.locator('[data-testid="wall-tile"][data-slot="1"]'));
  await expect(tile(page, first.id)).toHaveAttribute('data-slot', '1');
  await expect(tile(page, second.id)).toHaveAttribute('data-slot', '0');
  expect(await marked(first.id)).toBe(first.id);
  expect(await marked(second.id)).toBe(second.id);

  // Keyboard: Alt+7 is the 16-tile layout, 2 selects tile 2, Enter maximises it, Esc goes back.
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Alt+7');
  await expect(page.getByTestId('wall-grid')).toHaveAttribute('data-layout', '16');
  await page.keyboard.press('2');
  await expect(tile(page, first.id)).toHaveAttribute('data-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(tile(page, first.id)).toHaveAttribute('data-maximised', 'true');
  await expect(tile(page, first.id)).toHaveAttribute('data-state', 'playing');
  // Maximised, the tile plays the main stream (640×360; the sub stream of the demo clips is 320×180).
  await tile(page, first.id).getByTestId('wall-tile-stats-toggle').click();
  await expect(tile(page, first.id).getByTestId('wall-tile-stats')).toContainText('640×360', { timeout: 15_000 });
  await page.keyboard.press('Escape');
  await expect(tile(page, first.id)).toHaveAttribute('data-maximised', 'false');
  expect(await marked(second.id)).toBe(second.id);

  // Clearing a tile releases its player: its video is gone from the page.
  await tile(page, broken.id).click();
  await tile(page, broken.id).getByTestId('wall-tile-clear').click();
  await expect(tile(page, broken.id)).toHaveCount(0);
  await hub.close();
});

test('snapshot → a work order from the video, with the frame attached', async ({ page, shell }) => {
  await openWall(page, shell.url);
  const hub = await hubClient(page, 'monitor');
  const { playing } = await demoCameras(hub);
  const camera = playing[2];
  if (!camera) throw new Error('three demo cameras needed');
  await putOnWall(page, camera.id);
  await expect(tile(page, camera.id)).toHaveAttribute('data-state', 'playing', { timeout: 20_000 });

  await tile(page, camera.id).click();
  await tile(page, camera.id).getByTestId('wall-tile-snapshot').click();
  const drawer = page.getByTestId('wall-snapshot-drawer');
  await expect(drawer.getByTestId('intake-form')).toBeVisible();
  await expect(drawer.getByTestId('intake-description')).toHaveValue(new RegExp(camera.name));
  await expect(drawer.getByTestId('intake-prefilled-attachments').getByTestId('attachment-preview')).toHaveAttribute(
    'data-kind',
    'image',
  );
  // The small tile plays the 320×180 sub stream; the evidence is the main stream's full 640×360 frame.
  const tileVideo = tile(page, camera.id).locator('video').first();
  expect(await tileVideo.evaluate((v: HTMLVideoElement) => v.videoWidth)).toBe(320);
  const picture = drawer.getByTestId('intake-prefilled-attachments').locator('img');
  await expect
    .poll(() => picture.evaluate((img: HTMLImageElement) => `${img.naturalWidth}×${img.naturalHeight}`))
    .toBe('640×360');
  await drawer.getByTestId('intake-title').fill(`视频发现 ${camera.name} 暴露垃圾`);
  await choose(page, 'intake-category', '暴露垃圾', '暴露垃圾');
  await drawer.getByTestId('intake-submit').click();

  // The order opens over the wall, the snapshot among its attachments; the wall plays on.
  const order = page.getByTestId('order-drawer');
  await expect(order).toBeVisible();
  await expect(order.getByTestId('order-attachments').getByTestId('attachment-preview')).toHaveAttribute(
    'data-kind',
    'image',
  );
  const code = await order.getAttribute('data-code');
  const { rows } = await hub.call<{ rows: { id: number; code: string }[] }>('orders.list', {});
  const id = rows.find((r) => r.code === code)?.id;
  if (id === undefined) throw new Error(`order ${code} not found`);
  const detail = await hub.call<OrderDetail>('orders.get', { id });
  expect(detail.cameraId).toBe(camera.id);
  expect(detail.source).toBe('video');
  expect(detail.attachments.map((a) => a.mime)).toEqual(['image/jpeg']);
  await expect(tile(page, camera.id)).toHaveAttribute('data-state', 'playing');
  await hub.close();
});

test('a tour pages through its cameras, pauses and resumes; a saved view restores the wall', async ({
  page,
  shell,
}) => {
  test.setTimeout(90_000);
  await openWall(page, shell.url);
  const hub = await hubClient(page, 'monitor');
  const { playing } = await demoCameras(hub);
  const [a, b] = playing.slice(6, 8);
  if (!a || !b) throw new Error('eight demo cameras needed');

  // Two cameras on a 4-tile wall, saved as a view.
  await page.getByTestId('wall-layout-4').click();
  await putOnWall(page, a.id);
  await putOnWall(page, b.id);
  await page.getByTestId('wall-views').click();
  await page.getByTestId('wall-view-save').click();
  const viewName = page.getByTestId('wall-view-form').getByTestId('wall-view-name');
  await viewName.fill('e2e 两路');
  await expect(viewName).toHaveValue('e2e 两路');
  await page.getByTestId('wall-view-save-ok').click();
  await expect(page.getByTestId('wall-view-form')).toHaveCount(0);

  // A whole-wall tour of those two cameras, one per page, from the editor.
  await page.getByTestId('wall-tours').click();
  await page.getByTestId('wall-tour-create').click();
  const form = page.getByTestId('wall-tour-form');
  await form.getByTestId('wall-tour-name').fill('e2e 轮巡');
  await choose(page, 'wall-tour-layout', '单', '单画面');
  await form.getByTestId('wall-tour-from-wall').click();
  await form.getByTestId('wall-tour-dwell').fill('5');
  await page.getByTestId('wall-tour-save').click();
  await expect(form).toHaveCount(0);

  // From here the page's clock runs as the real one, except that the tour's dwells are skipped on it.
  // (Installed only now: the dialogs above open and close on the real clock, as an operator's do.)
  await page.clock.install();
  await page.getByTestId('wall-tours').click();
  await page.getByTestId('wall-tour-item').filter({ hasText: 'e2e 轮巡' }).click();
  const bar = page.getByTestId('wall-tour-bar');
  await expect(bar).toHaveAttribute('data-step', '1');
  await expect(page.getByTestId('wall-grid')).toHaveAttribute('data-layout', '1');
  await expect(tile(page, a.id)).toHaveAttribute('data-slot', '0');
  // A dwell (5 s) passes on the page's clock at once, instead of in real time: the tour steps on.
  await page.clock.fastForward(5_000);
  await expect(bar).toHaveAttribute('data-step', '2');
  await expect(tile(page, b.id)).toHaveAttribute('data-state', 'playing', { timeout: 15_000 });
  await expect(tile(page, a.id)).toHaveCount(0);

  await bar.getByTestId('wall-tour-pause').click();
  await expect(bar).toHaveAttribute('data-paused', 'true');
  // More than a dwell (5 s) passes on the page's clock, at once: the paused tour stays where it is.
  // (A step taken now would hold for a whole dwell: a short look is enough to see it.)
  await page.clock.fastForward(6_000);
  await expect(bar).toHaveAttribute('data-step', '2', { timeout: 1_000 });
  await bar.getByTestId('wall-tour-resume').click();
  await expect(bar).toHaveAttribute('data-paused', 'false');
  await page.clock.fastForward(5_000);
  await expect(bar).toHaveAttribute('data-step', '1');
  await expect(tile(page, a.id)).toHaveCount(1);

  // Restoring the view stops the whole-wall tour and brings back both tiles.
  await page.getByTestId('wall-views').click();
  await page.getByTestId('wall-view-item').filter({ hasText: 'e2e 两路' }).click();
  await expect(bar).toHaveCount(0);
  await expect(page.getByTestId('wall-grid')).toHaveAttribute('data-layout', '4');
  await expect(tile(page, a.id)).toHaveAttribute('data-slot', '0');
  await expect(tile(page, b.id)).toHaveAttribute('data-slot', '1');
  await hub.close();
});

test('a wall window opens from the console and shows what the console pushes to it', async ({ page, shell }) => {
  test.setTimeout(90_000);
  // The pages' clock (the wall window's too) runs as the real one; the test skips the tour's dwell.
  await page.context().clock.install();
  await openWall(page, shell.url);
  const hub = await hubClient(page, 'monitor');
  const { playing } = await demoCameras(hub);
  const camera = playing[9];
  if (!camera) throw new Error('ten demo cameras needed');
  const tour = await hub.call<{ id: number }>('wall.tours.save', {
    name: 'e2e 推送轮巡',
    mode: 'tile',
    cameras: playing.slice(10, 12).map((c) => c.id),
    dwellSeconds: 5,
  });

  const popupCame = page.waitForEvent('popup');
  await page.getByTestId('wall-open-window').click();
  const wall = await popupCame;
  const win = wall.getByTestId('wall-window');
  await expect(win).toHaveAttribute('data-window-id', /wall-/, { timeout: 15_000 });
  await expect(win).toHaveAttribute('data-window-name', '墙窗口 1');
  // Only the grid: the window covers the console frame.
  await expect(win.getByTestId('wall-grid')).toBeVisible();
  await expect(wall.getByTestId('wall-tree')).toHaveCount(0);

  await page.getByTestId('wall-push').click();
  const push = page.getByTestId('wall-push-form');
  await choose(page, 'wall-push-window', '墙窗口', '墙窗口 1');
  await choose(page, 'wall-push-camera', camera.id, camera.id);
  await chooseByKeys(page, 'wall-push-slot', '3', '第 3 格');
  await page.getByTestId('wall-push-ok').click();
  await expect(push).toHaveCount(0);
  const pushed = wall.locator(`[data-testid="wall-tile"][data-camera-id="${camera.id}"]`);
  await expect(pushed).toHaveAttribute('data-slot', '2');
  await expect(pushed).toHaveAttribute('data-state', 'playing', { timeout: 20_000 });

  await page.getByTestId('wall-push').click();
  await choose(page, 'wall-push-window', '墙窗口', '墙窗口 1');
  await page.getByTestId('wall-push-kind').getByText('轮巡').click();
  await choose(page, 'wall-push-tour', 'e2e', 'e2e 推送轮巡');
  await chooseByKeys(page, 'wall-push-slot', '1', '第 1 格');
  await page.getByTestId('wall-push-ok').click();
  const bar = wall.getByTestId('wall-tour-bar');
  await expect(bar).toHaveAttribute('data-tour-id', String(tour.id));
  const [first, second] = playing.slice(10, 12).map((c) => c.id);
  await expect(wall.locator(`[data-testid="wall-tile"][data-slot="0"]`)).toHaveAttribute('data-camera-id', first ?? '');
  await wall.clock.fastForward(5_000);
  await expect(wall.locator(`[data-testid="wall-tile"][data-slot="0"]`)).toHaveAttribute(
    'data-camera-id',
    second ?? '',
  );
  await wall.close();
  await hub.close();
});
