/**
 * Benchmark of the overview's and the dashboard's queries at a million orders (issue 14).
 *
 *   npm run bench:kpi -- [--orders 1000000] [--runs 30] [--budget-s 60] [--only overview|dashboard]
 *                        [--rebuild] [--build-max-s 1800] [--cache DIR]
 *
 * Builds (once) a database of `--orders` orders over KPI_DAYS days (kpi-bench-seed.ts), cached under
 * `<tmp>/cityops-kpi-bench/d<data version>-<orders>/` so reruns skip the build: a database of an older
 * schema is migrated forward on open, one of a newer schema is built again, `--rebuild` builds again.
 * The build is bounded: at most 2 000 000 orders, and it stops past `--build-max-s` (default 1800 s).
 * Then times every query behind `overview.get` (together and one by one) and behind `dashboard.get`
 * for a 30-day and a 365-day period, for the center and one station: up to `--runs` runs each, fewer
 * when `--budget-s` seconds per line run out (at least 3; one when a single run takes a third of the
 * budget), and prints p50/p95 against the goals. The dashboard reads the kept facts (order_facts) of
 * every order its two periods touch — at 365 days every order. The machine's load changes the
 * numbers; tests never assert them.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { DashboardFilter } from '../../common/contract';
import { dayStart, shanghaiDay } from '../../common/domain/time';
import { DB_FILE_NAME, openDatabase, type Db } from '../../main/db/connection';
import { MIGRATIONS } from '../../main/db/migrations';
import { openDashboard } from '../../main/api/handlers/dashboard-handlers';
import type { DashboardService } from '../../main/services/dashboard/dashboard-service';
import { OrgRepo } from '../../main/services/org/org-repo';
import { DEFAULT_CHIEF_OPTIONS } from '../../main/config-kpi';
import { DAY, NOW } from './orders-bench-seed';
import { KPI_DAYS, seedKpi } from './kpi-bench-seed';
import { dashboardParts, overviewParts, type Part } from './kpi-bench-parts';

/** Bump when the seed's data changes, so that a cached database is built again. */
const DATA_VERSION = 1;
const MAX_ORDERS = 2_000_000;

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const ORDERS = Math.min(MAX_ORDERS, Number(argValue('--orders') ?? 1_000_000));
const RUNS = Math.max(3, Number(argValue('--runs') ?? 30));
const BUDGET_MS = 1000 * Number(argValue('--budget-s') ?? 60);
const BUILD_MAX_MS = 1000 * Number(argValue('--build-max-s') ?? 1800);
/** `overview` or `dashboard`: time only that call's queries. */
const ONLY = argValue('--only');
const CACHE_ROOT = argValue('--cache') ?? path.join(os.tmpdir(), 'cityops-kpi-bench');

interface Stats {
  n: number;
  /** the fastest run: what the query costs when the machine lends it a whole core */
  min: number;
  p50: number;
  p95: number;
}

/**
 * Up to RUNS timed runs after one warm-up, fewer when the budget runs out (never fewer than 3); a call
 * that alone takes a third of the budget is timed once (its first run, no warm-up).
 */
function measure(fn: () => unknown): Stats {
  const times: number[] = [];
  const time = () => {
    const t0 = process.hrtime.bigint();
    fn();
    return Number(process.hrtime.bigint() - t0) / 1e6;
  };
  const first = time();
  if (first > BUDGET_MS / 3) return { n: 1, min: first, p50: first, p95: first };
  const started = Date.now();
  while (times.length < RUNS && (times.length < 3 || Date.now() - started < BUDGET_MS)) times.push(time());
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)] ?? NaN;
  return { n: times.length, min: times[0] ?? NaN, p50: at(0.5), p95: at(0.95) };
}

const ms = (v: number) => (Number.isNaN(v) ? '—' : v >= 100 ? v.toFixed(0) : v.toFixed(2)).padStart(8);

function line(label: string, st: Stats, goal?: number): void {
  const verdict = goal === undefined ? '' : `   goal p95 ≤ ${goal} ms: ${st.p95 <= goal ? 'met' : 'NOT met'}`;
  console.log(
    `  ${label.padEnd(58)} min ${ms(st.min)}  p50 ${ms(st.p50)}  p95 ${ms(st.p95)} ms  (n ${st.n})${verdict}`,
  );
}

/** The schema version (PRAGMA user_version) of a built database, 0 when there is none. */
function builtVersion(dir: string): number {
  if (!fs.existsSync(path.join(dir, 'complete'))) return 0;
  const db = new Database(path.join(dir, DB_FILE_NAME), { readonly: true });
  try {
    return Number(db.pragma('user_version', { simple: true }));
  } finally {
    db.close();
  }
}

/**
 * The cached database's folder, built when missing (a half-built one has no `complete` mark). It is
 * keyed by the seed's data version and size; its schema version is checked: an older one is migrated
 * forward by the real migrations when opened (as a hub's database is), a newer one is built again.
 */
