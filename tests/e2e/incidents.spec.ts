import fs from 'node:fs';
import type { Page } from '@playwright/test';
import type { MethodOutput } from '../../common/contract';
import { pdfPageTexts } from '../helpers/pdf-text';
import { hubClient } from './duty-roster-helpers';
import { initialReportFallsDue } from './incident-helpers';
import { expect, login, test } from './fixtures';
import { operator, PHOTO } from './orders-helpers';

const squash = (s: string) => s.replace(/\s+/g, '');

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
  test.setTimeout(420_000);
  // The coordinator lands on the overview; incident mode is a menu entry away.
  const coord = await operator(await (await browser.newContext()).newPage(), `${shell.url}#/incidents`, 'coord');
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

  // The monitor follows the incident page (a reader: no 记录报告 there).
  await monitor.getByTestId('nav-incidents').click();
  await expect(monitor.getByTestId('incident-page')).toHaveAttribute('data-incident-id', String(incidentId));
  await expect(monitor.getByTestId('incident-report').first()).toBeVisible();
  await expect(monitor.getByTestId('incident-report-record')).toHaveCount(0);
  const monitorTimeline = monitor.getByTestId('incident-timeline');

  // The initial report's timer fires: the hub's sweep raises the alert (sound, the status bar's toast)
  // for the coordinator; the report waits in the alert drawer, not over the workspace, and the missed
  // deadline goes red on the timeline and in the reports table.
  const reportId = await initialReportFallsDue(shell, incidentId);
  await expect(coord.getByTestId('alert-toast')).toContainText('初报（口头）已到报送时限', { timeout: 45_000 });
  await expect(coord.locator('.ant-notification-notice')).toHaveCount(0);
  await coord.getByTestId('alert-count').click();
  const alert = coord.locator(`[data-testid="incident-report-alert"][data-report-id="${reportId}"]`);
  await expect(alert).toHaveAttribute('data-status', 'missed', { timeout: 30_000 });
  const report = coord.locator(`[data-testid="incident-report"][data-report-id="${reportId}"]`);
  await expect(report).toHaveAttribute('data-status', 'missed');
  const missed = timeline.locator(
    `[data-testid="incident-timeline-entry"][data-kind="report_missed"][data-report-id="${reportId}"]`,
  );
  await expect(missed).toContainText('未在时限内报送');
  await expect(missed.locator('.incident-timeline-missed')).toBeVisible();
  for (const p of consoles) {
    await expect(p.locator(`[data-testid="incident-banner-report"][data-report-id="${reportId}"]`)).toBeVisible();
  }

  // 记录报告 right from the alert drawer. The hub checks the text: empty and too long come back refused,
  // with its message under the field.
  await alert.getByTestId('incident-report-alert-record').click();
  const text = coord.getByTestId('incident-report-text');
  await expect(text).toBeVisible();
  await coord.getByTestId('incident-report-submit').click();
  await expect(coord.getByTestId('incident-report-text-error')).toContainText('不能为空');
  await text.fill('报'.repeat(4001));
  await expect(coord.getByTestId('incident-report-text-error')).toHaveCount(0);
  await coord.getByTestId('incident-report-submit').click();
  await expect(coord.getByTestId('incident-report-text-error')).toContainText('最多 4000 个字符');
  await text.fill('已电话向镇应急办口头报告：两村积水，已转移群众 12 人');
  // A photo of the scene with it, through the orders' uploader (the hub checks the file and who may see it).
  const uploader = coord.getByTestId('incident-report-attachment');
  await uploader.getByTestId('attachment-input').setInputFiles(PHOTO);
  await expect(uploader.getByTestId('attachment-item')).toHaveAttribute('data-state', 'done');
  await coord.getByTestId('incident-report-submit').click();
  await expect(text).toHaveCount(0);

  // The timer stops: alert and banner countdown gone everywhere; the report is on every timeline live;
  // recorded after its deadline it stays red as 迟报.
  await expect(coord.getByTestId('incident-report-alert')).toHaveCount(0);
  for (const p of consoles) {
    await expect(p.locator(`[data-testid="incident-banner-report"][data-report-id="${reportId}"]`)).toHaveCount(0);
  }
  await expect(report).toHaveAttribute('data-status', 'late');
  await expect(report.getByTestId('incident-report-status')).toHaveText('迟报');
  await expect(report.getByTestId('incident-report-record')).toHaveCount(0);
  await expect(report.getByTestId('incident-report-files')).toContainText('附件 1 个');
  for (const tl of [timeline, monitorTimeline]) {
    const entry = tl.locator(
      `[data-testid="incident-timeline-entry"][data-kind="report"][data-report-id="${reportId}"]`,
    );
    await expect(entry).toContainText('转移群众 12 人');
    await expect(entry).toHaveAttribute('data-late', 'true');
    await expect(entry.getByTestId('incident-timeline-late')).toHaveText('迟报');
  }
  await expect(missed).toBeVisible();

  // Close with a summary: every banner goes, and the commander is on the closed incident's own page.
  await coord.getByTestId('incident-close').click();
  await coord.getByTestId('incident-close-summary').fill('积水已退，转移群众均已返回，无人员伤亡');
  await coord.getByTestId('incident-close-submit').click();
  await coord.getByTestId('incident-close-confirm').click();
  for (const p of consoles) await expect(p.getByTestId('incident-banner')).toHaveCount(0, { timeout: 5_000 });
  await expect(coord.getByTestId('incident-page')).toHaveAttribute('data-incident-id', String(incidentId));
  await expect(coord.getByTestId('incident-header')).toHaveAttribute('data-state', 'closed');
  await expect(coord.getByTestId('incident-summary')).toContainText('无人员伤亡');
  await expect(coord.getByTestId('incident-report-record')).toHaveCount(0);

  // The incident report from its page: the PDF read back holds the timeline.
  const [download] = await Promise.all([
    coord.waitForEvent('download'),
    coord.getByTestId('incident-export-pdf').click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.pdf$/);
  const pdf = squash((await pdfPageTexts(new Uint8Array(fs.readFileSync(await download.path())))).join(''));
  for (const expected of [
    '海塘村、建光村低洼处积水 20 厘米',
    '风力增强至 9 级',
    '领导带班到岗',
    '已转移群众 12 人',
    '积水已退，转移群众均已返回',
  ]) {
    expect(pdf).toContain(squash(expected));
  }

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

  // The duty chief's next handover summary (this shift's) has its incident section.
  // The monitor's console and wall window have done their part: closed, they leave the two cores to
  // this sign-in (its password hashing timed out beside a playing wall).
  await monitor.context().close();
  const chief = await (await browser.newContext()).newPage();
  await login(chief, shell.url, 'chief');
  await expect(chief.getByTestId('status-bar')).toBeVisible({ timeout: 30_000 });
  const { incident } = await (
    await hubClient(chief, 'chief')
  ).call<MethodOutput<'incidents.get'>>('incidents.get', { id: incidentId });
  await chief.getByTestId('nav-duty').click();
  await chief.getByTestId('duty-tab-handover').click();
  const summary = chief.getByTestId('handover-summary');
  await expect(summary).toContainText(incident.name);
  await expect(summary).toContainText('本班内已结束');
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
