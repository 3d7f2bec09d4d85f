import path from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import type { ApiResult, OnDuty, RosterEntry, RosterPerson } from '../../common/contract';
import { DEMO_PASSWORD } from './fixtures';
import { advanceHubClock, hubNow } from './hub-clock';
import { choose } from './orders-helpers';

/** A session of its own on the hub, for arranging what a test needs without driving the UI. */
export interface HubClient {
  /** The call's value; throws with the hub's message when it is refused. */
  call<T>(method: string, input: unknown): Promise<T>;
  /** The raw result, for calls a test expects to be refused. */
  result<T>(method: string, input: unknown): Promise<ApiResult<T>>;
  /** The web shell's address, for the hub's clock (hub-clock.ts). */
  readonly url: string;
  close(): Promise<void>;
}

interface Registry {
  __e2eHub?: Record<string, { call: (method: string, input: unknown) => Promise<unknown>; close: () => void }>;
}

let clients = 0;

/**
 * Signs in as `username` on a WebSocket opened from inside `page` (same origin as the console; the
 * test runner's Node has no WebSocket). The page's own session is not touched. `page` must show
 * the console and not reload while the client is in use.
 */
export async function hubClient(page: Page, username: string, password = DEMO_PASSWORD): Promise<HubClient> {
  clients += 1;
  const key = `${username}#${clients}`;
  await page.evaluate(
    async ({ key, username, password }) => {
      const ws = new WebSocket(`${location.origin.replace(/^http/, 'ws')}/api/ws`);
      await new Promise<void>((resolve, reject) => {
        ws.addEventListener('open', () => {
          resolve();
        });
        ws.addEventListener('error', () => {
          reject(new Error('WebSocket to the hub failed'));
        });
      });
      const pending = new Map<number, (result: unknown) => void>();
      let next = 0;
      ws.addEventListener('message', (ev) => {
        const frame = JSON.parse(String(ev.data)) as { t: string; id?: number; result?: unknown };
        if (frame.t !== 'result' || frame.id === undefined) return;
        pending.get(frame.id)?.(frame.result);
        pending.delete(frame.id);
      });
      const call = (method: string, input: unknown) =>
        new Promise<unknown>((resolve) => {
          next += 1;
          pending.set(next, resolve);
          ws.send(JSON.stringify({ t: 'call', id: next, method, input }));
        });
      const registry = ((window as unknown as Registry).__e2eHub ??= {});
      registry[key] = { call, close: () => ws.close() };
      const login = (await call('auth.login', { username, password })) as { ok: boolean };
      if (!login.ok) throw new Error(`sign-in as ${username} failed: ${JSON.stringify(login)}`);
    },
    { key, username, password },
  );
  const result = <T>(method: string, input: unknown) =>
    page.evaluate(
      ({ key, method, input }) => {
        const client = (window as unknown as Registry).__e2eHub?.[key];
        if (!client) throw new Error(`hub client ${key} is gone (did the page reload?)`);
        return client.call(method, input);
      },
      { key, method, input },
    ) as Promise<ApiResult<T>>;
  return {
    result,
    url: new URL('/', page.url()).href,
    call: async <T>(method: string, input: unknown): Promise<T> => {
      const r = await result<T>(method, input);
      if (!r.ok) throw new Error(`${method} refused: ${r.error.code} ${r.error.message.zh}`);
      return r.value;
    },
    close: () =>
      page.evaluate((key) => {
        (window as unknown as Registry).__e2eHub?.[key]?.close();
      }, key),
  };
}

/**
 * The current shift of the editor's unit with more than `marginMs` to run: check-in and the status
 * bar change at the boundary, and a test must not straddle it. Closer to its end, the hub's clock is
 * moved past it (no waiting) and the next shift is the one.
 */
export async function settledShift(editor: HubClient, marginMs = 120_000): Promise<NonNullable<OnDuty['shift']>> {
  for (;;) {
    const { shift } = await editor.call<OnDuty>('duty.onDuty', {});
    if (!shift) throw new Error('the unit has no current shift');
    const left = shift.endsAt - (await hubNow(editor.url));
    if (left > marginMs) return shift;
    await advanceHubClock(editor.url, Math.max(left, 0) + 2_000);
  }
}

