import type { MethodOutput } from '../../common/contract';
import { hubClient } from './duty-roster-helpers';
import { expect, test } from './fixtures';
import { initialReportFallsDue } from './incident-helpers';
import { closeDrawer, openOrder, operator, step, takeCall } from './orders-helpers';

// Issue 12 item 2: a station's extension request reaches the chief's 待办 live, with a badge, and
// leaves it once approved; the station hears of a (non-特急) dispatch the same way.

test('a station’s extension request shows in the chief’s inbox with a badge and goes when approved', async ({
  browser,
  shell,
}) => {
  test.setTimeout(180_000);
  const hotline = await operator(await browser.newPage(), shell.url, 'hotline');
  const code = await takeCall(hotline, '向东村路灯不亮');
  const chief = await operator(await browser.newPage(), shell.url, 'chief');
  await openOrder(chief, code);
  await step(chief, 'file', 'filed');

  const station = await operator(await browser.newPage(), shell.url, 'station');
  await station.getByTestId('nav-inbox').click();
  await step(chief, 'dispatch', 'dispatched', { handler: { typed: '第一联勤站', option: '第一联勤站' } });
  // The dispatch reaches the station without a reload: a row, the badges and a compact toast.
  const dispatchedRow = station.locator(`[data-testid="inbox-row"][data-code="${code}"]`);
  await expect(dispatchedRow).toHaveAttribute('data-kind', 'dispatched', { timeout: 30_000 });
  await expect(station.getByTestId('status-inbox')).not.toHaveAttribute('data-count', '0');
  await expect(station.getByTestId('alert-toast')).toHaveAttribute('data-code', code);
  await dispatchedRow.click();
  await expect(station.getByTestId('order-drawer')).toHaveAttribute('data-code', code);
  await step(station, 'receive', 'handling');
  await closeDrawer(station);
  await expect(dispatchedRow).toHaveCount(0);

  await closeDrawer(chief);
  await chief.getByTestId('nav-inbox').click();
  await expect(chief.getByTestId('workspace-title')).toHaveText('我的待办');
  const row = chief.locator(`[data-testid="inbox-row"][data-code="${code}"]`);
  await expect(row).toHaveCount(0);

  await openOrder(station, code);
  await step(station, 'request_extension', 'handling', { reason: '灯杆需更换，备件未到' });

  await chief.getByTestId('nav-inbox').click();
  await expect(row).toHaveAttribute('data-request', 'extension', { timeout: 30_000 });
  await expect(row).toContainText('灯杆需更换，备件未到');
  const badge = chief.getByTestId('nav-inbox-count');
  await expect(badge).not.toHaveAttribute('data-count', '0');
  const before = Number(await badge.getAttribute('data-count'));
  await expect(chief.getByTestId('status-inbox')).toHaveAttribute('data-count', String(before));

  // The alert drawer holds it too, and the toast never sits over the workspace.
  await chief.getByTestId('alert-count').click();
  await expect(chief.locator(`[data-testid="alert-task"][data-code="${code}"]`)).toHaveAttribute(
    'data-kind',
    'approval',
  );
  // Closed (its slide-out over) before the row under it is clicked.
  await closeDrawer(chief);

  await row.click();
  await expect(chief.getByTestId('order-drawer')).toHaveAttribute('data-code', code);
  await step(chief, 'approve_extension', 'handling');
  await closeDrawer(chief);
  await expect(row).toHaveCount(0);
  await expect(badge).toHaveAttribute('data-count', String(before - 1));
});

test('an incident report falling due joins the 待办 of those who send it, with badges, and leaves once recorded', async ({
  browser,
  shell,
}) => {
  test.setTimeout(180_000);
  const coord = await operator(await browser.newPage(), shell.url, 'coord');
  const hub = await hubClient(coord, 'coord');
  // The worker's hub is shared by the specs: start from (and leave) a room in normal operation.
  const closeAll = async () => {
    const { incidents } = await hub.call<MethodOutput<'incidents.current'>>('incidents.current', {});
    for (const i of incidents) await hub.call('incidents.close', { id: i.id, summary: 'e2e 结束' });
  };
  await closeAll();
  try {
    const { incident } = await hub.call<MethodOutput<'incidents.activate'>>('incidents.activate', {
      type: 'flood',
      level: 'IV',
      areaIds: ['HQ-W-HQ01'],
      commanderName: '赵磊',
      situation: 'e2e 待办里的报告时限',
    });
    const station = await operator(await browser.newPage(), shell.url, 'station');
    await coord.getByTestId('nav-inbox').click();
    await expect(coord.getByTestId('workspace-title')).toHaveText('我的待办');
    const before = Number(await coord.getByTestId('nav-inbox-count').getAttribute('data-count'));

    // The 初报 falls due: the hub's sweep says so and it joins the 待办 live, with the badges.
    const reportId = await initialReportFallsDue(shell, incident.id);
    const row = coord.locator(`[data-testid="inbox-report"][data-report-id="${reportId}"]`);
    await expect(row).toHaveAttribute('data-status', 'missed', { timeout: 45_000 });
    await expect(row).toContainText('初报（口头）已超时');
    await expect(row).toContainText(incident.name);
    await expect(coord.getByTestId('nav-inbox-count')).toHaveAttribute('data-count', String(before + 1));
    await expect(coord.getByTestId('status-inbox')).toHaveAttribute('data-count', String(before + 1));
    // Nothing floats over the workspace: no notification card, the report waits in the alert drawer.
    await expect(coord.locator('.ant-notification-notice')).toHaveCount(0);

    // The chief of the affected station has it too, in the alert drawer of the status bar.
    const stationCard = station.locator(`[data-testid="incident-report-alert"][data-report-id="${reportId}"]`);
    await station.getByTestId('alert-count').click();
    await expect(stationCard).toHaveAttribute('data-status', 'missed', { timeout: 30_000 });
    await closeDrawer(station);

    // Recorded from the 待办: it leaves every list it was in.
    await row.getByTestId('inbox-report-record').click();
    await expect(coord.locator('.ant-modal[class*="-zoom-"]')).toHaveCount(0);
    await expect(coord.getByTestId('incident-report-text')).toBeFocused();
    await coord.getByTestId('incident-report-text').fill('已电话向镇应急办口头报告');
    await coord.getByTestId('incident-report-submit').click();
    await expect(row).toHaveCount(0, { timeout: 30_000 });
    await expect(coord.getByTestId('nav-inbox-count')).toHaveAttribute('data-count', String(before));
    await expect(stationCard).toHaveCount(0, { timeout: 30_000 });
  } finally {
    await closeAll();
  }
});
