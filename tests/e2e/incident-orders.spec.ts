import type { Locator, Page } from '@playwright/test';
import type { MethodOutput } from '../../common/contract';
import { hubClient, type HubClient } from './duty-roster-helpers';
import { expect, test } from './fixtures';
import { closeDrawer, operator, takeCall } from './orders-helpers';

type Created = MethodOutput<'orders.create'>;

/** An order taken in through the hub, at the everyday level (so not linked by itself). */
async function plainOrder(hotline: HubClient, title: string): Promise<Created> {
  return hotline.call<Created>('orders.create', {
    title,
    categoryId: '0200201',
    workstationId: 'HQ-W-HQ01',
    source: 'hotline',
    urgency: 'normal',
    responseLevel: 'patrol',
  });
}

function rows(page: Page): Locator {
  return page.locator('[data-testid="order-table"] [data-testid="order-row"]');
}

function row(page: Page, code: string): Locator {
  return page.locator(`[data-testid="order-row"][data-code="${code}"]`);
}

/** The codes of the first `n` rows of the list, in order. */
async function firstCodes(page: Page, n: number): Promise<string[]> {
  const all = rows(page);
  await expect(all.nth(n - 1)).toBeVisible();
  const codes: string[] = [];
  for (let i = 0; i < n; i++) codes.push((await all.nth(i).getAttribute('data-code')) ?? '');
  return codes;
}

