import type { Page } from '@playwright/test';
import type { Dashboard, MethodInput } from '../../common/contract';
import { hubClient } from './duty-roster-helpers';
import { expect, test } from './fixtures';
import { operator } from './orders-helpers';

// Issue 14 item 3: the 统计分析 dashboard. As the duty chief, its KPI cards show exactly what
// dashboard.get answers for the same filter, and a chart's table view shows the chart's numbers;
// a station chief's shows their own station's numbers only.

const ORDER: MethodInput<'orders.create'> = {
  title: '统计分析测试井盖缺失',
  categoryId: '0200201',
  workstationId: 'HQ-W-HQ02',
  source: 'hotline',
  urgency: 'normal',
};

const RATIOS = [
  'closeRate',
  'onTimeCloseRate',
  'onTimeHandleRate',
  'reworkRate',
  'returnRate',
  'inStationRate',
  'supervisionReplyRate',
  'satisfactionRate',
] as const;

/** The KPI cards on `page` show exactly `api`'s numbers (counts, ratios with their parts, p90, overdue now). */
async function expectCardsOf(page: Page, api: Dashboard): Promise<void> {
  const card = (key: string) => page.getByTestId(`dashboard-kpi-${key}`);
  for (const key of ['accepted', 'filed', 'supervisions'] as const) {
    await expect(card(key)).toHaveAttribute('data-value', String(api.kpis[key]));
    await expect(card(key).getByTestId('dashboard-kpi-value')).toHaveText(String(api.kpis[key]));
    await expect(card(key)).toHaveAttribute('data-previous', String(api.previousKpis[key]));
  }
  for (const key of RATIOS) {
    const r = api.kpis[key];
    await expect(card(key)).toHaveAttribute('data-numerator', String(r.numerator));
    await expect(card(key)).toHaveAttribute('data-denominator', String(r.denominator));
    await expect(card(key)).toHaveAttribute('data-value', r.value === null ? '' : String(r.value));
    const shown = r.value === null ? '—' : `${(r.value * 100).toFixed(1)}%`;
    await expect(card(key).getByTestId('dashboard-kpi-value')).toHaveText(shown);
  }
  const p90 = api.kpis.handlingTime.p90Ms;
  await expect(card('handlingP90')).toHaveAttribute('data-value', p90 === null ? '' : String(p90));
  await expect(card('overdue')).toHaveAttribute('data-red', String(api.overdueNow.red));
  await expect(card('overdue')).toHaveAttribute('data-yellow', String(api.overdueNow.yellow));
}

