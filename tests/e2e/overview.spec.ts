import type { MethodOutput } from '../../common/contract';
import { hubClient } from './duty-roster-helpers';
import { expect, login, test } from './fixtures';
import { operator } from './orders-helpers';

// 态势总览: the duty chief lands on it, a new order updates it live, a number opens exactly its orders;
// during a real incident the coordinator lands in incident mode instead.

test('the chief lands on the overview; a new order counts at once; a number opens exactly its orders', async ({
  browser,
  shell,
}) => {
  const chief = await operator(await browser.newPage(), shell.url, 'chief');
  await expect(chief).toHaveURL(/#\/overview$/);
  await expect(chief.getByTestId('workspace-title')).toHaveText('态势总览');
  const accepted = chief.getByTestId('overview-state-accepted');
  const open = chief.getByTestId('overview-open-total');
  await expect(accepted).toBeVisible({ timeout: 30_000 });
  const before = Number(await accepted.getAttribute('data-count'));
  const openBefore = Number(await open.getAttribute('data-count'));

  // A hotline officer takes a call in another console: 待立案 goes up by one, without a reload.
  const hotlinePage = await operator(await browser.newPage(), shell.url, 'hotline');
  const hotline = await hubClient(hotlinePage, 'hotline');
  const order = await hotline.call<MethodOutput<'orders.create'>>('orders.create', {
    title: 'e2e 态势总览：合庆村井盖缺失',
    categoryId: '0200201',
    workstationId: 'HQ-W-HQ01',
    source: 'hotline',
    urgency: 'normal',
  });
  await expect(accepted).toHaveAttribute('data-count', String(before + 1));
  await expect(open).toHaveAttribute('data-count', String(openBefore + 1));

  // The number opens the order list filtered to exactly the orders it counts.
  const count = before + 1;
  await accepted.click();
  await expect(chief).toHaveURL(/#\/orders$/);
  await expect(chief.getByTestId('workspace-title')).toHaveText('工单');
  await expect(chief.getByTestId('order-filter-states')).toContainText('待立案');
  await expect(chief.getByTestId('order-filter-drill')).toHaveText('不含演练');
  await expect(chief.getByTestId('order-total')).toHaveAttribute('data-total', String(count), { timeout: 30_000 });
  await expect(chief.locator(`[data-testid="order-row"][data-code="${order.code}"]`)).toBeVisible();
  const api = await hubClient(chief, 'chief');
  const listed = await api.call<MethodOutput<'orders.list'>>('orders.list', {
    filter: { states: ['accepted'], drill: false },
    limit: 500,
  });
  if (count <= 100) {
    const shown = await chief
      .getByTestId('order-row')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-code')).sort());
    expect(shown).toEqual(listed.rows.map((r) => r.code).sort());
  }
  expect(listed.total).toBe(count);
  await api.close();

  // A reload keeps the list the number opened (this window remembers it), filter bar and all.
  await chief.reload();
  await expect(chief.getByTestId('workspace-title')).toHaveText('工单', { timeout: 30_000 });
  await expect(chief.getByTestId('order-filter-states')).toContainText('待立案');
  await expect(chief.getByTestId('order-filter-drill')).toHaveText('不含演练');
  await expect(chief.getByTestId('order-total')).toHaveAttribute('data-total', String(count), { timeout: 30_000 });
  await hotline.close();
});

test('a coordinator signing in during a real incident lands in incident mode', async ({ browser, shell }) => {
  const page = await browser.newPage();
  await login(page, `${shell.url}#/contacts`, 'coord');
  await expect(page.getByTestId('status-bar')).toBeVisible({ timeout: 30_000 });
  const coord = await hubClient(page, 'coord');
  const { incidents } = await coord.call<MethodOutput<'incidents.current'>>('incidents.current', {});
  for (const i of incidents) await coord.call('incidents.close', { id: i.id, summary: 'e2e 结束' });
  const { incident } = await coord.call<MethodOutput<'incidents.activate'>>('incidents.activate', {
    type: 'flood',
    level: 'IV',
    areaIds: ['HQ-W-HQ01'],
    commanderName: '赵磊',
    situation: 'e2e 态势总览：协调员登录落点',
  });
  try {
    const second = await browser.newPage();
    await login(second, shell.url, 'coord');
    await expect(second).toHaveURL(/#\/incidents$/, { timeout: 30_000 });
    await expect(second.getByTestId('workspace-title')).toHaveText('应急指挥');
    // The overview shows the incident too, with its running time.
    await second.getByTestId('nav-overview').click();
    const card = second.locator(`[data-testid="overview-incident"][data-id="${incident.id}"]`);
    await expect(card.getByTestId('overview-incident-elapsed')).toContainText('已持续');
  } finally {
    await coord.call('incidents.close', { id: incident.id, summary: 'e2e 结束' });
    await coord.close();
  }
});