function database(): string {
  const schema = MIGRATIONS.at(-1)?.version ?? 0;
  const dir = path.join(CACHE_ROOT, `d${DATA_VERSION}-${ORDERS}`);
  const built = builtVersion(dir);
  if (built > 0 && built <= schema && !process.argv.includes('--rebuild')) {
    console.log(
      `reusing the database built earlier in ${dir} (schema ${built}${built < schema ? `, migrating to ${schema}` : ''})`,
    );
    return dir;
  }
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  console.log(`building ${ORDERS} orders over ${KPI_DAYS} days into ${dir} (schema ${schema}) …`);
  const started = Date.now();
  const stats = seedKpi(dir, ORDERS, (progress) => {
    const spent = Date.now() - started;
    if (spent > BUILD_MAX_MS) throw new Error(`the build ran past ${BUILD_MAX_MS / 1000} s; stopped`);
    console.log(`${progress}, ${(spent / 1000).toFixed(0)} s`);
  });
  fs.writeFileSync(path.join(dir, 'complete'), JSON.stringify(stats));
  console.log(
    `built in ${((Date.now() - started) / 1000).toFixed(0)} s: ${stats.history} history rows, ${stats.drillOrders} drill orders`,
  );
  return dir;
}

function describe(db: Db, dir: string): void {
  const cpus = os.cpus();
  console.log(
    `machine: ${cpus[0]?.model ?? 'unknown CPU'}, ${cpus.length} cores, load ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(
        ' ',
      )}; node ${process.version}; SQLite ${(db.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v}`,
  );
  const c = db
    .prepare(
      `SELECT (SELECT count(*) FROM orders) AS orders, (SELECT count(*) FROM orders WHERE closed_at IS NULL) AS open,
              (SELECT count(*) FROM order_history) AS history,
              (SELECT count(*) FROM orders WHERE closed_at IS NULL AND deadline_at <= @now) AS overdue`,
    )
    .get({ now: NOW }) as Record<string, number>;
  const size = fs.statSync(path.join(dir, DB_FILE_NAME), { throwIfNoEntry: false })?.size ?? 0;
  console.log(
    `database: ${c.orders} orders (${c.open} open, ${c.overdue} overdue), ${c.history} history rows, ${(size / 2 ** 20).toFixed(0)} MiB`,
  );
  console.log(`runs: up to ${RUNS} per line after one warm-up, at most ${BUDGET_MS / 1000} s per line\n`);
}

function dashboardService(db: Db): DashboardService {
  return openDashboard({ db, org: new OrgRepo(db), clock: () => NOW, chief: DEFAULT_CHIEF_OPTIONS });
}

function runParts(title: string, parts: readonly Part[], total: () => unknown, goal?: number): Stats {
  console.log(title);
  for (const p of parts) line(p.label, measure(p.run));
  const all = measure(total);
  line('together (the whole call)', all, goal);
  return all;
}

function main(): void {
  const dir = database();
  const db = openDatabase(dir);
  try {
    describe(db, dir);
    const summary: [string, Stats, number | undefined][] = [];
    const ov = overviewParts(db, () => NOW);
    for (const [scope, viewer] of ONLY === 'dashboard' ? [] : ov.viewers) {
      const st = runParts(`overview.get — ${scope}`, ov.parts(viewer), () => ov.service.get(viewer), 50);
      summary.push([`overview.get, ${scope}`, st, 50]);
    }
    const service = dashboardService(db);
    const to = dayStart(shanghaiDay(NOW) + 1);
    const department = db
      .prepare("SELECT handler_id FROM orders WHERE handler_kind = 'department' GROUP BY 1 ORDER BY count(*) DESC")
      .pluck()
      .get() as string;
    // The whole scope, then the center narrowed by each of the dashboard's filters (one at a time).
    const cases: [string, { stationId: string | null }, Omit<DashboardFilter, 'from' | 'to'>][] = [
      ['center', { stationId: null }, {}],
      ['station HQ-S1', { stationId: 'HQ-S1' }, {}],
      ['center, domain 02', { stationId: null }, { domainId: '02' }],
      ['center, source hotline', { stationId: null }, { source: 'hotline' }],
      ['center, workstation HQ-W-HQ01', { stationId: null }, { workstationId: 'HQ-W-HQ01' }],
      [`center, department ${department}`, { stationId: null }, { departmentId: department }],
    ];
    for (const days of ONLY === 'overview' ? [] : [30, 365]) {
      const goal = days === 30 ? 100 : 500;
      for (const [scope, viewer, filter] of cases) {
        const input = { from: to - days * DAY, to, ...filter };
        const label = `dashboard.get ${days} days, ${scope}`;
        const parts = dashboardParts(db, input, viewer, NOW);
        const st = runParts(`dashboard.get — ${days} days, ${scope}`, parts, () => service.get(input, viewer), goal);
        summary.push([label, st, goal]);
      }
    }
    if (ONLY !== 'overview') {
      // Two filters at once: the counts are kept for one at a time, so the kept facts answer it.
      const input = { from: to - 30 * DAY, to, domainId: '02', source: 'hotline' as const };
      const label = 'dashboard.get 30 days, domain + source (kept facts)';
      const st = runParts(label, [], () => service.get(input, { stationId: null }));
      summary.push([label, st, undefined]);
    }
    console.log('\nsummary (p95 against the goal):');
    for (const [label, st, goal] of summary) line(label, st, goal);
  } finally {
    db.close();
  }
}

main();
