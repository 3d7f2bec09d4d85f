import type { Page } from '@playwright/test';
import type { Camera, LossAlarmSetting } from '../../common/contract';
import { hubClient, type HubClient } from './duty-roster-helpers';
import { expect, login, test } from './fixtures';
import { openWall, tile } from './wall-helpers';

// The wall draws the eye, against the demo cameras of a web shell
// started with CITYOPS_DEMO_MEDIA_CONTROL=1 (a duty chief can take a demo stream off the air): a
// camera going dark dims and frames its tile and raises the video-loss alarm with its tone until
// acknowledged; cameras placed from the tree by keyboard; the tree and the menu folded away.

test.describe.configure({ mode: 'serial' });

const DEMO_PATH = /\/media\/demo\/([a-z0-9-]+)\/main\//;

/** The demo cameras that play (the deliberately broken one left out), each with its grid. */
async function demoCameras(hub: HubClient): Promise<Camera[]> {
  const { rows } = await hub.call<{ rows: Camera[] }>('cameras.list', { filter: {}, limit: 1000 });
  return rows.filter((c) => {
    const key = DEMO_PATH.exec(c.mainUrl)?.[1];
    return key !== undefined && key !== 'broken' && c.gridId !== null;
  });
}

async function putOnWall(page: Page, cameraId: string): Promise<void> {
  await page.getByTestId('wall-tree-search').fill(cameraId);
  const node = page.locator(`[data-testid="wall-tree-camera"][data-camera-id="${cameraId}"]`);
  await expect(node).toHaveCount(1);
  await node.dblclick();
  await expect(tile(page, cameraId)).toHaveAttribute('data-state', 'playing', { timeout: 30_000 });
}

/** Takes a demo camera's stream off the air or back (demo.setRunning: a duty chief's session). */
async function onAir(chief: HubClient, cameraId: string, running: boolean): Promise<void> {
  await chief.call('demo.setRunning', { cameraId, running });
}

/** Counts the Web Audio tones the page plays (each 特急 beep is five oscillators). */
async function countTones(page: Page): Promise<void> {
  await page.context().addInitScript(() => {
    const w = window as unknown as { alarmTones: number };
    w.alarmTones = 0;
    const Original = window.AudioContext;
    window.AudioContext = class extends Original {
      override createOscillator(): OscillatorNode {
        w.alarmTones += 1;
        return super.createOscillator();
      }
    };
  });
}
const tones = (page: Page) => page.evaluate(() => (window as unknown as { alarmTones: number }).alarmTones);

