import type { Page } from '@playwright/test';
import type { MethodOutput } from '../../common/contract';
import { hubClient } from './duty-roster-helpers';
import { expect, test } from './fixtures';
import { operator } from './orders-helpers';

/** Ticks an org unit on the activation dialog's tree, found by typing its name. */
async function tickArea(page: Page, name: string, unitId: string): Promise<void> {
  await page.getByTestId('incident-area-search').locator('input').fill(name);
  const node = page.locator('.ant-tree-treenode', {
    has: page.locator(`[data-testid="incident-area-node"][data-unit-id="${unitId}"]`),
  });
  await node.locator('.ant-tree-checkbox').click();
  await expect(node.locator('.ant-tree-checkbox')).toHaveClass(/ant-tree-checkbox-checked/);
}

test('incident mode: the coordinator switches the room, every console follows, reports are timed, and it ends', async ({
  browser,
  shell,
}) => {
  test.setTimeout(300_000);
  const coord = await operator(await (await browser.newContext()).newPage(), shell.url, 'coord');
  // The coordinator lands on the incident workspace.
  await expect(coord.getByTestId('workspace-title')).toHaveText('应急指挥');
  await expect(coord.getByTestId('incident-none')).toBeVisible();

  // The video monitor, in another browser, on the wall with a wall window open.
  const monitor = await operator(await (await browser.newContext()).newPage(), shell.url, 'monitor');
  await expect(monitor.getByTestId('workspace-title')).toHaveText('视频墙');
  const popupCame = monitor.waitForEvent('popup');
  await monitor.getByTestId('wall-open-window').click();
  const wall = await popupCame;
  await expect(wall.getByTestId('wall-window')).toHaveAttribute('data-window-id', /wall-/, { timeout: 15_000 });
  const consoles = [coord, monitor, wall];
  for (const p of consoles) await expect(p.getByTestId('incident-banner')).toHaveCount(0);

  // Activate 防台防汛 Ⅳ for two workstations, with a confirmation.
  await coord.getByTestId('incident-activate').click();
  await coord.getByTestId('incident-type-flood').click();
  await coord.getByTestId('incident-level-IV').click();
  await tickArea(coord, '海塘', 'HQ-W-CL02');
  await tickArea(coord, '建光', 'HQ-W-CL03');
  await coord.getByTestId('incident-situation').fill('台风“海葵”外围影响，海塘村、建光村低洼处积水 20 厘米');
  await coord.getByTestId('incident-activate-submit').click();
  await coord.getByTestId('incident-activate-confirm').click();

  const header = coord.getByTestId('incident-header');
  await expect(header).toHaveAttribute('data-state', 'active');
  const incidentId = Number(await header.getAttribute('data-incident-id'));
  await expect(coord.getByTestId('incident-areas')).toContainText('海塘村');
  await expect(coord.getByTestId('incident-areas')).toContainText('建光村');

  // Every console and the wall window show the banner at once (pushed, not polled).
  for (const p of consoles) {
    const banner = p.getByTestId('incident-banner');
    await expect(banner).toHaveAttribute('data-level', 'IV', { timeout: 5_000 });
    await expect(banner).toHaveAttribute('data-drill', 'false');
    await expect(banner.getByTestId('incident-banner-type')).toContainText('防台防汛');
    await expect(banner.getByTestId('incident-banner-report').first()).toBeVisible();
  }

  // Escalate to Ⅲ: a reason and a confirmation; the plan adds Ⅲ's actions.
  await coord.getByTestId('incident-level-change').click();
  await coord.getByTestId('incident-new-level-III').click();
  await coord.getByTestId('incident-level-reason').fill('风力增强至 9 级，降雨超过预警值');
  await coord.getByTestId('incident-level-submit').click();
  await coord.getByTestId('incident-level-confirm').click();
  for (const p of consoles) {
    await expect(p.getByTestId('incident-banner')).toHaveAttribute('data-level', 'III', { timeout: 5_000 });
  }
  const timeline = coord.getByTestId('incident-timeline');
  await expect(timeline.locator('[data-testid="incident-timeline-entry"][data-kind="level"]')).toContainText(
    '风力增强',
  );

  // A checklist tick reaches the timeline.
  const leader = coord.getByTestId('incident-checklist-item').filter({ hasText: '领导带班到岗' });
  // A click, not check(): the box is controlled by the hub's answer, so its state changes a round-trip later.
  await leader.getByTestId('incident-checklist-tick').click();
  await expect(leader).toHaveAttribute('data-done', 'true');
  await expect(timeline.locator('[data-testid="incident-timeline-entry"][data-kind="checklist"]')).toContainText(
    '领导带班到岗',
  );

  // The report deadlines the plan set, with their countdowns.
  await expect(
    coord.locator('[data-testid="incident-report"][data-kind="initial"][data-status="pending"]'),
  ).toHaveCount(1);
  await expect(coord.getByTestId('incident-report-countdown').first()).toHaveText(/^\d+:\d\d/);

  // Close with a summary: every banner goes.
  await coord.getByTestId('incident-close').click();
  await coord.getByTestId('incident-close-summary').fill('积水已退，转移群众均已返回，无人员伤亡');
  await coord.getByTestId('incident-close-submit').click();
  await coord.getByTestId('incident-close-confirm').click();
  // The current tab may drop the closed incident at once (it is no longer current); the history
  // below shows it with its summary.
  for (const p of consoles) await expect(p.getByTestId('incident-banner')).toHaveCount(0, { timeout: 5_000 });

  // The center's duty log has the system entries of the switch, the level change and the end.
  await coord.getByTestId('nav-duty').click();
  await coord.getByTestId('duty-tab-log').click();
  const system = coord.locator('[data-testid="duty-entry"][data-kind="system"]').filter({ hasText: `#${incidentId}` });
  await expect(system).toHaveCount(3);

  // The incident is in the history; its page is read-only.
  await coord.getByTestId('nav-incidents').click();
  await coord.getByTestId('incident-tab-history').click();
  await coord.locator(`[data-testid="incident-history-row"][data-incident-id="${incidentId}"]`).click();
  await expect(coord.getByTestId('incident-header')).toHaveAttribute('data-state', 'closed');
  await expect(coord.getByTestId('incident-summary')).toContainText('无人员伤亡');
  await expect(coord.getByTestId('incident-level-change')).toHaveCount(0);
  await expect(coord.getByTestId('incident-checklist-tick').first()).toBeDisabled();
});

