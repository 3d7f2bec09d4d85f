import Database from 'better-sqlite3';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, login, test } from './fixtures';

/**
 * Issue 12 item 8, the other way round: the English console shows no Chinese but data. Each main role
 * signs in, switches to English and opens every workspace of its menu; the page's Chinese runs must
 * all be data people or the seed typed (names of people, places, cameras, categories without an
 * English name, order titles, notes…), read from the hub's database. Words the console or the hub
 * wrote — labels, audit rows, timeline entries, shift names — must be English.
 */
const ROLES = ['admin', 'chief', 'monitor', 'grid', 'hotline', 'station', 'coord'];

/**
 * Columns holding data as typed (or seeded), never words the hub composed. Duty log system entries
 * are the one kind of stored prose still listed: they are sealed into the ledger as written, and
 * worded in the console from a detail only in a later step.
 */
const DATA_SQL = [
  'SELECT name FROM org_units',
  'SELECT display_name FROM users',
  'SELECT name FROM cameras',
  // Names of objects deleted since (a camera, a view): the audit row keeps the name as it was, as data.
  "SELECT json_extract(detail, '$.params.name') FROM audit_log WHERE json_valid(detail)",
  'SELECT tags FROM cameras',
  "SELECT name FROM categories WHERE name_en IS NULL OR name_en = ''",
  'SELECT name FROM departments',
  'SELECT name FROM contacts',
  'SELECT title FROM contacts',
  'SELECT note FROM contacts',
  'SELECT name FROM api_keys',
  'SELECT name FROM attachments',
  'SELECT name FROM calendar_days',
  'SELECT items FROM duty_checklists',
  'SELECT text FROM duty_log_entries',
  'SELECT author_name FROM duty_log_entries',
  'SELECT text FROM incident_checklist',
  'SELECT name FROM incident_plans',
  'SELECT levels FROM incident_plans',
  'SELECT text FROM incident_reports',
  'SELECT name FROM incidents',
  'SELECT situation FROM incidents',
  'SELECT commander_name FROM incidents',
  'SELECT summary FROM incidents',
  'SELECT contact_name FROM incident_notifications',
  'SELECT contact_title FROM incident_notifications',
  'SELECT note FROM incident_notifications',
  'SELECT confirm_note FROM incident_notifications',
  'SELECT by_name FROM incident_timeline',
  "SELECT text FROM incident_timeline WHERE kind = 'note'",
  'SELECT reason FROM order_history',
  'SELECT note FROM order_supervisions',
  'SELECT reply FROM order_supervisions',
  'SELECT title FROM orders',
  'SELECT description FROM orders',
  'SELECT address FROM orders',
  'SELECT reporter_name FROM orders',
  'SELECT handler_name FROM orders',
  'SELECT user_name FROM roster_assignments',
  'SELECT name FROM wall_tours',
  'SELECT name FROM wall_views',
  'SELECT user_name FROM duty_handover_signatures',
];

function dataText(dataDir: string): string {
  const db = new Database(path.join(dataDir, 'cityops.sqlite'), { readonly: true });
  try {
    db.pragma('busy_timeout = 5000');
    return DATA_SQL.flatMap((sql) => db.prepare(sql).pluck().all() as (string | null)[])
      .filter((v): v is string => typeof v === 'string')
      .join('\n');
  } finally {
    db.close();
  }
}

/** The language switch names Chinese in Chinese, as language pickers do. */
const ALLOWED = ['中文'];

/** The lines of the page with a run of Chinese characters that no data contains. */
function notData(text: string, data: string): string[] {
  const lines = text
    .split('\n')
    .filter((line) =>
      (line.match(/\p{Script=Han}+/gu) ?? []).some((run) => !ALLOWED.includes(run) && !data.includes(run)),
    );
  return [...new Set(lines.map((line) => line.trim().slice(0, 120)))];
}

async function settled(page: Page): Promise<void> {
  await expect(page.getByTestId('workspace-title')).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('.ant-spin-spinning')).toHaveCount(0, { timeout: 30_000 });
  await expect(page.locator('.ant-skeleton-active')).toHaveCount(0, { timeout: 30_000 });
}

for (const username of ROLES) {
  test(`${username}: every workspace of the English console shows Chinese only as data`, async ({ page, shell }) => {
    test.setTimeout(240_000);
    await page.setViewportSize({ width: 1440, height: 900 });
    await login(page, shell.url, username);
    await expect(page.getByTestId('status-bar')).toBeVisible({ timeout: 30_000 });
    await page.getByTestId('language-switch').getByText('EN', { exact: true }).click();
    try {
      await expect(page.getByTestId('nav-account')).toContainText(/[A-Za-z]/);
      const items = page.getByTestId('nav').locator('[data-testid^="nav-"]:not([data-testid$="-count"])');
      const ids = await items.evaluateAll((els) => els.map((e) => e.getAttribute('data-testid') ?? ''));
      expect(ids.length).toBeGreaterThan(3);
      const seen: { id: string; text: string }[] = [];
      for (const id of ids) {
        await page.getByTestId(id).click();
        await settled(page);
        seen.push({ id, text: await page.locator('body').innerText() });
      }
      const data = dataText(shell.dataDir);
      const found = seen
        .map(({ id, text }) => ({ id, chinese: notData(text, data) }))
        .filter((s) => s.chinese.length > 0);
      expect(found).toEqual([]);
    } finally {
      // The language is the user's, kept by the hub: later specs expect these users in Chinese.
      await page.getByTestId('language-switch').getByText('中文', { exact: true }).click();
      await expect(page.getByTestId('nav-account')).toContainText(/\p{Script=Han}/u);
    }
  });
}