test('the duty chief’s KPI cards equal dashboard.get for the same filter; a chart’s table shows its numbers', async ({
  browser,
  shell,
}) => {
  test.setTimeout(120_000);
  const page = await operator(await browser.newPage(), shell.url, 'chief');
  // Something to count in the period: an order taken in and filed today.
  const hotline = await hubClient(page, 'hotline');
  const chief = await hubClient(page, 'chief');
  const made = await hotline.call<{ id: number }>('orders.create', ORDER);
  await chief.call('orders.act', { id: made.id, action: 'file' });

  await page.getByTestId('nav-dashboard').click();
  await expect(page.getByTestId('workspace-title')).toHaveText('统计分析');
  const board = page.getByTestId('dashboard');
  await expect(board).toHaveAttribute('data-from', /\d+/);
  const from = Number(await board.getAttribute('data-from'));
  const to = Number(await board.getAttribute('data-to'));
  // The default period: the last seven Shanghai days, today included.
  expect(to - from).toBe(7 * 86_400_000);
  const api = await chief.call<Dashboard>('dashboard.get', { from, to });
  expect(api.kpis.accepted).toBeGreaterThanOrEqual(1);
  expect(api.kpis.filed).toBeGreaterThanOrEqual(1);

  await expectCardsOf(page, api);

  // 值班长综合指标: one row per chief and the total, exactly dashboard.get's chiefScore ("—" for none).
  const chiefRows = page.getByTestId('dashboard-table-chief').locator('tbody tr');
  const rate = (x: { numerator: number; denominator: number; value: number | null }) =>
    x.value === null ? '—' : `${(x.value * 100).toFixed(1)}% (${x.numerator}/${x.denominator})`;
  const cells = (x: Dashboard['chiefScore']['total']) => [
    ...[rate(x.onTimeFiling), rate(x.accurateFiling), rate(x.onTimeClosing)],
    ...[x.score === null ? '—' : x.score.toFixed(1), x.grade ?? '—'],
  ];
  expect(api.chiefScore.rows.length).toBeGreaterThanOrEqual(1);
  await expect(page.getByTestId('dashboard-table-chief').locator('thead th')).toHaveText([
    ...['值班长', '按时立案率', '准确立案率', '按时结案率', '综合指标值', '等级'],
  ]);
  await expect(chiefRows).toHaveCount(api.chiefScore.rows.length + 1);
  for (const [i, row] of api.chiefScore.rows.entries()) {
    await expect(chiefRows.nth(i).locator('th, td')).toHaveText([row.actor.name, ...cells(row)]);
  }
  await expect(chiefRows.last().locator('th, td')).toHaveText(['合计', ...cells(api.chiefScore.total)]);

  // The table view of the orders per day: one row per day, the same counts.
  await page.getByTestId('dashboard-table-toggle-perDay').click();
  const table = page.getByTestId('dashboard-table-perDay');
  await expect(table.locator('caption')).toHaveText('每日工单量');
  await expect(table.locator('thead th')).toHaveText(['日期', '工单数']);
  await expect(table.locator('tbody tr')).toHaveCount(api.perDay.length);
  for (const [i, day] of api.perDay.entries()) {
    await expect(table.locator('tbody tr').nth(i).locator('th, td')).toHaveText([day.date, String(day.count)]);
  }
  expect(api.perDay.reduce((n, d) => n + d.count, 0)).toBeGreaterThanOrEqual(1);
  // Back to the chart: the canvas is still the same one.
  await page.getByTestId('dashboard-table-toggle-perDay').click();
  await expect(table).toHaveCount(0);
  await expect(page.getByTestId('dashboard-canvas-perDay')).toBeVisible();

  // A workstation's bar (here through its row in the table view) opens the order list of exactly its orders.
  await page.getByTestId('dashboard-table-toggle-byWorkstation').click();
  const rows = page.getByTestId('dashboard-table-byWorkstation').locator('tbody tr');
  const index = api.byWorkstation.findIndex((w) => w.workstationId === ORDER.workstationId);
  expect(index).toBeGreaterThanOrEqual(0);
  await rows.nth(index).getByTestId('dashboard-link-byWorkstation').click();
  await expect(page.getByTestId('workspace-title')).toHaveText('工单');
  const listed = await chief.call<{ total: number; rows: { code: string }[] }>('orders.list', {
    filter: { createdFrom: from, createdTo: to - 1, workstationId: ORDER.workstationId, drill: false },
    limit: 100,
  });
  expect(listed.total).toBe(api.byWorkstation[index]?.count);
  await expect(page.getByTestId('order-total')).toHaveAttribute('data-total', String(listed.total), {
    timeout: 30_000,
  });
  const shown = await page
    .getByTestId('order-row')
    .evaluateAll((els) => els.map((r) => r.getAttribute('data-code')).sort());
  expect(shown).toEqual(listed.rows.map((r) => r.code).sort());
  await hotline.close();
  await chief.close();
});

test('a station chief’s dashboard shows their station’s numbers only, with no station to choose', async ({
  browser,
  shell,
}) => {
  test.setTimeout(120_000);
  const page = await operator(await browser.newPage(), shell.url, 'station');
  const station = await hubClient(page, 'station');
  const chief = await hubClient(page, 'chief');
  const hotline = await hubClient(page, 'hotline');
  await page.getByTestId('nav-dashboard').click();
  await expect(page.getByTestId('workspace-title')).toHaveText('统计分析');
  const board = page.getByTestId('dashboard');
  await expect(board).toHaveAttribute('data-from', /\d+/);
  const period = {
    from: Number(await board.getAttribute('data-from')),
    to: Number(await board.getAttribute('data-to')),
  };
  await expect(page.getByTestId('dashboard-filters')).toBeVisible();
  await expect(page.getByTestId('dashboard-filter-station')).toHaveCount(0);

  // The station's answer is the center's filtered to 第一联勤站, and not the center's whole.
  const own = await station.call<Dashboard>('dashboard.get', period);
  const center = await chief.call<Dashboard>('dashboard.get', period);
  const ownWorkstations = new Set(own.byWorkstation.map((w) => w.workstationId));
  const outside = center.byWorkstation.find((w) => !ownWorkstations.has(w.workstationId));
  expect(outside).toBeDefined();
  // An order taken in for a village of another station counts for the center, never for this station.
  await hotline.call('orders.create', {
    ...ORDER,
    title: '统计分析测试：他站井盖',
    workstationId: outside?.workstationId,
  });
  const after = await station.call<Dashboard>('dashboard.get', period);
  const centerAfter = await chief.call<Dashboard>('dashboard.get', period);
  expect(centerAfter.kpis.accepted).toBe(center.kpis.accepted + 1);
  expect(after.kpis).toEqual(own.kpis);
  const filtered = await chief.call<Dashboard>('dashboard.get', { ...period, stationId: 'HQ-S1' });
  expect(after.kpis).toEqual(filtered.kpis);
  expect(after.byWorkstation).toEqual(filtered.byWorkstation);
  await expectCardsOf(page, after);

  // Its workstation chart lists its own villages only.
  await page.getByTestId('dashboard-table-toggle-byWorkstation').click();
  await expect(page.getByTestId('dashboard-table-byWorkstation').locator('tbody tr')).toHaveCount(
    after.byWorkstation.length,
  );
  await hotline.close();
  await chief.close();
  await station.close();
});
