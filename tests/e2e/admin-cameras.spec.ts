import fs from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import type { Camera } from '../../common/contract';
import { hubClient } from './duty-roster-helpers';
import { expect, login, test } from './fixtures';
import { choose } from './orders-helpers';

// The administrators' camera registry. The worker's hub is shared by the tests
// in this file and also holds the 25 demo cameras, so every test filters to the names it made.

async function openRegistry(page: Page, url: string): Promise<void> {
  await login(page, url, 'admin');
  await page.getByTestId('nav-admin-cameras').click();
  await expect(page.getByTestId('workspace-title')).toHaveText('摄像机管理');
}

async function filterTo(page: Page, text: string, rows: number): Promise<Locator> {
  await page.getByTestId('camera-filter').locator('input').fill(text);
  const row = page.getByTestId('camera-row');
  await expect(row).toHaveCount(rows);
  return row;
}

async function createCamera(page: Page, name: string, mainUrl: string): Promise<void> {
  await page.getByTestId('camera-create').click();
  const dialog = page.getByRole('dialog');
  await dialog.getByTestId('camera-form-name').fill(name);
  await choose(page, 'camera-form-workstation', '海塘', '海塘村');
  await dialog.getByTestId('camera-form-main-url').fill(mainUrl);
  await dialog.getByTestId('camera-form-submit').click();
  await expect(dialog).toHaveCount(0);
}

/** The confirm button of the one popconfirm open now (closed ones stay in the DOM, hidden). */
function confirmButton(page: Page): Locator {
  return page.getByTestId('camera-confirm').filter({ visible: true });
}

test('an admin registers a camera: the credential is masked, kept on edit, and a bad GB code is named', async ({
  page,
  shell,
}) => {
  await openRegistry(page, shell.url);
  await createCamera(page, '测试枪机一号', 'rtsp://user:secret@10.0.0.1/main');

  const row = await filterTo(page, '测试枪机一号', 1);
  await expect(row.getByTestId('camera-main-url')).toHaveText('rtsp://***@10.0.0.1/main');
  await expect(row).toContainText('海塘村');
  await expect(page.locator('body')).not.toContainText('secret');

  // Edit the name only: the URL stays masked in the form and its stored credential is kept.
  await row.getByTestId('camera-edit').click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByTestId('camera-form-main-url')).toHaveValue('rtsp://***@10.0.0.1/main');
  await expect(dialog).toContainText('保持 *** 不变即沿用原凭据');
  await dialog.getByTestId('camera-form-name').fill('测试枪机一号（北）');
  await dialog.getByTestId('camera-form-submit').click();
  await expect(dialog).toHaveCount(0);
  const renamed = await filterTo(page, '测试枪机一号（北）', 1);
  await expect(renamed.getByTestId('camera-main-url')).toHaveText('rtsp://***@10.0.0.1/main');

  // A GB/T 28181 code of the wrong length: the hub's reason appears under the code field.
  // The filtered table may still be re-rendering its row: a click on the row it replaces opens nothing.
  await expect(async () => {
    await renamed.getByTestId('camera-edit').click();
    await expect(dialog.getByTestId('camera-form-code')).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 15_000 });
  await dialog.getByTestId('camera-form-code').fill('3101150000132');
  await dialog.getByTestId('camera-form-submit').click();
  const codeItem = dialog.locator('.ant-form-item').filter({ has: page.getByTestId('camera-form-code') });
  await expect(codeItem.locator('.ant-form-item-explain-error')).toHaveText('国标编码应为 20 位数字（现为 13 位）');
  await expect(dialog.getByTestId('camera-form-error')).toBeVisible();
  await dialog.getByRole('button', { name: /取\s*消/ }).click();
  await expect(dialog).toHaveCount(0);
});