test('a drill runs beside the real incident, hatched and marked 演练; a second real one is refused', async ({
  browser,
  shell,
}) => {
  test.setTimeout(120_000);
  const chief = await operator(await (await browser.newContext()).newPage(), shell.url, 'chief');
  await chief.getByTestId('nav-incidents').click();

  const activate = async (type: string, drill: boolean) => {
    await chief.getByTestId('incident-activate').click();
    await chief.getByTestId(`incident-type-${type}`).click();
    await tickArea(chief, '直属村', 'HQ-W-CL01');
    await chief.getByTestId('incident-situation').fill(`e2e ${type} ${drill ? '演练' : '实战'}`);
    if (drill) await chief.getByTestId('incident-drill').check();
    await chief.getByTestId('incident-activate-submit').click();
    await chief.getByTestId('incident-activate-confirm').click();
  };

  await activate('fire', false);
  await expect(chief.getByTestId('incident-header')).toHaveAttribute('data-state', 'active');
  await activate('gas', true);
  const drillBanner = chief.locator('[data-testid="incident-banner"][data-drill="true"]');
  await expect(drillBanner).toBeVisible();
  await expect(drillBanner.getByTestId('incident-banner-drill')).toHaveText('演练');
  await expect(drillBanner).toHaveClass(/incident-hatched/);
  // The real one first.
  await expect(chief.getByTestId('incident-banner').first()).toHaveAttribute('data-drill', 'false');

  // A second real incident: the hub's message, in the dialog.
  await activate('traffic', false);
  await expect(chief.getByTestId('incident-activate-error')).toContainText('同一时间只能有一个');

  // The worker's hub serves the specs after this one: leave the room in normal operation.
  const hub = await hubClient(chief, 'chief');
  const { incidents } = await hub.call<MethodOutput<'incidents.current'>>('incidents.current', {});
  for (const i of incidents) await hub.call('incidents.close', { id: i.id, summary: 'e2e 结束' });
});