test('incident mode: linked orders are pinned first with their mark, linked from an order or the incident page, filtered, and unpinned at the end', async ({
  browser,
  shell,
}) => {
  test.setTimeout(240_000);
  const coord = await operator(await (await browser.newContext()).newPage(), shell.url, 'coord');
  const hub = await hubClient(coord, 'coord');
  // An incident left running by an earlier spec of this worker would take the one real slot.
  const { incidents } = await hub.call<MethodOutput<'incidents.current'>>('incidents.current', {});
  for (const i of incidents) await hub.call('incidents.close', { id: i.id, summary: '上一测试遗留，结束' });

  const hotlinePage = await operator(await (await browser.newContext()).newPage(), shell.url, 'hotline');
  const hotline = await hubClient(hotlinePage, 'hotline');
  const older = await plainOrder(hotline, '庆达路路灯不亮（事件前受理）');
  const another = await plainOrder(hotline, '东风路窨井冒水（事件前受理）');

  // The coordinator activates 防台防汛 Ⅳ.
  await coord.getByTestId('nav-incidents').click();
  await coord.getByTestId('incident-activate').click();
  await coord.getByTestId('incident-type-flood').click();
  await coord.getByTestId('incident-level-IV').click();
  await coord.getByTestId('incident-area-search').locator('input').fill('海塘');
  const node = coord.locator('.ant-tree-treenode', {
    has: coord.locator('[data-testid="incident-area-node"][data-unit-id="HQ-W-CL02"]'),
  });
  await node.locator('.ant-tree-checkbox').click();
  await coord.getByTestId('incident-situation').fill('台风外围影响，海塘村低洼处积水');
  await coord.getByTestId('incident-activate-submit').click();
  await coord.getByTestId('incident-activate-confirm').click();
  const header = coord.getByTestId('incident-header');
  await expect(header).toHaveAttribute('data-state', 'active');
  const incidentId = await header.getAttribute('data-incident-id');
  await expect(hotlinePage.getByTestId('incident-banner')).toHaveAttribute('data-level', 'IV', { timeout: 5_000 });

  // A new order taken in is 联动响应, linked, and pinned first with the incident's mark.
  const taken = await takeCall(hotlinePage, '海塘村低洼处积水没过脚踝');
  // Newer than the linked one, but not linked: it comes after the pinned orders.
  const unlinked = await plainOrder(hotline, '建光村垃圾满溢（平时工单）');
  await hotlinePage.getByTestId('nav-orders').click();
  await expect.poll(() => firstCodes(hotlinePage, 2)).toEqual([taken, unlinked.code]);
  const tag = row(hotlinePage, taken).getByTestId('order-incident-tag');
  await expect(tag).toHaveAttribute('data-running', 'true');
  await expect(tag).toHaveAttribute('data-level', 'IV');
  await expect(tag).toHaveAttribute('data-incident-id', incidentId ?? '');
  await expect(tag).toContainText('防台防汛');
  await expect(row(hotlinePage, unlinked.code).getByTestId('order-incident-tag')).toHaveCount(0);
  // The hotline officer may not link (incidents.orders.link is for the coordinator and the chiefs).
  await row(hotlinePage, older.code).click();
  await expect(hotlinePage.getByTestId('order-drawer')).toHaveAttribute('data-code', older.code);
  await expect(hotlinePage.getByTestId('order-link-incident')).toHaveCount(0);
  await closeDrawer(hotlinePage);

  // The coordinator links the older order from its detail; it is pinned on every console.
  await coord.getByTestId('nav-orders').click();
  await row(coord, older.code).click();
  await expect(coord.getByTestId('order-drawer')).toHaveAttribute('data-code', older.code);
  await coord.getByTestId('order-link-incident').click();
  await expect(coord.getByTestId('order-link-incident-option')).toHaveCount(1);
  await coord.getByTestId('order-link-incident-ok').click();
  await expect(coord.getByTestId('order-incident').getByTestId('order-incident-tag')).toHaveAttribute(
    'data-running',
    'true',
  );
  await expect(coord.getByTestId('order-link-incident')).toHaveCount(0);
  await closeDrawer(coord);
  for (const p of [coord, hotlinePage]) {
    await expect.poll(() => firstCodes(p, 3)).toEqual([taken, older.code, unlinked.code]);
    await expect(row(p, older.code).getByTestId('order-incident-tag')).toHaveAttribute('data-level', 'IV');
  }

  // On the incident page: the linked orders, and 关联已有工单 finds one by its code.
  await coord.getByTestId('nav-incidents').click();
  const card = coord.getByTestId('incident-orders');
  await expect(card.locator(`[data-testid="incident-order"][data-order-code="${older.code}"]`)).toBeVisible();
  await expect(card.locator(`[data-testid="incident-order"][data-order-code="${taken}"]`)).toBeVisible();
  await card.getByTestId('incident-link-order').click();
  await coord.getByTestId('incident-link-order-search').click();
  await coord.keyboard.type(another.code);
  await coord
    .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: another.code })
    .first()
    .click();
  await coord.getByTestId('incident-link-order-ok').click();
  await expect(card.locator(`[data-testid="incident-order"][data-order-code="${another.code}"]`)).toBeVisible();
  await expect(card.getByTestId('incident-orders-count')).toContainText('3');
  // Pushed to the hotline officer's list: pinned with the others.
  await expect
    .poll(async () => (await firstCodes(hotlinePage, 4)).slice(0, 3).sort())
    .toEqual([taken, older.code, another.code].sort());

  // The 关联事件 filter shows just the linked orders.
  await hotlinePage.getByTestId('order-filter-incident').click();
  await hotlinePage
    .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: /防台防汛 Ⅳ级/ })
    .first()
    .click();
  await expect(hotlinePage.getByTestId('order-total')).toHaveAttribute('data-total', '3');
  await expect(rows(hotlinePage)).toHaveCount(3);
  await hotlinePage.getByTestId('order-filter-reset').click();
  await expect(rows(hotlinePage).first()).toBeVisible();

  // Closing the incident: the pin goes; the orders keep a plain mark of their (closed) incident.
  await coord.getByTestId('incident-close').click();
  await coord.getByTestId('incident-close-summary').fill('积水已退，无人员伤亡');
  await coord.getByTestId('incident-close-submit').click();
  await coord.getByTestId('incident-close-confirm').click();
  await expect(hotlinePage.getByTestId('incident-banner')).toHaveCount(0, { timeout: 5_000 });
  await expect.poll(() => firstCodes(hotlinePage, 1)).toEqual([unlinked.code]);
  await expect(row(hotlinePage, taken).getByTestId('order-incident-tag')).toHaveAttribute('data-running', 'false');

  await hub.close();
  await hotline.close();
});
