import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import Database from 'better-sqlite3';
import type { Camera, OrderDetail, WallTour } from '../../common/contract';
import { hubClient, type HubClient } from './duty-roster-helpers';
import { expect, login, test } from './fixtures';

// Issue 11: alarm to the wall (item 8) and the wall following an incident (item 2), against the demo
// cameras of the web shell.

function tiles(page: Page): Locator {
  return page.locator('[data-testid="wall-tile"]');
}

async function cameraIdsOnWall(page: Page): Promise<string[]> {
  const ids = await tiles(page).evaluateAll((els) => els.map((e) => e.getAttribute('data-camera-id') ?? ''));
  return ids.filter((id) => id !== '').sort();
}

/** The monitor's console on the wall, and wall window 1 opened from it. */
async function consoleAndWindow(page: Page, url: string): Promise<{ wall: Page; windowId: string }> {
  await login(page, url, 'monitor');
  await page.getByTestId('nav-wall').click();
  await expect(page.getByTestId('wall-grid')).toBeVisible();
  const popupCame = page.waitForEvent('popup');
  await page.getByTestId('wall-open-window').click();
  const wall = await popupCame;
  const win = wall.getByTestId('wall-window');
  await expect(win).toHaveAttribute('data-window-id', /wall-/, { timeout: 15_000 });
  return { wall, windowId: (await win.getAttribute('data-window-id')) ?? '' };
}

async function demoCameras(hub: HubClient): Promise<Camera[]> {
  const { rows } = await hub.call<{ rows: Camera[] }>('cameras.list', { filter: { enabled: true }, limit: 1000 });
  return rows;
}

test('a new 特急 order pushes its camera to the alarm window; 确认/返回 brings the previous view back', async ({
  page,
  shell,
}) => {
  test.setTimeout(90_000);
  const { wall, windowId } = await consoleAndWindow(page, shell.url);
  const monitor = await hubClient(page, 'monitor');
  const hotline = await hubClient(page, 'hotline');
  const cameras = await demoCameras(monitor);
  const [before, alarmCamera] = cameras;
  if (!before || !alarmCamera) throw new Error('two demo cameras needed');

  // What the window shows before: one camera pushed to its third tile of nine.
  await monitor.call('wall.push', { windowId, target: { kind: 'camera', cameraId: before.id, slot: 2 } });
  await expect(wall.locator(`[data-testid="wall-tile"][data-camera-id="${before.id}"]`)).toHaveAttribute(
    'data-slot',
    '2',
  );

  // The operator marks the window for alarms on the window itself.
  const toggle = wall.getByTestId('wall-window-alarm');
  await toggle.click({ force: true });
  await expect(toggle).toHaveAttribute('aria-checked', 'true');
  // The console's toolbar lists it as an alarm window.
  await page.getByTestId('wall-alarm-windows').click();
  await expect(page.getByTestId('wall-alarm-window-墙窗口 1')).toHaveAttribute('aria-checked', 'true');

  const order = await hotline.call<OrderDetail>('orders.create', {
    title: '燃气管道破裂 <b>e2e</b>',
    description: '现场有明显燃气味',
    categoryId: '0200201',
    workstationId: alarmCamera.workstationId,
    cameraId: alarmCamera.id,
    source: 'hotline',
    urgency: 'critical',
  });

  const frame = wall.getByTestId('wall-alarm-frame');
  await expect(frame).toBeVisible();
  await expect(wall.getByTestId('wall-alarm-reason')).toHaveText(`特急工单 ${order.code}「燃气管道破裂 <b>e2e</b>」`);
  await expect(wall.getByTestId('wall-grid')).toHaveAttribute('data-layout', '1');
  expect(await cameraIdsOnWall(wall)).toEqual([alarmCamera.id]);
  // Not marked: the console's own wall is untouched.
  await expect(page.getByTestId('wall-alarm-frame')).toHaveCount(0);

  await wall.getByTestId('wall-alarm-ack').click();
  await expect(frame).toHaveCount(0);
  await expect(wall.getByTestId('wall-grid')).toHaveAttribute('data-layout', '9');
  await expect(wall.locator(`[data-testid="wall-tile"][data-camera-id="${before.id}"]`)).toHaveAttribute(
    'data-slot',
    '2',
  );
  expect(await cameraIdsOnWall(wall)).toEqual([before.id]);
  const audit = await monitor.result('wall.alarm.ack', { alarmId: 'alarm-gone' });
  expect(audit.ok).toBe(false);

  // Unmarked again, a 特急 order leaves the window alone.
  await toggle.click({ force: true });
  await expect(toggle).toHaveAttribute('aria-checked', 'false');
  await wall.close();
  await hotline.close();
  await monitor.close();
});

