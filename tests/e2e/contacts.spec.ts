import { hubClient } from './duty-roster-helpers';
import { expect, login, test } from './fixtures';

test('an admin adds a contact; anyone finds it by name or number, only the admin may edit', async ({
  page,
  shell,
  browser,
}) => {
  // Straight to the 通讯录 (an admin lands on the wall otherwise).
  await login(page, `${shell.url}#/contacts`, 'admin');
  await expect(page.getByTestId('workspace-title')).toHaveText('通讯录', { timeout: 30_000 });
  // Seeded from the org data: the center, stations and departments are there before anyone types.
  await expect(page.getByTestId('contact-row').first()).toContainText('合庆镇城市运行综合管理中心');

  await page.getByTestId('contact-create').click();
  const dialog = page.getByRole('dialog');
  await dialog.getByTestId('contact-form-name').fill('防汛值班员甲');
  await dialog.getByTestId('contact-form-parent').click();
  await page.locator('.ant-select-item-option', { hasText: '城管执法' }).click();
  await dialog.getByTestId('contact-form-title').fill('防汛值班');
  await dialog.getByTestId('contact-form-phone').fill('021-5811 7788');
  await dialog.getByTestId('contact-form-mobile').fill('139 0000 7788');
  await dialog.getByTestId('contact-form-submit').click();
  await expect(dialog).toBeHidden();

  // Found by the digits, whatever separators were typed.
  await page.getByTestId('contact-search').locator('input').fill('58117788');
  const rows = page.getByTestId('contact-row');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('防汛值班员甲');
  await expect(rows.first()).toContainText('城管执法');

  // A bad number is refused with the field named.
  await rows.first().getByTestId('contact-edit').click();
  await dialog.getByTestId('contact-form-phone').fill('5811 abc');
  await dialog.getByTestId('contact-form-submit').click();
  await expect(dialog).toContainText('不是电话号码');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // Another console (a video monitor) finds it by name and department, and has no edit buttons.
  const other = await (await browser.newContext()).newPage();
  await login(other, `${shell.url}#/contacts`, 'monitor');
  await expect(other.getByTestId('workspace-title')).toHaveText('通讯录', { timeout: 30_000 });
  await other.getByTestId('contact-search').locator('input').fill('城管 防汛');
  await expect(other.getByTestId('contact-row')).toHaveCount(1);
  await expect(other.getByTestId('contact-row').first()).toContainText('139 0000 7788');
  await expect(other.getByTestId('contact-create')).toHaveCount(0);
  await expect(other.getByTestId('contact-edit')).toHaveCount(0);

  // The admin deletes it; the other console's list follows without a reload.
  await rows.first().getByTestId('contact-delete').click();
  await page.getByTestId('contact-confirm-delete').click();
  await expect(rows).toHaveCount(0);
  await expect(other.getByTestId('contact-row')).toHaveCount(0);
});

test('a console notification pops up in the notified user’s window; the confirmation reaches the coordinator', async ({
  page,
  shell,
  browser,
}) => {
  await login(page, `${shell.url}#/contacts`, 'coord');
  await expect(page.getByTestId('workspace-title')).toHaveText('通讯录', { timeout: 30_000 });
  const monitor = await (await browser.newContext()).newPage();
  await login(monitor, `${shell.url}#/contacts`, 'monitor');
  await expect(monitor.getByTestId('workspace-title')).toHaveText('通讯录', { timeout: 30_000 });

  // The incident is arranged through the hub (the incident workspace has its own spec); a drill stays
  // out of the one-active rule whatever else this worker's shell runs.
  const coord = await hubClient(page, 'coord');
  const incident = await coord.call<{ incident: { id: number } }>('incidents.activate', {
    type: 'flood',
    level: 'IV',
    drill: true,
    areaIds: ['HQ-W-CL01'],
    commanderName: '赵磊',
    situation: '通讯录演练',
  });
  const id = incident.incident.id;
  const { rows } = await coord.call<{ rows: { id: number; name: string }[] }>('contacts.search', { text: '李娜' });
  const contactId = rows.find((r) => r.name === '李娜（视频监控）')!.id;
  const sent = await coord.call<{ id: number }>('incidents.notify', {
    id,
    contactId,
    channel: 'console',
    note: '请关注海塘村积水点',
  });

  const card = monitor.locator(`[data-testid="incident-notice"][data-notification-id="${sent.id}"]`);
  await expect(card).toBeVisible();
  await expect(card).toContainText('请关注海塘村积水点');
  await expect(card).toContainText('演练');
  // Not in the coordinator's own window.
  await expect(page.getByTestId('incident-notice')).toHaveCount(0);
  await card.getByTestId('incident-notice-confirm').click();
  await expect(card).toBeHidden();

  await expect
    .poll(async () => {
      const detail = await coord.call<{ notifications: { id: number; confirmedByName: string | null }[] }>(
        'incidents.get',
        { id },
      );
      return detail.notifications.find((n) => n.id === sent.id)?.confirmedByName ?? null;
    })
    .toBe('李娜（视频监控）');
  const detail = await coord.call<{ timeline: { kind: string; byName: string }[] }>('incidents.get', { id });
  expect(detail.timeline.map((e) => `${e.kind} ${e.byName}`)).toEqual(
    expect.arrayContaining(['notified 赵磊（应急协调）', 'confirmed 李娜（视频监控）']),
  );
  await coord.call('incidents.close', { id, summary: '演练结束' });
  await coord.close();
});
