import type { Page } from '@playwright/test';
import { latinWords } from '../helpers/latin-words';
import { expect, login, test } from './fixtures';
import { hubClient, newStaff, rosterOnCurrentShift, settledShift, vacatePost } from './duty-roster-helpers';
import { operator } from './orders-helpers';

interface Created {
  id: number;
  code: string;
}

/**
 * Issue 12 item 8: after a working hour's calls — an order filed, dispatched and supervised, a
 * person rostered and signed in, a duty log entry, a failed sign-in — the Chinese audit view and the
 * duty log search show names, not codes or English (a small allow-list of names kept as they are).
 */
test('the Chinese audit view and duty log search have no English or internal codes', async ({ page, shell }) => {
  test.setTimeout(180_000);
  await operator(page, shell.url, 'admin');
  // A monitor of this test's own: a check-in cannot be undone, and the demo `monitor` may be used
  // by other specs on this worker's hub.
  const staff = await newStaff(page, { orgUnitId: 'HQ-C', role: 'video_monitor', name: '监控员' });
  const admin = await hubClient(page, 'admin');
  const before = (await admin.call<{ entries: { id: number }[] }>('audit.list', { limit: 1 })).entries[0]?.id ?? 0;

  const hotline = await hubClient(page, 'hotline');
  const chief = await hubClient(page, 'chief');
  const order = await hotline.call<Created>('orders.create', {
    title: '海塘村路口井盖缺失',
    categoryId: '0200201',
    workstationId: 'HQ-W-HQ01',
    source: 'hotline',
    urgency: 'urgent',
  });
  // A hotline order may start as 待立案 already (accepted at intake): accept only when it is not.
  const accepted = await chief.result('orders.act', { id: order.id, attachmentIds: [], action: 'accept' });
  expect(accepted.ok || accepted.error.code === 'E_CONFLICT').toBe(true);
  for (const step of [
    { action: 'file' },
    { action: 'dispatch', handler: { kind: 'station', id: 'HQ-S1' } },
    { action: 'supervise', reason: '群众反映强烈，今日内处置', supervisionDueAt: Date.now() + 3 * 3600_000 },
  ]) {
    await chief.call('orders.act', { id: order.id, attachmentIds: [], ...step });
  }
  // The post has one seat, which another spec on this worker's hub may have filled this shift.
  vacatePost(shell.dataDir, 'HQ-C', await settledShift(chief), 'video_monitor');
  await rosterOnCurrentShift(chief, {
    orgUnitId: 'HQ-C',
    role: 'video_monitor',
    postCode: 'video_monitor',
    userId: staff.id,
  });
  const monitor = await hubClient(page, staff.username);
  // Someone new to the hub, rostered just now: the check-in is theirs to make (a retry makes another).
  await monitor.call('duty.checkIn', {});
  await chief.call('duty.log.append', { kind: 'duty', text: '东川公路积水点已安排巡查' });
  expect((await hotline.result('auth.login', { username: 'chief', password: 'wrong-password' })).ok).toBe(false);
  for (const c of [admin, hotline, chief, monitor]) await c.close();

  await page.getByTestId('nav-admin-audit').click();
  const rows = page.getByTestId('audit-row');
  // Newest first: the failed sign-in is the last call above.
  await expect(rows.first()).toHaveAttribute('data-method', 'auth.login', { timeout: 30_000 });
  await expect(page.getByTestId('audit-table')).toContainText(`督办，工单转为“待接单”：群众反映强烈，今日内处置`);
  await expect(page.getByTestId('audit-table')).toContainText(`工单 ${order.code}`);
  await expect(page.getByTestId('audit-table')).toContainText(/签到：\S+ \d{4}年\d{1,2}月\d{1,2}日 \S+班 视频监控员/);
  await expect(page.getByTestId('audit-table')).toContainText('登录失败');

  // Only this test's rows: a worker's earlier specs wrote their own.
  const ours = await rows.evaluateAll(
    (els, after) =>
      els.filter((el) => Number(el.getAttribute('data-id')) > after).map((el) => (el as HTMLElement).innerText),
    before,
  );
  expect(ours.length).toBeGreaterThanOrEqual(10);
  const chrome = [
    await page.getByTestId('audit-filters').innerText(),
    await page.locator('[data-testid="audit-table"] .ant-table-thead').innerText(),
  ];
  expect(latinWords([...chrome, ...ours].join('\n'))).toEqual([]);

  // The method filter lists operations by name.
  await page.getByTestId('audit-filter-method').click();
  const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
  await expect(options.first()).toBeVisible();
  expect(latinWords((await options.allInnerTexts()).join('\n'))).toEqual([]);
  await page.keyboard.press('Escape');

  // The duty log search names the shift 「2026年12月2日 早班」, not "2026-12-02 early".
  const duty = await browser(page, shell.url);
  await duty.getByTestId('nav-duty').click();
  await duty.getByTestId('duty-tab-search').click();
  await duty.getByTestId('duty-search-text').fill('东川公路积水点');
  await duty.getByTestId('duty-search-submit').click();
  const results = duty.getByTestId('duty-search-results');
  await expect(results).toContainText('东川公路积水点已安排巡查', { timeout: 30_000 });
  await expect(results.locator('tbody')).toContainText(/\d{4}年\d{1,2}月\d{1,2}日 (夜班|早班|中班)/);
  expect(latinWords(await results.innerText())).toEqual([]);
  expect(latinWords(await duty.getByTestId('duty-search-form').innerText())).toEqual([]);
});

/** The chief's own console in a second page (closed with the test). */
async function browser(page: Page, url: string) {
  const other = await page.context().newPage();
  await login(other, url, 'chief');
  await expect(other.getByTestId('status-bar')).toBeVisible({ timeout: 30_000 });
  return other;
}
