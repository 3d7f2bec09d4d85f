import type { Page } from '@playwright/test';
import type { Dashboard, MethodOutput } from '../../common/contract';
import { hubClient } from './duty-roster-helpers';
import { expect, test } from './fixtures';
import { choose, operator } from './orders-helpers';

// Issue 14 item 4: the big screen (大屏). The duty chief opens it from the overview as a wall window;
// its numbers are the API's for the same scope and period, a new order shows without a reload, the
// panels follow each other on the page's clock, and a push puts it on a wall window until something
// else is pushed.

const DAY = 86_400_000;
const DWELL = 15_000;

/** The big screen's panel after `steps` dwells on the page's clock. */
async function nextPanel(big: Page, panel: string): Promise<void> {
  await big.clock.fastForward(DWELL);
  await expect(big.getByTestId('bigscreen')).toHaveAttribute('data-panel', panel);
}

test('the chief’s big screen: the API’s numbers, live, rotating panels in large type', async ({ browser, shell }) => {
  test.setTimeout(120_000);
  const page = await operator(await browser.newPage(), shell.url, 'chief');
  const chief = await hubClient(page, 'chief');
  const hotline = await hubClient(page, 'hotline');
  // The page's clock runs as the real one; the test skips it ahead a dwell at a time.
  await page.context().clock.install();

  await expect(page.getByTestId('workspace-title')).toHaveText('态势总览');
  const popupCame = page.waitForEvent('popup');
  await page.getByTestId('bigscreen-open').click();
  const big = await popupCame;
  const screen = big.getByTestId('bigscreen');
  await expect(screen).toBeVisible({ timeout: 20_000 });
  await expect(big.getByTestId('wall-window')).toHaveAttribute('data-showing', 'bigscreen');
  await expect(screen).toHaveAttribute('data-dwell', '15');
  await expect(big.getByTestId('bigscreen-title')).toHaveText('合庆城运 · 大屏');
  await expect(big.getByTestId('bigscreen-clock')).toHaveText(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}/);
  await expect(big.getByTestId('bigscreen-asof')).toHaveText(/数据截至 \d{2}:\d{2}:\d{2}/);
  await expect(big.getByTestId('bigscreen-stale')).toHaveCount(0);
  // No control to click on it (the wall window's own corner appears on hover only, outside it).
  await expect(screen.locator('button, a, input, [role="button"]')).toHaveCount(0);

  // The situation: the overview's numbers. An active incident (another spec's) would come first.
  const overview = await chief.call<MethodOutput<'overview.get'>>('overview.get', {});
  const panels =
    overview.incidents.length > 0 ? 'incident,situation,kpis,trends,domains' : 'situation,kpis,trends,domains';
  await expect(screen).toHaveAttribute('data-panels', panels);
  if (overview.incidents.length > 0) await nextPanel(big, 'situation');
  await expect(screen).toHaveAttribute('data-panel', 'situation');
  const open = big.getByTestId('bigscreen-open');
  await expect(open).toHaveAttribute('data-count', String(overview.orders.open));
  await expect(big.getByTestId('bigscreen-overdue-total')).toHaveAttribute(
    'data-count',
    String(overview.overdue.total),
  );
  for (const light of ['green', 'yellow', 'red'] as const) {
    await expect(big.getByTestId(`bigscreen-light-${light}`)).toHaveAttribute(
      'data-count',
      String(overview.orders.byLight[light]),
    );
  }
  const online = overview.cameras.reduce((n, g) => n + g.online, 0);
  await expect(big.getByTestId('bigscreen-cameras-online')).toHaveAttribute('data-count', String(online));

  // A hotline officer takes a call: the big screen counts it without a reload.
  await hotline.call('orders.create', {
    title: 'e2e 大屏：合庆村井盖缺失',
    categoryId: '0200201',
    workstationId: 'HQ-W-HQ01',
    source: 'hotline',
    urgency: 'normal',
  });
  await expect(open).toHaveAttribute('data-count', String(overview.orders.open + 1));
  await expect(big.getByTestId('bigscreen-new-today')).toHaveAttribute(
    'data-count',
    String(overview.orders.newToday + 1),
  );

  // Next panel: today's KPI cards, equal to dashboard.get for today, at least 64 px high.
  await nextPanel(big, 'kpis');
  const from = Number(await screen.getAttribute('data-from'));
  const to = Number(await screen.getAttribute('data-to'));
  expect(to - from).toBe(DAY);
  const today = await chief.call<Dashboard>('dashboard.get', { from, to });
  expect(today.kpis.accepted).toBeGreaterThanOrEqual(1);
  const card = (key: string) => big.getByTestId(`bigscreen-kpi-${key}`);
  for (const key of ['accepted', 'filed'] as const) {
    await expect(card(key)).toHaveAttribute('data-value', String(today.kpis[key]));
    await expect(card(key).getByTestId('bigscreen-kpi-value')).toHaveText(String(today.kpis[key]));
    await expect(card(key)).toHaveAttribute('data-previous', String(today.previousKpis[key]));
  }
  for (const key of ['closeRate', 'onTimeCloseRate', 'returnRate', 'satisfactionRate'] as const) {
    const r = today.kpis[key].value;
    await expect(card(key)).toHaveAttribute('data-value', r === null ? '' : String(r));
    await expect(card(key).getByTestId('bigscreen-kpi-value')).toHaveText(
      r === null ? '—' : `${(r * 100).toFixed(1)}%`,
    );
  }
  const size = await card('accepted')
    .getByTestId('bigscreen-kpi-value')
    .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(size).toBeGreaterThanOrEqual(64);

  // Then the trends (the last seven days per day, today per hour) and the domains.
  await nextPanel(big, 'trends');
  const week = await chief.call<Dashboard>('dashboard.get', { from: to - 7 * DAY, to });
  const sum = (rows: { count: number }[]) => rows.reduce((n, r) => n + r.count, 0);
  await expect(big.getByTestId('bigscreen-chart-perDay')).toHaveAttribute('data-total', String(sum(week.perDay)));
  await expect(big.getByTestId('bigscreen-chart-perHour')).toHaveAttribute('data-total', String(sum(today.perHour)));
  await nextPanel(big, 'domains');
  await expect(big.getByTestId('bigscreen-chart-byDomainToday')).toHaveAttribute(
    'data-total',
    String(sum(today.byDomain)),
  );
  // And round again.
  await nextPanel(big, panels.split(',')[0] ?? 'situation');
  await big.close();
  await hotline.close();
  await chief.close();
});

