import type { Locator, Page } from '@playwright/test';
import { hubClient, type HubClient } from './duty-roster-helpers';
import { expect, test } from './fixtures';
import { operator } from './orders-helpers';

interface Plan {
  type: string;
  name: string;
  levels: Record<string, unknown>;
}

/** The person this spec adds to the plan's notify list (the seeded 通讯录 has no phone numbers). */
const CONTACT = { kind: 'person', name: '周海涛（e2e 水务）', title: '水务站站长', phone: '021-5897 1234' };
const NEW_ACTION = '转移危险区域群众（e2e）';

/** The input inside an antd InputNumber, whichever element got the test id. */
function numberInput(page: Page, testId: string): Locator {
  return page.locator(`input[data-testid="${testId}"], [data-testid="${testId}"] input`).first();
}

/** Closes every active incident (the worker's hub is shared by the specs before this one). */
async function closeAll(coord: HubClient): Promise<void> {
  const { incidents } = await coord.call<{ incidents: { id: number }[] }>('incidents.current', {});
  for (const i of incidents) await coord.call('incidents.close', { id: i.id, summary: 'e2e 结束' });
}

/** Ticks an org unit on the activation dialog's tree, found by typing its name. */
async function tickArea(page: Page, name: string, unitId: string): Promise<void> {
  await page.getByTestId('incident-area-search').locator('input').fill(name);
  const node = page.locator('.ant-tree-treenode', {
    has: page.locator(`[data-testid="incident-area-node"][data-unit-id="${unitId}"]`),
  });
  await node.locator('.ant-tree-checkbox').click();
  await expect(node.locator('.ant-tree-checkbox')).toHaveClass(/ant-tree-checkbox-checked/);
}

/** Shanghai wall-clock text of an instant, as the console's formatDateTime writes it. */
function shanghai(ms: number): string {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Asia/Shanghai',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(ms)
      .map((x) => [x.type, x.value]),
  );
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
}

