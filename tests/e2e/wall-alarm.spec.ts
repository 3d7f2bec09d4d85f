import type { Locator, Page } from '@playwright/test';
import type { Camera, OrderDetail } from '../../common/contract';
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