/**
 * Has `editor` (a roster editor) put the first enabled user of the unit with `role` (or the user
 * `userId`) on `postCode` in the current shift — or finds them already there. Returns the shift and
 * the person.
 */
export async function rosterOnCurrentShift(
  editor: HubClient,
  options: { orgUnitId: string; role: string; postCode: string; userId?: number },
): Promise<{ shift: NonNullable<OnDuty['shift']>; person: RosterPerson }> {
  const shift = await settledShift(editor);
  const people = await editor.call<RosterPerson[]>('duty.roster.people', { orgUnitId: options.orgUnitId });
  const person = people.find((p) =>
    options.userId === undefined ? (p.roles as string[]).includes(options.role) : p.id === options.userId,
  );
  if (!person) throw new Error(`nobody with role ${options.role} in ${options.orgUnitId}`);
  const saved = await editor.result<RosterEntry>('duty.roster.assign', {
    orgUnitId: options.orgUnitId,
    date: shift.date,
    shiftCode: shift.code,
    postCode: options.postCode,
    userId: person.id,
  });
  // A retry of the test finds them rostered already: that is the state it wants.
  if (!saved.ok && !(saved.error.code === 'E_CONFLICT' && saved.error.message.zh.includes('不能重复排班'))) {
    throw new Error(`rostering ${person.displayName} failed: ${saved.error.message.zh}`);
  }
  return { shift, person };
}

/**
 * Empties `postCode` of `orgUnitId` on `shift` in the hub's database — its assignments and their
 * check-ins — as a fresh hub has it. Every post of the center has one seat, and a check-in cannot be
 * undone through the API: a spec that rosters someone and checks them in on the current shift would
 * otherwise leave the seat taken for every later spec, retry and repetition on the worker's hub.
 */
export function vacatePost(
  dataDir: string,
  orgUnitId: string,
  shift: { date: string; code: string },
  postCode: string,
): void {
  const db = new Database(path.join(dataDir, 'cityops.sqlite'));
  try {
    db.pragma('busy_timeout = 5000');
    const where = 'org_unit_id = ? AND date = ? AND shift_code = ? AND post_code = ?';
    const args = [orgUnitId, shift.date, shift.code, postCode];
    db.transaction(() => {
      db.prepare(`DELETE FROM duty_checkins WHERE ${where}`).run(...args);
      db.prepare(`DELETE FROM roster_assignments WHERE ${where}`).run(...args);
    })();
  } finally {
    db.close();
  }
}

let staffMade = 0;

/**
 * A new user of `orgUnitId` with `role`, made through `page` by the admin for one test, whose
 * first-sign-in password is then changed to the demo password: someone no other spec of the worker
 * has rostered, checked in or reported missing (the hub reports a person once per shift). The demo
 * users are shared by every spec a worker runs on its hub — the audit spec's check-in of `monitor`
 * left the status-bar check-in test a monitor checked in before it began.
 */
export async function newStaff(
  page: Page,
  options: { orgUnitId: string; role: string; name: string },
): Promise<{ id: number; username: string; displayName: string }> {
  staffMade += 1;
  const tag = `${Date.now().toString(36)}${staffMade}`;
  const username = `e2e-${tag}`;
  const displayName = `${options.name}${(Date.now() % 100_000) * 10 + (staffMade % 10)}`;
  const first = `First-${tag}9`;
  const admin = await hubClient(page, 'admin');
  const made = await admin.call<{ id: number }>('admin.users.create', {
    username,
    displayName,
    password: first,
    roles: [options.role],
    orgUnitId: options.orgUnitId,
  });
  await admin.close();
  const self = await hubClient(page, username, first);
  await self.call('auth.changePassword', { currentPassword: first, newPassword: DEMO_PASSWORD });
  await self.close();
  return { id: made.id, username, displayName };
}