test('a camera going dark: its tile dims and is framed red, the video-loss alarm sounds, 确认 clears it, and it re-arms once the camera is back', async ({
  page,
  shell,
}) => {
  test.setTimeout(180_000);
  await countTones(page);
  await openWall(page, shell.url);
  const monitor = await hubClient(page, 'monitor');
  const admin = await hubClient(page, 'admin');
  const chief = await hubClient(page, 'chief');
  const [victim, quiet] = await demoCameras(monitor);
  if (!victim?.gridId) throw new Error('a demo camera in a grid is needed');
  const before = (await admin.call<{ rows: LossAlarmSetting[] }>('wall.lossAlarms.list', {})).rows.find(
    (g) => g.gridId === victim.gridId,
  );
  try {
    // The victim's group alarms 1 s after the health machine says offline.
    await admin.call('wall.lossAlarms.set', { gridId: victim.gridId, enabled: true, delayS: 1 });
    await putOnWall(page, victim.id);
    await expect(page.getByTestId('wall-loss-card')).toHaveCount(0);
    expect(await tones(page)).toBe(0);

    await onAir(chief, victim.id, false);
    await expect(tile(page, victim.id)).toHaveAttribute('data-state', 'offline', { timeout: 30_000 });
    // The last frame dimmed, the tile framed in red, the state in words.
    await expect(tile(page, victim.id)).toHaveClass(/wall-tile-state-offline/);
    const look = await tile(page, victim.id).evaluate((el) => ({
      filter: getComputedStyle(el.querySelector('video') ?? el).filter,
      frame: getComputedStyle(el, '::after').boxShadow,
    }));
    expect(look.filter).toContain('grayscale');
    expect(look.frame).toContain('inset');
    await expect(tile(page, victim.id).getByTestId('wall-tile-status')).toContainText('离线');

    // The alarm: the camera, its group and since when; the tone, again while nobody acknowledges.
    const card = page.getByTestId('wall-loss-card');
    await expect(card).toBeVisible({ timeout: 15_000 });
    const alarm = card.locator(`[data-testid="wall-loss-alarm"][data-camera-id="${victim.id}"]`);
    await expect(alarm.getByTestId('wall-loss-camera')).toHaveText(victim.name);
    await expect(alarm.getByTestId('wall-loss-group')).toHaveText(victim.gridName ?? '');
    await expect(alarm).toContainText('起离线');
    await expect.poll(() => tones(page)).toBeGreaterThanOrEqual(5);
    await expect.poll(() => tones(page), { timeout: 15_000 }).toBeGreaterThanOrEqual(10);

    // 确认 clears it; still dark, it does not alarm again.
    await alarm.getByTestId('wall-loss-ack').click();
    await expect(card).toHaveCount(0);
    const afterAck = await tones(page);

    // Back on the air it plays; dark again, it alarms again.
    await onAir(chief, victim.id, true);
    await expect(tile(page, victim.id)).toHaveAttribute('data-state', 'playing', { timeout: 30_000 });
    await expect(tile(page, victim.id)).not.toHaveClass(/wall-tile-state-offline/);
    expect(await tones(page)).toBe(afterAck);
    await onAir(chief, victim.id, false);
    await expect(page.getByTestId('wall-loss-card')).toBeVisible({ timeout: 45_000 });
    // The earlier acknowledgement is on the card's record: who and when.
    await expect(page.getByTestId('wall-loss-acked')).toContainText(victim.name);

    // A group switched off does not alarm: the second camera's grid off, taken off the air.
    await page.getByTestId('wall-loss-ack').click();
    await expect(page.getByTestId('wall-loss-card')).toHaveCount(0);
    if (quiet?.gridId) {
      await admin.call('wall.lossAlarms.set', { gridId: quiet.gridId, enabled: false, delayS: 0 });
      await putOnWall(page, quiet.id);
      await onAir(chief, quiet.id, false);
      await expect(tile(page, quiet.id)).toHaveAttribute('data-state', 'offline', { timeout: 30_000 });
      // The victim's group alarms after 1 s; this one would at once: nothing after the same wait.
      await expect.poll(() => page.getByTestId('wall-loss-card').count(), { timeout: 3_000 }).toBe(0);
      await onAir(chief, quiet.id, true);
    }
  } finally {
    await onAir(chief, victim.id, true);
    await admin.call('wall.lossAlarms.set', {
      gridId: victim.gridId,
      enabled: before?.enabled ?? true,
      delayS: before?.delayS ?? 10,
    });
    if (quiet?.gridId && quiet.gridId !== victim.gridId) {
      await admin.call('wall.lossAlarms.set', { gridId: quiet.gridId, enabled: true, delayS: 10 });
    }
    await chief.close();
    await admin.close();
    await monitor.close();
  }
});

test('确认 on one console clears the alarm on every console and wall window showing the camera', async ({
  page,
  shell,
  browser,
}) => {
  test.setTimeout(180_000);
  await openWall(page, shell.url);
  const monitor = await hubClient(page, 'monitor');
  const admin = await hubClient(page, 'admin');
  const chief = await hubClient(page, 'chief');
  const [victim] = await demoCameras(monitor);
  if (!victim?.gridId) throw new Error('a demo camera in a grid is needed');
  // A wall window opened from the monitor's console, the camera pushed to it.
  const popupCame = page.waitForEvent('popup');
  await page.getByTestId('wall-open-window').click();
  const wall = await popupCame;
  const win = wall.getByTestId('wall-window');
  await expect(win).toHaveAttribute('data-window-id', /wall-/, { timeout: 15_000 });
  const windowId = (await win.getAttribute('data-window-id')) ?? '';
  // A second console: the duty chief's, at another PC (a browser context of its own).
  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  try {
    await admin.call('wall.lossAlarms.set', { gridId: victim.gridId, enabled: true, delayS: 1 });
    await putOnWall(page, victim.id);
    await monitor.call('wall.push', { windowId, target: { kind: 'camera', cameraId: victim.id, slot: 0 } });
    await expect(tile(wall, victim.id)).toHaveAttribute('data-state', 'playing', { timeout: 30_000 });
    await login(other, shell.url, 'chief');
    await other.getByTestId('nav-wall').click();
    await expect(other.getByTestId('wall-grid')).toBeVisible({ timeout: 30_000 });
    await putOnWall(other, victim.id);

    await onAir(chief, victim.id, false);
    const alarmOn = (p: Page) =>
      p.locator(`[data-testid="wall-loss-card"] [data-testid="wall-loss-alarm"][data-camera-id="${victim.id}"]`);
    for (const p of [page, wall, other]) await expect(alarmOn(p)).toBeVisible({ timeout: 45_000 });

    // The chief acknowledges on their console: the card goes on all three.
    await alarmOn(other).getByTestId('wall-loss-ack').click();
    for (const p of [other, page, wall])
      await expect(p.getByTestId('wall-loss-card')).toHaveCount(0, { timeout: 15_000 });
    // Still dark: nobody alarms again for this outage.
    await expect.poll(() => page.getByTestId('wall-loss-card').count(), { timeout: 3_000 }).toBe(0);

    // Back and dark again: a new outage alarms again, and its card names the earlier 确认 by the chief.
    await onAir(chief, victim.id, true);
    await expect(tile(page, victim.id)).toHaveAttribute('data-state', 'playing', { timeout: 30_000 });
    await onAir(chief, victim.id, false);
    await expect(alarmOn(page)).toBeVisible({ timeout: 45_000 });
    await expect(page.getByTestId('wall-loss-acked')).toContainText('张伟');
    await alarmOn(page).getByTestId('wall-loss-ack').click();
    for (const p of [page, wall, other])
      await expect(p.getByTestId('wall-loss-card')).toHaveCount(0, { timeout: 15_000 });
  } finally {
    await onAir(chief, victim.id, true);
    await admin.call('wall.lossAlarms.set', { gridId: victim.gridId, enabled: true, delayS: 10 });
    await otherContext.close();
    await wall.close();
    await chief.close();
    await admin.close();
    await monitor.close();
  }
});