test('an admin checks and imports a CSV line by line, then exports the registry without secrets', async ({
  page,
  shell,
}) => {
  await openRegistry(page, shell.url);
  await page.getByTestId('camera-import-open').click();
  const dialog = page.getByRole('dialog');
  const csv = [
    '名称,工作站,主码流',
    '导入测试球机,海塘村,rtsp://ops:secret2@10.0.0.2/main',
    '导入坏行,不存在村,rtsp://10.0.0.3/main',
  ];
  await dialog.locator('input[type=file]').setInputFiles({
    name: 'cameras.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(`${csv.join('\r\n')}\r\n`, 'utf8'),
  });
  await expect(dialog.getByTestId('camera-import-file-name')).toContainText('cameras.csv');

  await dialog.getByTestId('camera-import-check').click();
  await expect(dialog.getByTestId('camera-import-summary')).toContainText('校验结果（未保存）');
  const good = dialog.locator('[data-testid="camera-import-line"][data-line="2"]');
  const bad = dialog.locator('[data-testid="camera-import-line"][data-line="3"]');
  await expect(good).toHaveAttribute('data-ok', 'true');
  await expect(good).toContainText('新增');
  await expect(bad).toHaveAttribute('data-ok', 'false');
  await expect(bad).toContainText('拒绝');
  await expect(bad.getByTestId('camera-import-error')).toHaveText('工作站：工作站“不存在村”不存在');
  // A check saves nothing.
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await filterTo(page, '导入测试球机', 0);

  await page.getByTestId('camera-import-open').click();
  await dialog.getByTestId('camera-import-text').fill(csv.join('\n'));
  await dialog.getByTestId('camera-import-run').click();
  await expect(dialog.getByTestId('camera-import-summary')).toHaveText('已导入：共 2 行，新增 1，更新 0，拒绝 1');
  await dialog.getByTestId('camera-import-close').click();
  await expect(dialog).toHaveCount(0);
  const row = await filterTo(page, '导入测试球机', 1);
  await expect(row.getByTestId('camera-main-url')).toHaveText('rtsp://***@10.0.0.2/main');

  // The export is of the list as filtered: the imported camera, its credential masked.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('camera-export-csv').click()]);
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
  const text = fs.readFileSync(await download.path(), 'utf8');
  expect(text).toContain('导入测试球机');
  expect(text).toContain('***');
  expect(text).not.toContain('secret');
});

test('an admin disables and deletes a camera', async ({ page, shell }) => {
  await openRegistry(page, shell.url);
  await createCamera(page, '待删除摄像机', 'http://10.0.0.9/live/index.m3u8');
  const row = await filterTo(page, '待删除摄像机', 1);
  await expect(row.getByTestId('camera-enabled')).toHaveAttribute('data-enabled', 'true');

  await row.getByTestId('camera-toggle-enabled').click();
  await confirmButton(page).click();
  await expect(row.getByTestId('camera-enabled')).toHaveAttribute('data-enabled', 'false');
  // The enabled filter: the camera is among the disabled ones only.
  await page.getByTestId('camera-enabled-filter').getByText('仅启用').click();
  await expect(page.getByTestId('camera-row')).toHaveCount(0);
  await page.getByTestId('camera-enabled-filter').getByText('仅停用').click();
  await expect(page.getByTestId('camera-row')).toHaveCount(1);

  await page.getByTestId('camera-row').getByTestId('camera-delete').click();
  await confirmButton(page).click();
  await expect(page.getByTestId('camera-row')).toHaveCount(0);
  await page.getByTestId('camera-enabled-filter').getByText('全部').click();
  await filterTo(page, '待删除摄像机', 0);
});

test('the viewing record shows totals per camera and per user', async ({ page, shell }) => {
  await openRegistry(page, shell.url);
  // A monitor watches a camera for a moment (what a wall tile does when it opens and closes).
  const monitor = await hubClient(page, 'monitor');
  const { rows } = await monitor.call<{ rows: Camera[] }>('cameras.list', { filter: { enabled: true }, limit: 1 });
  const camera = rows[0];
  if (!camera) throw new Error('no enabled camera to watch');
  const view = await monitor.call<{ viewId: number }>('cameras.viewStart', { cameraId: camera.id, stream: 'sub' });
  await monitor.call('cameras.viewEnd', { viewId: view.viewId });
  await monitor.close();

  await page.getByTestId('camera-tab-views').click();
  await expect(page.getByTestId('camera-views-totals')).toContainText('次观看');
  await expect(page.getByTestId('camera-views-by-camera')).toContainText(camera.name);
  await expect(page.getByTestId('camera-views-by-camera')).toContainText('0 分');
  await expect(page.getByTestId('camera-views-by-user')).toContainText('李娜（视频监控）');
});