test('pushed to a wall window, the big screen stays until something else is pushed', async ({ browser, shell }) => {
  test.setTimeout(90_000);
  const page = await operator(await browser.newPage(), shell.url, 'chief');
  const chief = await hubClient(page, 'chief');
  // An empty view: pushing it takes the big screen away without starting any video.
  const view = await chief.call<{ id: number }>('wall.views.save', {
    name: 'e2e 大屏之后',
    layout: '4',
    slots: [null, null, null, null],
  });
  await page.getByTestId('nav-wall').click();
  const popupCame = page.waitForEvent('popup');
  await page.getByTestId('wall-open-window').click();
  const wall = await popupCame;
  const win = wall.getByTestId('wall-window');
  await expect(win).toHaveAttribute('data-window-id', /wall-/, { timeout: 15_000 });
  await expect(win).toHaveAttribute('data-showing', 'wall');
  const name = (await win.getAttribute('data-window-name')) ?? '';

  await page.getByTestId('wall-push').click();
  await choose(page, 'wall-push-window', '墙窗口', name);
  await page.getByTestId('wall-push-kind').getByText('大屏').click();
  await page.getByTestId('wall-push-dwell').fill('20');
  await page.getByTestId('wall-push-ok').click();
  await expect(page.getByTestId('wall-push-form')).toHaveCount(0);
  await expect(win).toHaveAttribute('data-showing', 'bigscreen');
  await expect(wall.getByTestId('bigscreen')).toHaveAttribute('data-dwell', '20');
  await expect(wall.getByTestId('bigscreen-asof')).toHaveText(/数据截至/);
  // A reload of the wall window keeps it (the window's address carries it).
  await wall.reload();
  await expect(wall.getByTestId('bigscreen')).toHaveAttribute('data-dwell', '20', { timeout: 20_000 });

  await page.getByTestId('wall-push').click();
  await choose(page, 'wall-push-window', '墙窗口', name);
  await page.getByTestId('wall-push-kind').getByText('保存的画面').click();
  await choose(page, 'wall-push-view', 'e2e', 'e2e 大屏之后');
  await page.getByTestId('wall-push-ok').click();
  await expect(win).toHaveAttribute('data-showing', 'wall');
  await expect(wall.getByTestId('bigscreen')).toHaveCount(0);
  await expect(win.getByTestId('wall-grid')).toBeVisible();
  await chief.call('wall.views.delete', { id: view.id });
  await wall.close();
  await chief.close();
});