test('an incident for two workstations switches the walls to their cameras; closing restores them', async ({
  page,
  shell,
}) => {
  test.setTimeout(90_000);
  const { wall, windowId } = await consoleAndWindow(page, shell.url);
  const monitor = await hubClient(page, 'monitor');
  const coord = await hubClient(page, 'coord');
  const cameras = await demoCameras(monitor);
  const byStation = new Map<string, string[]>();
  for (const c of cameras) byStation.set(c.workstationId, [...(byStation.get(c.workstationId) ?? []), c.id]);
  const [first, second] = [...byStation.keys()];
  const outside = cameras.find((c) => c.workstationId !== first && c.workstationId !== second);
  if (!first || !second || !outside) throw new Error('demo cameras at three workstations needed');
  const expected = [...(byStation.get(first) ?? []), ...(byStation.get(second) ?? [])].sort();

  await monitor.call('wall.push', { windowId, target: { kind: 'camera', cameraId: outside.id, slot: 0 } });
  await expect(wall.locator(`[data-testid="wall-tile"][data-camera-id="${outside.id}"]`)).toHaveCount(1);

  const incident = await coord.call<{ incident: { id: number } }>('incidents.activate', {
    type: 'flood',
    level: 'IV',
    areaIds: [first, second],
    commanderName: '赵磊',
    situation: 'e2e 台风登陆',
  });

  // The wall window and the console's wall both switch, marked with the incident.
  for (const p of [wall, page]) {
    await expect(p.getByTestId('wall-incident-mark')).toContainText('防台防汛');
    await expect.poll(() => cameraIdsOnWall(p)).toEqual(expected);
  }
  await expect(wall.getByTestId('wall-incident-mark')).toHaveAttribute('data-drill', 'false');

  // A reload during the incident keeps the switch and what to return to.
  await wall.reload();
  await expect(wall.getByTestId('wall-incident-mark')).toContainText('防台防汛');
  await expect.poll(() => cameraIdsOnWall(wall)).toEqual(expected);

  await coord.call('incidents.close', { id: incident.incident.id, summary: 'e2e 结束' });
  await expect(wall.getByTestId('wall-incident-mark')).toHaveCount(0);
  await expect.poll(() => cameraIdsOnWall(wall)).toEqual([outside.id]);
  await expect(wall.getByTestId('wall-grid')).toHaveAttribute('data-layout', '9');
  await expect(page.getByTestId('wall-incident-mark')).toHaveCount(0);
  await expect.poll(() => cameraIdsOnWall(page)).toEqual([]);
  await wall.close();
  await coord.close();
  await monitor.close();
});

/** Counts the Web Audio tones the pages play (each 特急 beep is five): the alarm sound, heard by a test. */
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

/**
 * An order raised to 特急 outside the console (as an import or a data fix would): straight in the
 * hub's SQLite, as the hub's own paths never do. The database queues its alarm; the hub's sweep sends it.
 */
function raiseToCritical(dataDir: string, code: string): void {
  const db = new Database(path.join(dataDir, 'cityops.sqlite'));
  try {
    db.pragma('busy_timeout = 5000');
    db.prepare("UPDATE orders SET urgency = 'critical', updated_at = ? WHERE code = ?").run(Date.now(), code);
  } finally {
    db.close();
  }
}

