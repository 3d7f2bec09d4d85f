import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import zhCN from '../../renderer/src/i18n/zh-CN';

const ROOT = path.resolve(__dirname, '../..');

/**
 * Keys the console looks up with a computed last part — t(`orders.light.${light}`), the part being
 * a code the hub sends or a value of a list — by prefix: 'any' for every key directly under it, or
 * the parts the code builds. Each prefix must really be used that way: the second test fails on a
 * prefix no template literal in the source starts with.
 */
const DYNAMIC: Readonly<Record<string, 'any' | readonly string[]>> = {
  'alerts.kind.': 'any',
  'attachments.kind.': 'any',
  'backups.kind.': ['daily', 'weekly', 'monthly', 'pre-upgrade', 'pre-restore'],
  'backups.health.fault.': ['full', 'readonly', 'io', 'corrupt'],
  'backups.restore.lost.': ['ordersCreated', 'ordersChanged', 'dutyLogEntries', 'auditRows'],
  'bigscreen.panel.': ['incident', 'situation', 'kpis', 'trends', 'domains'],
  'cameras.enabledFilter.': 'any',
  'cameras.export.': 'any',
  'cameras.form.playbackOption.': 'any',
  'cameras.import.ok.': 'any',
  'cameras.online.': 'any',
  'connection.': 'any',
  'contacts.kind.': 'any',
  'dashboard.chart.': ['green', 'yellow', 'red'],
  'diskWarning.folder.': ['data', 'backups'],
  'dashboard.kpi.': [
    ...['accepted', 'filed', 'closeRate', 'onTimeCloseRate', 'onTimeHandleRate', 'reworkRate', 'returnRate'],
    ...['inStationRate', 'handlingAverage', 'handlingP90', 'supervisions', 'supervisionReplyRate', 'satisfactionRate'],
  ],
  'duty.handover.': ['outgoing', 'incoming'],
  'duty.status.': 'any',
  'inbox.kind.': 'any',
  'inbox.notice.': 'any',
  'inbox.reportStatus.': ['soon', 'missed'],
  'inbox.request.': 'any',
  'incidentOrders.level.': 'any',
  'incidentPlans.field.': 'any',
  'incidents.alert.': 'any',
  'incidents.history.drill.': 'any',
  'incidents.history.state.': 'any',
  'incidents.reports.statuses.': 'any',
  'incidents.timeline.kinds.': 'any',
  'orders.action.': 'any',
  'orders.export.': 'any',
  'orders.light.': 'any',
  'orders.pending.': 'any',
  'orders.pendingDetail.': 'any',
  'orders.sort.': 'any',
  'org.departmentKind.': 'any',
  'org.kind.': 'any',
  'org.subtype.': 'any',
  'session.ended.': 'any',
  'sla.mode.': 'any',
  'supervision.count.': 'any',
  'wall.incident.level.': 'any',
  'wall.online.': 'any',
  'wall.state.': 'any',
};

/** Whether `key` is one a template literal builds: directly under a dynamic prefix, with an allowed part. */
function builtDynamically(key: string): boolean {
  return Object.entries(DYNAMIC).some(([prefix, parts]) => {
    if (!key.startsWith(prefix)) return false;
    const rest = key.slice(prefix.length);
    return !rest.includes('.') && (parts === 'any' || parts.includes(rest));
  });
}

/** Every leaf key path of the Chinese tree (en.ts has the same shape: its type is zh-CN's). */
function leafKeys(tree: unknown, at: readonly string[] = []): string[] {
  if (typeof tree === 'string') return [at.join('.')];
  return Object.entries(tree as Record<string, unknown>).flatMap(([k, v]) => leafKeys(v, [...at, k]));
}

/** The console's sources and the shared code it reads keys from, without the string tables. */
function sourceText(): string {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.tsx?$/.test(e.name)) files.push(p);
    }
  };
  walk(path.join(ROOT, 'renderer/src'));
  walk(path.join(ROOT, 'common'));
  const table = /renderer\/src\/i18n\/(zh-CN|en|[\w-]+\.(zh|en))\.ts$/;
  return files
    .filter((f) => !table.test(f.split(path.sep).join('/')))
    .map((f) => fs.readFileSync(f, 'utf8'))
    .join('\n');
}

const source = sourceText();
/** Whole keys written as string literals ('orders.act.done', "…", `…` without ${}). */
const literals = new Set([...source.matchAll(/['"`]([A-Za-z][\w-]*(?:\.[\w-]+)+)['"`]/g)].map((m) => m[1]));
/** The static start of template literals that build a key: `orders.light.${…}` gives "orders.light.". */
const templateHeads = new Set([...source.matchAll(/`([A-Za-z][\w-]*(?:\.[\w-]+)*\.)\$\{/g)].map((m) => m[1]));

describe('i18n keys', () => {
  it('every key of the string tables is referenced by some source file', () => {
    // i18next picks plural forms by suffix: `count_one` is looked up as t('…count', { count }).
    const base = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, '');
    const unused = leafKeys(zhCN).filter((key) => !literals.has(base(key)) && !builtDynamically(base(key)));
    expect(unused).toEqual([]);
  });

  it('every allowed dynamic prefix is really used to build keys', () => {
    expect(Object.keys(DYNAMIC).filter((p) => !templateHeads.has(p))).toEqual([]);
  });
});
