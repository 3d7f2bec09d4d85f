import fs from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import type { Dashboard, MethodInput } from '../../common/contract';
import { KPI_LABELS_ZH } from '../../common/domain/kpi/kpi-labels';
import { shanghaiDate } from '../../common/domain/time';
import { pdfPageTexts } from '../helpers/pdf-text';
import { hubClient } from './duty-roster-helpers';
import { expect, test } from './fixtures';
import { hubNow } from './hub-clock';
import { operator } from './orders-helpers';

// Issue 14 item 5: 统计分析 → 报表. The duty chief generates today's daily report, downloads it, and
// the PDF's text holds the KPI values the dashboard's cards show for the same day.

const ORDER: MethodInput<'orders.create'> = {
  title: '报表测试路灯不亮',
  categoryId: '0200201',
  workstationId: 'HQ-W-HQ03',
  source: 'hotline',
  urgency: 'normal',
};

const CARDS = [
  'accepted',
  'filed',
  'closeRate',
  'onTimeCloseRate',
  'onTimeHandleRate',
  'reworkRate',
  'returnRate',
  'inStationRate',
  'handlingAverage',
  'handlingP90',
  'supervisions',
  'supervisionReplyRate',
  'satisfactionRate',
] as const;

/** Types a date into an antd picker's input and confirms it. */
async function typeDate(input: Locator, date: string): Promise<void> {
  await input.click();
  await input.fill(date);
  await input.press('Enter');
}

async function showDay(page: Page, date: string): Promise<void> {
  const inputs = page.getByTestId('dashboard-filters').locator('.ant-picker-range input');
  await typeDate(inputs.nth(0), date);
  await typeDate(inputs.nth(1), date);
}

test('a chief generates the daily report; its PDF holds the KPI values of the dashboard’s cards for that day', async ({
  browser,
  shell,
}) => {
  test.setTimeout(120_000);
  const page = await operator(await browser.newPage(), shell.url, 'chief');
  const hotline = await hubClient(page, 'hotline');
  const chief = await hubClient(page, 'chief');
  const made = await hotline.call<{ id: number }>('orders.create', ORDER);
  await chief.call('orders.act', { id: made.id, action: 'file' });
  const today = shanghaiDate(await hubNow(shell.url));

  // The dashboard's cards for today alone.
  await page.getByTestId('nav-dashboard').click();
  await expect(page.getByTestId('workspace-title')).toHaveText('统计分析');
  await showDay(page, today);
  const board = page.getByTestId('dashboard');
  await expect(board).toHaveAttribute('data-to', /\d+/);
  await expect
    .poll(async () => Number(await board.getAttribute('data-to')) - Number(await board.getAttribute('data-from')))
    .toBe(86_400_000);
  const from = Number(await board.getAttribute('data-from'));
  const api = await chief.call<Dashboard>('dashboard.get', { from, to: from + 86_400_000 });
  await expect(page.getByTestId('dashboard-kpi-accepted')).toHaveAttribute('data-value', String(api.kpis.accepted));
  expect(api.kpis.accepted).toBeGreaterThanOrEqual(1);
  const shown: Record<string, string> = {};
  for (const key of CARDS) {
    shown[key] = (await page.getByTestId(`dashboard-kpi-${key}`).getByTestId('dashboard-kpi-value').innerText()).trim();
  }
  const overdue = page.getByTestId('dashboard-kpi-overdue');
  const red = await overdue.getAttribute('data-red');
  const yellow = await overdue.getAttribute('data-yellow');

  // 报表: generate today's daily report of the whole center.
  await page.getByTestId('dashboard-tab-reports').click();
  const panel = page.getByTestId('reports-panel');
  await expect(panel.getByTestId('reports-schedule')).toContainText('07:00');
  await typeDate(panel.getByTestId('reports-date'), today);
  await panel.getByTestId('reports-generate-daily').click();
  const name = `日报-${today}-全中心`;
  const row = panel.getByTestId('reports-table').locator('tr', { hasText: name });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('日报');
  await expect(row).toContainText('全中心');
  await expect(row).toContainText(/PDF \d/);

  const [download] = await Promise.all([page.waitForEvent('download'), row.getByTestId('report-download-pdf').click()]);
  expect(download.suggestedFilename()).toBe(`${name}.pdf`);
  const pdf = new Uint8Array(fs.readFileSync(await download.path()));
  const text = (await pdfPageTexts(pdf)).join('').replace(/\s+/g, '');
  expect(text).toContain('城运中心日报');
  expect(text).toContain(today);
  // Each card's value stands in its KPI row, right after its name, as the card shows it.
  for (const key of CARDS) {
    expect(text, key).toContain(`${KPI_LABELS_ZH[key].replace(/\s+/g, '')}${shown[key]?.replace(/\s+/g, '')}`);
  }
  expect(text).toContain(`红${red}·黄${yellow}`);
  await hotline.close();
  await chief.close();
});
