import { expect, type Page } from '@playwright/test';
import { login } from './fixtures';

/** Signs in on a fresh page of the browser and waits for the console. */
export async function operator(page: Page, url: string, username: string): Promise<Page> {
  await login(page, url, username);
  // The machine may be loaded: the first screen after sign-in gets a generous wait.
  await expect(page.getByTestId('status-bar')).toBeVisible({ timeout: 30_000 });
  return page;
}

/** Picks an option of an antd searchable select by typing and clicking the matching option. */
export async function choose(page: Page, testId: string, typed: string, option: string | RegExp): Promise<void> {
  await page.getByTestId(testId).click();
  await page.keyboard.type(typed);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click();
}

/**
 * Picks an option of a searchable select by the keyboard alone: types a filter, moves the active row
 * with the arrow keys to the wanted option and presses Enter. For long lists in a dialog, where a
 * click on a virtual list's row can chase a dropdown that is still placing itself.
 */
export async function chooseByKeys(page: Page, testId: string, typed: string, option: string): Promise<void> {
  const select = page.getByTestId(testId);
  await select.click();
  await page.keyboard.type(typed);
  // Another select's dropdown may still be fading out: look in the one that lists the wanted option.
  const list = page.locator('.ant-select-dropdown:visible').filter({ has: page.getByText(option, { exact: true }) });
  const options = list.locator('.ant-select-item-option');
  const active = list.locator('.ant-select-item-option-active');
  // The list settles as the filter applies; each step reads it again (bounded: 40 rows at most).
  for (let step = 0; step < 40; step++) {
    const texts = await options.allTextContents();
    const at = (await active.count()) === 1 ? texts.indexOf((await active.textContent()) ?? '') : -1;
    const wanted = texts.indexOf(option);
    if (wanted >= 0 && at === wanted) break;
    await page.keyboard.press(at > wanted && wanted >= 0 ? 'ArrowUp' : 'ArrowDown');
  }
  await expect(active).toHaveText(option);
  await page.keyboard.press('Enter');
  await expect(select).toContainText(option);
}

/** The drawer covers the frame: close one left open by an earlier step. */
export async function closeDrawer(page: Page): Promise<void> {
  // By its frame, not its test id: a drawer showing an error (the order left this station) has no order in it.
  const drawer = page.locator('.ant-drawer-content-wrapper:visible');
  if ((await drawer.count()) > 0) {
    await page.keyboard.press('Escape');
    await expect(drawer).toHaveCount(0);
  }
}

/** The order list filtered by a search text. */
export async function searchOrders(page: Page, text: string): Promise<void> {
  await closeDrawer(page);
  await page.getByTestId('nav-orders').click();
  await page.getByTestId('order-search').fill(text);
  await page.getByTestId('order-search').press('Enter');
}

/** Opens an order's drawer from the list by searching for its code. */
export async function openOrder(page: Page, code: string): Promise<void> {
  await searchOrders(page, code);
  await page.locator(`[data-testid="order-row"][data-code="${code}"]`).click();
  await expect(page.getByTestId('order-drawer')).toHaveAttribute('data-code', code);
}

export interface StepOptions {
  reason?: string;
  handler?: { typed: string; option: string };
  file?: { name: string; mimeType: string; buffer: Buffer };
  /** 回访结果 by its Chinese name (feedback). */
  feedbackResult?: string;
  /** The dispatch leaves the place's own station: accept the warning. */
  outsideJurisdiction?: true;
}

/** Takes one lifecycle step from the drawer and waits for the state it leads to. */
export async function step(page: Page, action: string, to: string, options: StepOptions = {}): Promise<void> {
  await page.getByTestId(`order-action-${action}`).click();
  const form = page.getByTestId('act-form');
  await expect(form).toHaveAttribute('data-action', action);
  // The dialog zooms in from the clicked button: a click on its OK button while it is still tiny
  // (a loaded machine starves the animation frames, so Playwright sees it "stable") lands on the
  // mask, which closes the dialog without submitting. Wait until the opening motion is over.
  await expect(page.locator('.ant-modal[class*="-zoom-"]')).toHaveCount(0);
  if (options.reason) await form.getByTestId('act-reason').fill(options.reason);
  if (options.handler) await choose(page, 'act-handler', options.handler.typed, options.handler.option);
  if (options.feedbackResult) {
    await form.getByTestId('act-feedback-result').click();
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option', {
        hasText: new RegExp(`^${options.feedbackResult}$`),
      })
      .click();
  }
  if (options.file) {
    await form.getByTestId('attachment-input').setInputFiles(options.file);
    await expect(form.getByTestId('attachment-item')).toHaveAttribute('data-state', 'done');
  }
  await page.getByTestId('act-submit').click();
  if (options.outsideJurisdiction) await page.getByTestId('act-outside-ok').click();
  await expect(page.getByTestId('order-drawer')).toHaveAttribute('data-state', to);
}

// A 1×1 PNG: the hub checks the type by content.
export const PHOTO = {
  name: 'scene.png',
  mimeType: 'image/png',
  buffer: Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
    'base64',
  ),
};

/** Fills the intake form as a hotline officer would and submits with Ctrl+Enter; returns the new code. */
export async function takeCall(
  page: Page,
  title: string,
  urgency: 'normal' | 'urgent' | 'critical' = 'normal',
  workstation = '向东村',
): Promise<string> {
  await page.getByTestId('nav-intake').click();
  await page.getByTestId('intake-title').fill(title);
  await page.getByTestId('intake-description').fill(`${title}，群众来电反映，请尽快处置`);
  await choose(page, 'intake-category', '井盖', '井盖');
  await choose(page, 'intake-workstation', workstation, workstation);
  await page.getByTestId('intake-reporter-name').fill('王先生');
  await page.getByTestId('intake-reporter-phone').fill('13812345678');
  await page.getByTestId(`intake-urgency-${urgency}`).click();
  await page.keyboard.press('Control+Enter');
  const result = page.getByTestId('intake-result');
  await expect(result).toBeVisible();
  const code = await result.getAttribute('data-code');
  if (!code) throw new Error('no order code shown after intake');
  return code;
}
