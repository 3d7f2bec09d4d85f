import { expect, test } from './fixtures';
import { operator } from './orders-helpers';
import { WebShellProcess } from './web-shell-process';

// Issue 12 item 11: a fresh demo install opens on a working center. The worker's shared shell runs
// with the history off (the other specs count on an empty order list); this spec starts its own.
let shell: WebShellProcess;

// eslint-disable-next-line no-empty-pattern -- Playwright reads a hook's fixtures from this pattern
test.beforeAll(async ({}, info) => {
  // The first start seeds the history before it listens: give a loaded machine time.
  shell = new WebShellProcess(18_850 + info.workerIndex * 3 + (process.pid % 3), {
    demoHistory: true,
    startTimeoutMs: 90_000,
  });
  await shell.start();
});

test.afterAll(async () => {
  await shell.stop();
});

test('a fresh demo start shows 60 days of orders and a staffed roster', async ({ page }) => {
  test.setTimeout(120_000);
  expect(shell.log()).toMatch(
    /\[demo\] .* \d+ orders \(\d+ steps\), \d+ duty log entries, \d+ sealed handovers in \d+ ms/,
  );
  await operator(page, shell.url, 'chief');

  // The order list is full: a page of orders, with today's among them.
  await page.getByTestId('nav-orders').click();
  const rows = page.getByTestId('order-row');
  await expect(rows.first()).toBeVisible({ timeout: 30_000 });
  expect(await rows.count()).toBeGreaterThan(20);
  const firstCode = await rows.first().getAttribute('data-code');
  expect(firstCode).toMatch(/^HQ\d{8}-\d{4}$/);

  // An order opens on its timeline: the steps the center took on it.
  await rows.first().click();
  await expect(page.getByTestId('order-drawer')).toHaveAttribute('data-code', firstCode ?? '', { timeout: 30_000 });
  await page.keyboard.press('Escape');

  // The roster of this week: every shift staffed, the day shift's chief checked in.
  await page.evaluate(() => {
    window.location.hash = '/duty';
  });
  await page.getByTestId('duty-tab-roster').click();
  const week = page.getByTestId('roster-week');
  await expect(week).toBeVisible({ timeout: 30_000 });
  const people = week.getByTestId('roster-person');
  await expect(people.first()).toBeVisible({ timeout: 30_000 });
  // 7 days × 3 shifts × 4 posts at the center.
  expect(await people.count()).toBeGreaterThanOrEqual(84);
  await expect(week.getByTestId('roster-person').filter({ hasText: '张伟' }).first()).toBeVisible();
  // The shift on duty now has checked in (the demo seeding checks in every shift begun).
  expect(await week.locator('[data-testid="roster-person"][data-check="in"]').count()).toBeGreaterThan(0);
});

test('交接班 history of a fresh demo: past shifts handed over, signed and sealed; the ledger verifies', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await operator(page, shell.url, 'chief');
  await page.evaluate(() => {
    window.location.hash = '/duty';
  });
  await page.getByTestId('duty-tab-handover').click();
  // The center's sealed shifts so far this week (none only if the demo started on Monday's first shift).
  const recent = page.getByTestId('handover-recent');
  await expect(recent).toBeVisible({ timeout: 30_000 });
  const sealedCount = Number(/(\d+) sealed handovers/.exec(shell.log())?.[1] ?? '0');
  if (sealedCount > 0) {
    const rows = recent.locator('tbody tr.ant-table-row');
    await expect(rows.first()).toBeVisible({ timeout: 30_000 });
    await expect(rows.first().locator('code')).toHaveText(/^[0-9a-f]{16}…$/);
  }
  // The chain of seals the demo made verifies.
  await page.getByTestId('ledger-verify').click();
  await expect(page.getByTestId('ledger-badge')).toHaveAttribute('data-ok', 'true', { timeout: 30_000 });
});
