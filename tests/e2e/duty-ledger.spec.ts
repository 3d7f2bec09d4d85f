import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { HandoverState } from '../../common/contract';
import { pdfPageTexts } from '../helpers/pdf-text';
import { xlsxFirstSheet, xlsxRows } from '../helpers/xlsx-read';
import { hubClient, rosterOnCurrentShift, settledShift, type HubClient } from './duty-roster-helpers';
import { DEMO_PASSWORD, expect, test } from './fixtures';
import { advanceHubClock, hubNow } from './hub-clock';
import { operator } from './orders-helpers';

const SIGN = (shiftId: number, side: 'outgoing' | 'incoming', username: string) => ({
  shiftId,
  side,
  username,
  password: DEMO_PASSWORD,
});

/**
 * Right after a shift change the handover view offers the shift just ended (交接窗口); hand that one
 * over through the API first, so the test works on the current shift whatever the time of day.
 */
async function handOverEarlierShift(chief: HubClient): Promise<void> {
  for (let i = 0; i < 3; i++) {
    const state = await chief.call<HandoverState>('duty.handover.current', {});
    if (state.shift.endsAt > (await hubNow(chief.url))) return;
    const { id } = state.shift;
    if (state.shift.status === 'open') {
      await chief.call('duty.handover.start', { shiftId: id, checklist: [], notes: '', doneAssigned: [] });
    }
    for (const [side, who] of [
      ['outgoing', 'chief'],
      ['incoming', 'chief2'],
    ] as const) {
      // chief2 is not rostered on this hub's shifts: the incoming signature takes the logged override.
      const override = side === 'incoming' ? { override: { reason: '端到端测试：补交上一班次' } } : {};
      if (!state.signatures.some((s) => s.side === side)) {
        await chief.call('duty.handover.sign', { ...SIGN(id, side, who), ...override });
      }
    }
  }
}

/**
 * Moves the end of an open shift, as if its pattern said so: the handover opens 30 minutes before
 * a shift's end (the hub's default), which a test cannot wait for.
 */
function setShiftEnd(dataDir: string, shiftId: number, endsAt: number): void {
  const db = new Database(path.join(dataDir, 'cityops.sqlite'));
  try {
    db.pragma('busy_timeout = 5000');
    db.prepare(`UPDATE duty_shifts SET ends_at = ? WHERE id = ? AND status = 'open'`).run(endsAt, shiftId);
  } finally {
    db.close();
  }
}

/** HH:mm in Beijing time. */
function beijingClock(at: number): string {
  return new Date(at + 8 * 3_600_000).toISOString().slice(11, 16);
}

/** Makes an order overdue at the hub's `now`, as the clock would in a few hours; the hub's sweep then turns it red. */
function makeOverdue(dataDir: string, code: string, now: number): void {
  const db = new Database(path.join(dataDir, 'cityops.sqlite'));
  try {
    db.pragma('busy_timeout = 5000');
    db.prepare('UPDATE orders SET warn_at = ?, deadline_at = ? WHERE code = ?').run(now - 120_000, now - 60_000, code);
  } finally {
    db.close();
  }
}