/** The date `n` days after a 'YYYY-MM-DD' date. */
function addDays(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Closes a modal or drawer with Escape. The first Escape may only close a select's dropdown that
 * still has the focus, so press until the dialog is gone.
 */
async function closeWithEscape(page: Page, dialog: Locator): Promise<void> {
  await expect(async () => {
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden({ timeout: 1_000 });
  }).toPass({ timeout: 10_000 });
}

/** Picks an option of a plain (non-searching) antd select. */
async function pick(page: Page, testId: string, option: string | RegExp): Promise<void> {
  await page.getByTestId(testId).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click();
}

/**
 * The 排班 tab end to end, for `tests/e2e/duty-roster.spec.ts` once the duty workspace exists
 * (route `#/duty`, tab `duty-tab-roster`). `chief`, `station` and `monitor` must be pages signed in
 * as those demo users (see `operator` in orders-helpers.ts). Works on the roster four weeks ahead,
 * so the current shift — the status bar's — is left alone. Leaves that week as it found it, and the
 * center's pattern too.
 */
export async function exerciseRosterTab(chief: Page, station: Page, monitor: Page): Promise<void> {
  const openTab = async (page: Page) => {
    await page.evaluate(() => {
      window.location.hash = '/duty';
    });
    await page.getByTestId('duty-tab-roster').click();
    await expect(page.getByTestId('roster-tab')).toBeVisible();
  };

  // The chief edits the center's roster and may look at the stations'.
  await openTab(chief);
  const tab = chief.getByTestId('roster-tab');
  await expect(tab).toHaveAttribute('data-unit', 'HQ-C');
  await expect(tab).toHaveAttribute('data-editable', 'true');
  // In the header (antd repeats column titles in a hidden measuring row).
  const head = chief.getByTestId('roster-week').locator('thead');
  await expect(head.getByTestId('roster-day-head')).toHaveCount(7);
  await expect(head.getByText('今天')).toBeVisible();
  for (let i = 0; i < 4; i += 1) await chief.getByTestId('roster-next').click();
  const monday = await chief.getByTestId('roster-week').getAttribute('data-monday');
  if (!monday) throw new Error('the week view names no Monday');
  const cell = (date: string, shift: string) =>
    chief.locator(`[data-testid="roster-cell"][data-date="${date}"][data-shift="${shift}"]`);

  // Put someone on the chief post of Monday's early shift.
  await cell(monday, 'early').click();
  const editor = chief.getByTestId('shift-editor');
  await expect(editor).toHaveAttribute('data-date', monday);
  await pick(chief, 'shift-editor-post-select', '平台值班长');
  await choose(chief, 'shift-editor-person-select', '', /（平台值班长）/);
  await chief.getByTestId('shift-editor-assign').click();
  const chiefPost = editor.locator('[data-testid="shift-editor-post"][data-post="duty_chief"]');
  await expect(chiefPost.getByTestId('roster-person')).toHaveCount(1);
  const userId = await chiefPost.getByTestId('roster-person').getAttribute('data-user');
  await expect(cell(monday, 'early').getByTestId('roster-person')).toHaveAttribute('data-check', 'none');

  // The same person on a second post of the same shift: the hub's conflict, in words.
  await pick(chief, 'shift-editor-post-select', '网格信息员');
  await choose(chief, 'shift-editor-person-select', '', /（平台值班长）/);
  await chief.getByTestId('shift-editor-assign').click();
  await expect(chief.getByTestId('shift-editor-error')).toHaveAttribute('data-code', 'E_CONFLICT');
  await expect(chief.getByTestId('shift-editor-error')).toContainText('排班冲突');
  await closeWithEscape(chief, editor);

  // Copy the week two weeks forward, then once more: the second copy conflicts and copies nothing.
  await chief.getByTestId('roster-copy').click();
  await chief.getByTestId('copy-week').getByRole('spinbutton').fill('2');
  await expect(chief.getByTestId('copy-week-summary')).toContainText(addDays(monday, 7));
  await chief.getByTestId('copy-week-ok').click();
  await expect(chief.getByText('已复制 2 条排班')).toBeVisible();
  await chief.getByTestId('roster-next').click();
  await expect(cell(addDays(monday, 7), 'early').getByTestId('roster-person')).toHaveAttribute(
    'data-user',
    userId ?? '',
  );
  await chief.getByTestId('roster-prev').click();
  await chief.getByTestId('roster-copy').click();
  await chief.getByTestId('copy-week-ok').click();
  await expect(chief.getByTestId('copy-week-error')).toContainText('未复制任何排班');
  await closeWithEscape(chief, chief.getByTestId('copy-week-ok'));

  // The month view names the chief of the day; a click goes back to that day's week.
  await chief.getByTestId('roster-view').getByText('月视图').click();
  const day = chief.locator(`[data-testid="roster-month-day"][data-date="${monday}"]`);
  await expect(day.locator('[data-testid="roster-month-shift"][data-shift="early"]')).toHaveAttribute(
    'data-chief',
    userId ?? '',
  );
  await day.click();
  await expect(chief.getByTestId('roster-week')).toHaveAttribute('data-monday', monday);

  // Take them off again, in all three weeks.
  for (const date of [monday, addDays(monday, 7), addDays(monday, 14)]) {
    const week = await chief.getByTestId('roster-week').getAttribute('data-monday');
    if (week !== date) await chief.getByTestId('roster-next').click();
    await expect(chief.getByTestId('roster-week')).toHaveAttribute('data-monday', date);
    await cell(date, 'early').click();
    await chief.getByTestId('shift-editor-remove').click();
    await chief.locator('.ant-popconfirm:visible .ant-btn-primary').click();
    await expect(chiefPost.getByTestId('roster-person')).toHaveCount(0);
    await closeWithEscape(chief, editor);
    await expect(cell(date, 'early').getByTestId('roster-person')).toHaveCount(0);
  }

  // The pattern: a gap in the center's 7×24 is refused with the hub's reason; a rename is saved and undone.
  await chief.getByTestId('pattern-open').click();
  const drawer = chief.getByTestId('pattern-drawer');
  const early = drawer.locator('[data-testid="pattern-row"][data-code="early"]');
  await early.getByTestId('pattern-end').fill('15:00');
  await chief.getByTestId('pattern-save').click();
  await expect(chief.getByTestId('pattern-error')).toContainText('没有值班班次');
  await early.getByTestId('pattern-end').fill('16:00');
  await early.getByTestId('pattern-name').fill('白班');
  await chief.getByTestId('pattern-save').click();
  await expect(chief.getByTestId('pattern-error')).toHaveCount(0);
  await expect(chief.getByText('已保存')).toBeVisible();
  await expect(chief.getByTestId('roster-week')).toContainText('白班');
  // The editor shows what was saved (not the pattern before it) as soon as the save is done.
  await expect(early.getByTestId('pattern-name')).toHaveValue('白班');
  await early.getByTestId('pattern-name').fill('早班');
  await chief.getByTestId('pattern-save').click();
  await expect(chief.getByTestId('roster-week')).not.toContainText('白班');
  await closeWithEscape(chief, drawer);

  // A station chief sees and edits only their own station.
  await openTab(station);
  await expect(station.getByTestId('roster-tab')).toHaveAttribute('data-unit', 'HQ-S1');
  await expect(station.getByTestId('roster-tab')).toHaveAttribute('data-editable', 'true');
  await expect(station.getByTestId('roster-unit')).toHaveCount(0);

  // A video monitor reads the center's roster (and the stations'), and cannot change it.
  await openTab(monitor);
  await expect(monitor.getByTestId('roster-tab')).toHaveAttribute('data-editable', 'false');
  await expect(monitor.getByTestId('roster-copy')).toHaveCount(0);
  await monitor.getByTestId('roster-cell').first().click();
  await expect(monitor.getByTestId('shift-editor')).toHaveCount(0);
  await pick(monitor, 'roster-unit', '第一联勤站');
  await expect(monitor.getByTestId('roster-tab')).toHaveAttribute('data-unit', 'HQ-S1');
  await expect(monitor.getByTestId('roster-week').getByTestId('roster-cell').first()).toBeVisible();
}