test('cameras placed from the tree by keyboard; the tree and the menu fold away and stay folded', async ({
  page,
  shell,
}) => {
  test.setTimeout(120_000);
  await openWall(page, shell.url);
  const monitor = await hubClient(page, 'monitor');
  const [first, second] = await demoCameras(monitor);
  if (!first || !second) throw new Error('two demo cameras needed');

  // Into the tree with the keyboard: arrows down to the camera, then its tile number.
  const tree = page.getByTestId('wall-tree');
  const pick = async (cameraId: string) => {
    await page.getByTestId('wall-tree-search').fill(cameraId);
    // The search has applied when the tree shows that camera alone (it was in the whole tree too).
    await expect(page.getByTestId('wall-tree-camera')).toHaveCount(1);
    await expect(page.locator(`[data-testid="wall-tree-camera"][data-camera-id="${cameraId}"]`)).toHaveCount(1);
    await tree.getByRole('tree').focus();
    for (let i = 0; i < 8; i += 1) {
      if ((await tree.getAttribute('data-active-camera')) === cameraId) break;
      await page.keyboard.press('ArrowDown');
    }
    await expect(tree).toHaveAttribute('data-active-camera', cameraId);
  };
  await pick(first.id);
  await page.keyboard.press('7');
  await expect(tile(page, first.id)).toHaveAttribute('data-slot', '6');
  // Enter: as a double-click — the selected tile (7) is taken, so the first empty one (1).
  await pick(second.id);
  await page.keyboard.press('Enter');
  await expect(tile(page, second.id)).toHaveAttribute('data-slot', '0');
  await page.keyboard.press('3');
  await expect(tile(page, second.id)).toHaveAttribute('data-slot', '2');
  // A larger wall takes two digits.
  await page.getByTestId('wall-layout-16').click();
  await expect(page.getByTestId('wall-grid')).toHaveAttribute('data-layout', '16');
  await pick(second.id);
  await page.keyboard.press('1');
  await page.keyboard.press('4');
  await expect(tile(page, second.id)).toHaveAttribute('data-slot', '13');

  // The camera tree folds away (the wall takes the width), remembered for this user over a reload.
  const gridWidth = async () => (await page.getByTestId('wall-grid').boundingBox())?.width ?? 0;
  const narrow = await gridWidth();
  await page.getByTestId('wall-tree-toggle').click();
  await expect(page.getByTestId('wall-tree')).toHaveCount(0);
  await expect.poll(gridWidth).toBeGreaterThan(narrow + 200);
  await page.getByTestId('nav-fold').click();
  await expect(page.getByTestId('nav-fold')).toHaveAttribute('data-folded', 'true');
  await page.reload();
  await expect(page.getByTestId('wall-grid')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('wall-tree')).toHaveCount(0);
  await expect(page.getByTestId('nav-fold')).toHaveAttribute('data-folded', 'true');
  await page.getByTestId('wall-tree-toggle').click();
  await expect(page.getByTestId('wall-tree')).toBeVisible();
  await page.getByTestId('nav-fold').click();
  await expect(page.getByTestId('nav-fold')).toHaveAttribute('data-folded', 'false');

  // F11: the wall alone, full screen; F11 again leaves (Esc too, the browser's own).
  await page.getByTestId('wall-grid').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('F11');
  await expect
    .poll(() => page.evaluate(() => document.fullscreenElement?.classList.contains('wall-stage') ?? false))
    .toBe(true);
  await page.keyboard.press('F11');
  await expect.poll(() => page.evaluate(() => document.fullscreenElement === null)).toBe(true);
  await monitor.close();
});
