import { expect, test } from './fixtures';
import { choose, openOrder, operator, step, takeCall } from './orders-helpers';

test('an order without a place is refused in the intake form, under the workstation field', async ({
  browser,
  shell,
}) => {
  test.setTimeout(120_000);
  const page = await operator(await browser.newPage(), shell.url, 'hotline');
  await page.getByTestId('nav-intake').click();
  await page.getByTestId('intake-title').fill('来电反映闻到燃气味');
  await choose(page, 'intake-category', '井盖', '井盖');
  await page.getByTestId('intake-urgency-critical').click();
  await page.keyboard.press('Control+Enter');
  const field = page.locator('.ant-form-item', { has: page.getByTestId('intake-workstation') });
  await expect(field.locator('.ant-form-item-explain-error')).toHaveText(
    '请填写问题位置：村居工作站、地图点位或地址至少一项',
    { timeout: 30_000 },
  );
  await expect(page.getByTestId('intake-result')).toHaveCount(0);
  // An address is a place: the error goes and the order is taken in.
  await page.getByTestId('intake-address').fill('庆达路 1 号');
  await expect(field.locator('.ant-form-item-explain-error')).toHaveCount(0);
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('intake-result')).toBeVisible({ timeout: 30_000 });
});

test('dispatch suggests the jurisdiction and warns before sending an order outside it', async ({ browser, shell }) => {
  test.setTimeout(180_000);
  const hotline = await operator(await browser.newPage(), shell.url, 'hotline');
  const code = await takeCall(hotline, '海塘村桥头路灯不亮', 'normal', '海塘村');

  const chief = await operator(await browser.newPage(), shell.url, 'chief');
  await openOrder(chief, code);
  await expect(chief.getByTestId('order-jurisdiction')).toHaveText('蔡路责任网格 / 第二联勤站');
  await step(chief, 'file', 'filed');

  // The picker: the owning station first, marked 辖区.
  await chief.getByTestId('order-action-dispatch').click();
  await expect(chief.getByTestId('act-form')).toHaveAttribute('data-action', 'dispatch');
  // Clicks wait for the dialog's zoom-in (see step() in orders-helpers).
  await expect(chief.locator('.ant-modal[class*="-zoom-"]')).toHaveCount(0);
  await expect(chief.getByTestId('act-jurisdiction')).toContainText('蔡路责任网格 / 第二联勤站');
  await chief.getByTestId('act-handler').click();
  const firstOption = chief.locator('.ant-select-dropdown:visible .ant-select-item-option').first();
  await expect(firstOption).toContainText('第二联勤站');
  await expect(firstOption).toContainText('辖区');

  // Outside: warned, naming the owner; cancelling sends nothing.
  await chief.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '第一联勤站' }).click();
  await chief.getByTestId('act-submit').click();
  await expect(chief.getByTestId('act-outside-confirm')).toHaveText('海塘村属第二联勤站，确定派往第一联勤站？');
  await expect(chief.locator('.ant-modal[class*="-zoom-"]')).toHaveCount(0);
  await chief.getByTestId('act-outside-cancel').click();
  await expect(chief.getByTestId('act-outside-confirm')).toHaveCount(0);
  await expect(chief.getByTestId('act-form')).toBeVisible();

  // Inside: no question asked.
  await choose(chief, 'act-handler', '第二联勤站', '第二联勤站');
  await chief.getByTestId('act-submit').click();
  await expect(chief.getByTestId('order-drawer')).toHaveAttribute('data-state', 'dispatched');
  await expect(chief.getByTestId('act-outside-confirm')).toHaveCount(0);

  // Sent on outside after all: confirmed, then the drawer keeps the owner and says who handles it.
  await chief.getByTestId('order-action-redispatch').click();
  await expect(chief.getByTestId('act-form')).toHaveAttribute('data-action', 'redispatch');
  await expect(chief.locator('.ant-modal[class*="-zoom-"]')).toHaveCount(0);
  await chief.getByTestId('act-reason').fill('第二联勤站人员在处置火情，请第一联勤站支援');
  await choose(chief, 'act-handler', '第一联勤站', '第一联勤站');
  await chief.getByTestId('act-submit').click();
  await expect(chief.getByTestId('act-outside-confirm')).toHaveText('海塘村属第二联勤站，确定派往第一联勤站？');
  await expect(chief.locator('.ant-modal[class*="-zoom-"]')).toHaveCount(0);
  await chief.getByTestId('act-outside-ok').click();
  await expect(chief.getByTestId('order-handler')).toHaveText('第一联勤站');
  await expect(chief.getByTestId('order-jurisdiction')).toHaveText('蔡路责任网格 / 第二联勤站');
  await expect(chief.getByTestId('order-outside-jurisdiction')).toContainText('第一联勤站');
  await expect(chief.getByTestId('order-timeline')).toContainText('辖区外派遣（属第二联勤站）');
});