test('an Open311 request raised to 特急 sounds on the alarm window until muted; the tour runs on after 确认/返回', async ({
  page,
  shell,
}) => {
  test.setTimeout(120_000);
  await countTones(page);
  const { wall, windowId } = await consoleAndWindow(page, shell.url);
  const monitor = await hubClient(page, 'monitor');
  const admin = await hubClient(page, 'admin');
  const cameras = await demoCameras(monitor);
  const alarmAt = cameras[0]?.workstationId;
  if (!alarmAt || cameras.length < 2) throw new Error('demo cameras needed');
  const expected = cameras
    .filter((c) => c.workstationId === alarmAt)
    .map((c) => c.id)
    .sort();

  // The window tours the demo cameras one at a time, on a long dwell (the test does not wait for steps).
  const tour = await monitor.call<WallTour>('wall.tours.save', {
    name: `e2e 全镇轮巡 ${Date.now()}`,
    mode: 'wall',
    layout: '1',
    cameras: cameras.map((c) => c.id),
    dwellSeconds: 600,
  });
  await monitor.call('wall.push', { windowId, target: { kind: 'tour', tourId: tour.id } });
  const bar = wall.getByTestId('wall-tour-bar');
  await expect(bar).toHaveAttribute('data-tour-id', String(tour.id));
  await wall.getByTestId('wall-tour-next').click({ force: true });
  await expect(bar).toHaveAttribute('data-step', '2');

  const toggle = wall.getByTestId('wall-window-alarm');
  await toggle.click({ force: true });
  await expect(toggle).toHaveAttribute('aria-checked', 'true');
  await expect(wall.getByTestId('wall-window-alarm-mute')).toHaveAttribute('data-muted', 'false');

  // A partner files a request over Open311: it comes in as 一般 — no alarm.
  const { secret } = await admin.call<{ secret: string }>('admin.apiKeys.create', { name: `e2e 合作方 ${Date.now()}` });
  const filed = await page.request.post(new URL('/open311/v2/requests.json', shell.url).href, {
    form: { api_key: secret, service_code: '0200201', workstation: alarmAt, description: '小区门口燃气味很重 e2e' },
  });
  expect(filed.status()).toBe(200);
  const [record] = (await filed.json()) as { service_request_id: string }[];
  const code = record?.service_request_id ?? '';
  expect(code).toMatch(/^HQ/);
  await expect(wall.getByTestId('wall-alarm-frame')).toHaveCount(0);

  // Raised to 特急 outside the console: the alarm window switches to the workstation's cameras.
  raiseToCritical(shell.dataDir, code);
  await expect(wall.getByTestId('wall-alarm-frame')).toBeVisible({ timeout: 15_000 });
  await expect(wall.getByTestId('wall-alarm-reason')).toContainText(`特急工单 ${code}`);
  await expect.poll(() => cameraIdsOnWall(wall)).toEqual(expected);
  await expect(bar).toHaveCount(0);

  // It sounds, and again while nobody acknowledges it.
  await expect.poll(() => tones(wall)).toBeGreaterThanOrEqual(5);
  await expect.poll(() => tones(wall), { timeout: 15_000 }).toBeGreaterThanOrEqual(10);

  // 静音 on this window: remembered over a reload, where the alarm is still up and silent.
  await wall.getByTestId('wall-alarm-mute').click();
  await expect(wall.getByTestId('wall-alarm-mute')).toHaveAttribute('data-muted', 'true');
  await wall.reload();
  await expect(wall.getByTestId('wall-alarm-frame')).toBeVisible();
  await expect(wall.getByTestId('wall-alarm-mute')).toHaveAttribute('data-muted', 'true');
  expect(await tones(wall)).toBe(0);
  // Unmuted, it sounds at once.
  await wall.getByTestId('wall-alarm-mute').click();
  await expect.poll(() => tones(wall)).toBeGreaterThanOrEqual(5);

  // 确认/返回: the tour is back where it was, cycling the wall again.
  await wall.getByTestId('wall-alarm-ack').click();
  await expect(wall.getByTestId('wall-alarm-frame')).toHaveCount(0);
  await expect(bar).toHaveAttribute('data-tour-id', String(tour.id));
  await expect(bar).toHaveAttribute('data-step', '2');
  await expect(wall.getByTestId('wall-grid')).toHaveAttribute('data-layout', '1');
  await expect.poll(() => cameraIdsOnWall(wall)).toEqual([cameras[1]?.id]);

  await toggle.click({ force: true });
  await expect(toggle).toHaveAttribute('aria-checked', 'false');
  await wall.close();
  await admin.close();
  await monitor.close();
});
