import { expect, test } from './fixtures';
import { openOrder, operator, PHOTO, searchOrders, step, takeCall } from './orders-helpers';

test('an order from the hotline call to the archive, every step in the timeline', async ({ browser, shell }) => {
  test.setTimeout(360_000);
  const hotline = await operator(await browser.newPage(), shell.url, 'hotline');
  const code = await takeCall(hotline, '向东村村口井盖缺失');

  const chief = await operator(await browser.newPage(), shell.url, 'chief');
  await openOrder(chief, code);
  await step(chief, 'file', 'filed');
  await step(chief, 'dispatch', 'dispatched', { handler: { typed: '第一联勤站', option: '第一联勤站' } });

  const station = await operator(await browser.newPage(), shell.url, 'station');
  await openOrder(station, code);
  await step(station, 'receive', 'handling');
  await step(station, 'complete', 'handled', { reason: '已放置围挡并更换井盖', file: PHOTO });
  await expect(station.getByTestId('attachment-preview').first()).toHaveAttribute('data-kind', 'image');

  const grid = await operator(await browser.newPage(), shell.url, 'grid');
  await openOrder(grid, code);
  await step(grid, 'verify_fail', 'handling', { reason: '井盖不平整，需返工' });
  await expect(grid.getByTestId('order-rework')).toContainText('1');

  await openOrder(station, code);
  await step(station, 'complete', 'handled', { reason: '已重新安装' });
  await openOrder(grid, code);
  await step(grid, 'verify_pass', 'verified');
  await openOrder(chief, code);
  await step(chief, 'close', 'closed');
  await openOrder(hotline, code);
  await step(hotline, 'feedback', 'fed_back', { reason: '回访王先生，表示满意', feedbackResult: '满意' });
  // The result is part of the order: in the fields and in the feedback's timeline entry.
  await expect(hotline.getByTestId('order-feedback-result')).toHaveText('满意');
  await expect(hotline.getByTestId('order-timeline')).toContainText('回访结果：满意');
  await openOrder(chief, code);
  await step(chief, 'archive', 'archived');

  const items = chief.getByTestId('order-timeline').getByTestId('timeline-item');
  const actions = await items.evaluateAll((els) => els.map((e) => e.getAttribute('data-action')));
  expect(actions).toEqual([
    'create',
    'accept',
    'file',
    'dispatch',
    'receive',
    'complete',
    'verify_fail',
    'complete',
    'verify_pass',
    'close',
    'feedback',
    'archive',
  ]);
  await expect(chief.getByTestId('order-timeline')).toContainText('井盖不平整，需返工');
});

test('a return is approved by the chief and the order is dispatched again', async ({ browser, shell }) => {
  test.setTimeout(120_000);
  const hotline = await operator(await browser.newPage(), shell.url, 'hotline');
  const code = await takeCall(hotline, '庆丰村路口井盖破损');
  const chief = await operator(await browser.newPage(), shell.url, 'chief');
  await openOrder(chief, code);
  await step(chief, 'file', 'filed');
  await step(chief, 'dispatch', 'dispatched', { handler: { typed: '第一联勤站', option: '第一联勤站' } });
  const station = await operator(await browser.newPage(), shell.url, 'station');
  await openOrder(station, code);
  await step(station, 'request_return', 'return_pending', { reason: '属燃气管线井，非本站职责' });
  await openOrder(chief, code);
  await step(chief, 'approve_return', 'filed');
  await step(chief, 'dispatch', 'dispatched', { handler: { typed: '燃气', option: '燃气' } });
  await expect(chief.getByTestId('order-handler')).toContainText('燃气');
  // The station no longer holds it.
  await searchOrders(station, code);
  await expect(station.locator(`[data-testid="order-row"][data-code="${code}"]`)).toHaveCount(0);
});

test('a 特急 order raises an alert in the duty chief’s console until acknowledged', async ({ browser, shell }) => {
  const chief = await operator(await browser.newPage(), shell.url, 'chief');
  const hotline = await operator(await browser.newPage(), shell.url, 'hotline');
  const code = await takeCall(hotline, '向东村燃气管道泄漏', 'critical');
  // A compact toast in the status bar; the alert itself waits in the drawer the bell opens.
  await expect(chief.getByTestId('alert-toast')).toHaveAttribute('data-code', code);
  await expect(chief.getByTestId('alert-count')).not.toHaveAttribute('data-alerts', '0');
  await chief.getByTestId('alert-count').click();
  const alert = chief.locator(`[data-testid="order-alert"][data-order-code="${code}"]`);
  await expect(alert).toHaveAttribute('data-kind', 'critical');
  await alert.getByTestId('alert-ack').click();
  await expect(alert).toHaveCount(0);
  // The hotline officer is not responsible for alerts.
  await expect(hotline.getByTestId('order-alert')).toHaveCount(0);
});