test('the duty chief keeps the log, hands over with a second chief, and the sealed shift prints', async ({
  browser,
  shell,
}) => {
  test.setTimeout(240_000);
  const page = await operator(await browser.newPage(), shell.url, 'chief');
  const chief = await hubClient(page, 'chief');
  // The whole test must fall inside one shift: within its last five minutes the hub's clock is moved
  // past its end (before the chief is rostered, so on the shift the test works on).
  await settledShift(chief, 300_000);
  await rosterOnCurrentShift(chief, { orgUnitId: 'HQ-C', role: 'duty_chief', postCode: 'duty_chief' });
  await handOverEarlierShift(chief);

  // Hours before the shift's end the handover is not open: the console says when it opens, with no
  // button that would fail, and the hub refuses a start all the same.
  const shiftId = (await chief.call<HandoverState>('duty.handover.current', {})).shift.id;
  const farEnd = (await hubNow(shell.url)) + 3 * 3_600_000;
  setShiftEnd(shell.dataDir, shiftId, farEnd);
  const early = await operator(await browser.newPage(), shell.url, 'chief');
  await early.getByTestId('nav-duty').click();
  await early.getByTestId('duty-tab-handover').click();
  await expect(early.getByTestId('handover-opens-at')).toContainText(
    `交接将于 ${beijingClock(farEnd - 1_800_000)} 开放`,
    {
      timeout: 30_000,
    },
  );
  await expect(early.getByTestId('handover-summary')).toBeVisible();
  await expect(early.getByTestId('handover-start')).toHaveCount(0);
  const refused = await chief.result('duty.handover.start', { shiftId, checklist: [], notes: '', doneAssigned: [] });
  expect(refused.ok ? null : refused.error.details).toMatchObject({ reason: 'HANDOVER_NOT_OPEN' });
  await early.close();
  // Twenty minutes before its end the handover is open.
  setShiftEnd(shell.dataDir, shiftId, (await hubNow(shell.url)) + 20 * 60_000);

  // Check in from the status bar.
  await expect(page.getByTestId('check-in')).toBeVisible();
  await page.getByTestId('check-in').click();
  await expect(page.getByTestId('check-out')).toBeVisible();

  // Entries, and a correction that links both ways.
  await page.getByTestId('nav-duty').click();
  await page.getByTestId('duty-tab-log').click();
  await page.getByTestId('duty-kind').getByText('来电').click();
  await page.getByTestId('duty-text').fill('群众来电：合庆路 88 号门前积水约 20 厘米');
  await page.getByTestId('duty-submit').click();
  const call = page.getByTestId('duty-entry').filter({ hasText: '合庆路 88 号' });
  await expect(call).toHaveAttribute('data-kind', 'call');
  await call.getByTestId('duty-correct').click();
  await page.getByTestId('duty-text').fill('更正：应为合庆路 86 号');
  await page.getByTestId('duty-submit').click();
  await expect(call.getByTestId('duty-corrected-by')).toBeVisible();
  await expect(page.getByTestId('duty-entry').filter({ hasText: '应为合庆路 86 号' })).toContainText('更正 第');
  await page.getByTestId('duty-kind').getByText('交办事项').click();
  await page.getByTestId('duty-text').fill('18 点前向区城运中心报送积水点排查情况');
  await page.getByTestId('duty-submit').click();

  // An order turning red is logged by the system, by itself.
  const order = await chief.call<{ code: string }>('orders.create', {
    title: '下立交积水',
    categoryId: '0200201',
    workstationId: 'HQ-W-HQ01',
    address: '合庆路下立交',
    source: 'video',
    urgency: 'normal',
  });
  makeOverdue(shell.dataDir, order.code, await hubNow(shell.url));
  // A move of the hub's clock runs its deadline sweep now rather than at its next 15-s tick.
  await advanceHubClock(shell.url, 1);
  const system = page.locator('[data-testid="duty-entry"][data-kind="system"]').filter({ hasText: order.code });
  await expect(system).toBeVisible({ timeout: 40_000 });
  await expect(system).toContainText('已超时（红灯）');

  // Handover: the summary names the overdue order and the pending task; starting freezes it.
  await page.getByTestId('duty-tab-handover').click();
  await expect(page.getByTestId('handover-status')).toHaveAttribute('data-status', 'open');
  await expect(page.getByTestId('handover-overdue')).toContainText(order.code);
  await expect(page.getByTestId('handover-summary')).toContainText('18 点前向区城运中心报送积水点排查情况');
  await page.getByTestId('handover-check-input').first().check();
  await page.getByTestId('handover-notes-input').fill('夜间重点关注合庆路下立交积水');
  await page.getByTestId('handover-start').click();
  await page.getByTestId('handover-start-confirm').click();
  await expect(page.getByTestId('handover-status')).toHaveAttribute('data-status', 'handover');
  await expect(page.getByTestId('handover-notes')).toHaveText('夜间重点关注合庆路下立交积水');

  // Both chiefs sign by re-entering their passwords; a wrong one is refused without signing anyone out.
  await page.getByTestId('sign-outgoing-password').fill('wrong-password-1');
  await page.getByTestId('sign-outgoing-submit').click();
  await expect(page.getByTestId('sign-error')).toBeVisible();
  await page.getByTestId('sign-outgoing-password').fill(DEMO_PASSWORD);
  await page.getByTestId('sign-outgoing-submit').click();
  await expect(page.getByTestId('signed-outgoing')).toContainText('张伟');
  // chief2 is not rostered as chief of the next shift: refused, then signed with a logged override.
  await page.getByTestId('sign-incoming-username').fill('chief2');
  await page.getByTestId('sign-incoming-password').fill(DEMO_PASSWORD);
  await page.getByTestId('sign-incoming-submit').click();
  await expect(page.getByTestId('sign-error')).toContainText('未排为');
  await expect(page.getByTestId('sign-incoming-override-submit')).toBeDisabled();
  await page.getByTestId('sign-incoming-override-reason').fill('原排班值班长病假，经主任同意顶班');
  await page.getByTestId('sign-incoming-password').fill(DEMO_PASSWORD);
  await page.getByTestId('sign-incoming-override-submit').click();
  await expect(page.getByTestId('handover-status')).toHaveAttribute('data-status', 'sealed');
  await expect(page.getByTestId('signed-incoming')).toContainText('周敏');
  const sealHash = (await page.getByTestId('seal-hash').textContent())?.trim() ?? '';
  expect(sealHash).toMatch(/^[0-9a-f]{64}$/);
  await page.getByTestId('ledger-verify').click();
  await expect(page.getByTestId('ledger-badge')).toHaveAttribute('data-ok', 'true');

  // The log now takes entries for the next shift, which is not on duty before it starts; the
  // override is on record there, marked as written during the handover.
  await page.getByTestId('duty-tab-log').click();
  await expect(page.getByTestId('duty-log-status')).toHaveAttribute('data-status', 'upcoming');
  const overrideEntry = page.getByTestId('duty-entry').filter({ hasText: '越权接班确认' });
  await expect(overrideEntry).toContainText('原排班值班长病假，经主任同意顶班');
  await expect(overrideEntry.getByTestId('duty-entry-early')).toHaveText('交接期间记录');
  await page.getByTestId('duty-tab-handover').click();

  // The report downloads as a PDF holding the summary, the signatures and the seal.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('handover-report').first().click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^值班交接班报告-.*\.pdf$/);
  const pdf = new Uint8Array(fs.readFileSync(await download.path()));
  const text = (await pdfPageTexts(pdf)).join('').replace(/\s+/g, '');
  for (const expected of ['值班交接班报告', '交接摘要', order.code, '夜间重点关注合庆路下立交积水', '周敏', sealHash]) {
    expect(text).toContain(expected.replace(/\s+/g, ''));
  }

  // Search the log and export it.
  await page.getByTestId('duty-tab-search').click();
  await page.getByTestId('duty-search-text').fill('积水');
  await page.getByTestId('duty-search-submit').click();
  await expect(page.getByTestId('duty-search-results')).toContainText('合庆路 88 号');
  const [sheet] = await Promise.all([page.waitForEvent('download'), page.getByTestId('duty-search-export').click()]);
  expect(sheet.suggestedFilename()).toMatch(/^值班日志-.*\.xlsx$/);
  const read = await xlsxFirstSheet(new Uint8Array(fs.readFileSync(await sheet.path())));
  expect(xlsxRows(read).flat()).toContain('群众来电：合庆路 88 号门前积水约 20 厘米');
  await chief.close();
});
