import { expect, test } from './fixtures';
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
  await chief.keyboard.press('Escape');

  await row.click();
  await expect(chief.getByTestId('order-drawer')).toHaveAttribute('data-code', code);
  await step(chief, 'approve_extension', 'handling');
  await closeDrawer(chief);
  await expect(row).toHaveCount(0);
  await expect(badge).toHaveAttribute('data-count', String(before - 1));
});