test('应急预案: the administrator edits 防台防汛 Ⅳ; the next activation follows it and offers the contact in 通知', async ({
  browser,
  shell,
}) => {
  test.setTimeout(240_000);
  const admin = await operator(await (await browser.newContext()).newPage(), shell.url, 'admin');
  const adminHub = await hubClient(admin, 'admin');
  const { plans } = await adminHub.call<{ plans: Plan[] }>('incidents.plans.list', {});
  const original = plans.find((p) => p.type === 'flood')!;
  const found = await adminHub.call<{ rows: { id: number; name: string }[] }>('contacts.search', {
    text: '周海涛',
  });
  const contactId =
    found.rows.find((r) => r.name === CONTACT.name)?.id ??
    (await adminHub.call<{ id: number }>('contacts.save', CONTACT)).id;

  const coord = await operator(await (await browser.newContext()).newPage(), shell.url, 'coord');
  const coordHub = await hubClient(coord, 'coord');
  try {
    await closeAll(coordHub);

    // The administrator's 应急预案 screen: the plans, 防台防汛 first.
    await admin.getByTestId('nav-admin-incident-plans').click();
    await expect(admin.getByTestId('workspace-title')).toHaveText('应急预案');
    await admin.locator('[data-testid="plan-list-item"][data-type="flood"]').click();
    const editor = admin.getByTestId('plan-editor');
    await expect(editor).toHaveAttribute('data-type', 'flood');
    await expect(editor).toHaveAttribute('data-dirty', 'false');
    await expect(admin.getByTestId('plan-level-tab-IV')).toBeVisible();
    const level = admin.getByTestId('plan-level-IV');

    // A new checklist action at the end.
    const before = await level.getByTestId('plan-checklist-item').count();
    await level.getByTestId('plan-checklist-add').click();
    await expect(level.getByTestId('plan-checklist-item')).toHaveCount(before + 1);
    await level.getByTestId('plan-checklist-text').last().fill(NEW_ACTION);
    await expect(editor).toHaveAttribute('data-dirty', 'true');

    // 初报 within 12 minutes; a written report due before it is refused as typed.
    await numberInput(admin, 'plan-report-initialMinutes').fill('12');
    await numberInput(admin, 'plan-report-writtenMinutes').fill('5');
    await expect(level).toContainText('书面报告时限不能早于初报');
    await numberInput(admin, 'plan-report-writtenMinutes').fill('60');
    await expect(level).not.toContainText('书面报告时限不能早于初报');

    // A contact to notify, picked from the 通讯录.
    await level.getByTestId('plan-notify-add').click();
    await admin.keyboard.type('周海涛');
    await admin.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: CONTACT.name }).click();
    await expect(level.locator(`[data-testid="plan-notify-item"][data-contact-id="${contactId}"]`)).toContainText(
      '021-5897 1234',
    );

    // Leaving with unsaved changes asks first; staying keeps the draft.
    await admin.getByTestId('nav-org').click();
    await admin.getByTestId('plan-leave-stay').click();
    await expect(admin.getByTestId('workspace-title')).toHaveText('应急预案');
    await expect(editor).toHaveAttribute('data-dirty', 'true');
    await expect(level.getByTestId('plan-checklist-text').last()).toHaveValue(NEW_ACTION);

    await admin.getByTestId('plan-save').click();
    await expect(editor).toHaveAttribute('data-dirty', 'false');
    await expect(admin.locator('[data-testid="plan-list-item"][data-type="flood"]')).toContainText('系统管理员');
    const saved = (await adminHub.call<{ plans: Plan[] }>('incidents.plans.list', {})).plans.find(
      (p) => p.type === 'flood',
    )!;
    expect(saved.levels.IV).toMatchObject({
      reports: { initialMinutes: 12, writtenMinutes: 60 },
      notify: [{ contactId }],
    });

    // A coordinator has no 应急预案 screen, not even by its address.
    await expect(coord.getByTestId('nav-admin-incident-plans')).toHaveCount(0);
    await coord.evaluate(() => {
      window.location.hash = '/admin/incident-plans';
    });
    // Refused: back on the coordinator's landing (the overview while no real incident runs).
    await expect(coord.getByTestId('workspace-title')).toHaveText('态势总览');
    await expect(coord.getByTestId('plan-editor')).toHaveCount(0);
    await coord.getByTestId('nav-incidents').click();
    await expect(coord.getByTestId('workspace-title')).toHaveText('应急指挥');

    // The coordinator activates 防台防汛 Ⅳ: the plan as saved.
    await coord.getByTestId('incident-activate').click();
    await coord.getByTestId('incident-type-flood').click();
    await coord.getByTestId('incident-level-IV').click();
    await tickArea(coord, '海塘', 'HQ-W-CL02');
    await coord.getByTestId('incident-situation').fill('e2e 预案：海塘村低洼处积水');
    await coord.getByTestId('incident-activate-submit').click();
    const header = coord.getByTestId('incident-header');
    // On a loaded machine a click during the confirmation's opening animation was lost; click again
    // only while the confirmation is still there (a second activation would be refused anyway).
    await expect(async () => {
      const confirm = coord.getByTestId('incident-activate-confirm');
      if (await confirm.isVisible()) await confirm.click();
      await expect(header).toHaveAttribute('data-state', 'active', { timeout: 5_000 });
    }).toPass({ timeout: 30_000 });
    const id = Number(await header.getAttribute('data-incident-id'));

    await expect(coord.getByTestId('incident-checklist-item').filter({ hasText: NEW_ACTION })).toHaveCount(1);
    const detail = await coordHub.call<{
      incident: { levelChangedAt: number };
      reports: { kind: string; dueAt: number }[];
    }>('incidents.get', { id });
    const initial = detail.reports.find((r) => r.kind === 'initial')!;
    expect(initial.dueAt - detail.incident.levelChangedAt).toBe(12 * 60_000);
    await expect(coord.locator('[data-testid="incident-report"][data-kind="initial"]')).toContainText(
      shanghai(initial.dueAt),
    );

    // 通知: the plan's contact first, with the phone; recording it by phone marks it 已通知.
    await coord.getByTestId('notify-open').click();
    const row = coord.locator(`[data-testid="plan-notify-row"][data-contact-id="${contactId}"]`);
    await expect(row).toHaveAttribute('data-state', 'none');
    await expect(row.getByTestId('plan-notify-phone')).toContainText('021-5897 1234');
    await expect(coord.getByTestId('notify-contact')).toBeVisible();
    await row.getByTestId('plan-notify-channel-phone').click();
    await row.getByTestId('plan-notify-record').click();
    await expect(row).toHaveAttribute('data-state', 'notified');
    const { notifications } = await coordHub.call<{
      notifications: { id: number; contactId: number; channel: string }[];
    }>('incidents.get', { id });
    const sent = notifications.find((n) => n.contactId === contactId)!;
    expect(sent.channel).toBe('phone');
    // The reply heard on the phone, recorded elsewhere: the open dialog shows 已确认.
    await coordHub.call('incidents.notify.confirm', { notificationId: sent.id });
    await expect(row).toHaveAttribute('data-state', 'confirmed');
  } finally {
    await closeAll(coordHub);
    // The worker's hub is shared: the specs after this one find the shipped plan.
    await adminHub.call('incidents.plans.save', { type: 'flood', name: original.name, levels: original.levels });
    await adminHub.call('contacts.delete', { id: contactId });
  }
});
