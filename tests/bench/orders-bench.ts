/**
 * Benchmark of finding orders at a million orders.
 *
 *   node scripts/run-ts.mjs tests/bench/orders-bench.ts [--orders 1000000] [--runs 200] [--keep] [--db DIR]
 *
 * Seeds `--orders` work orders (default 1 000 000) with realistic distributions into a fresh
 * database in a temp folder (migrated by the real migrations), then prints p50/p95 over `--runs`
 * runs (default 200) of: a filtered, sorted first page through OrderQuery.list; the same page as
 * hand-written SQL, and the ratio; a full-text search for a two-character term; opening one order
 * with its history. `--db DIR` reuses a database seeded earlier with `--keep` (no reseeding);
 * without `--keep` the temp folder is deleted at the end. Needs no npm script: run-ts.mjs bundles
 * this file with esbuild and runs it under Node.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { OrderDetail, OrderFilter } from '../../common/contract';
import type { OrderState } from '../../common/domain/orders/states';
import { DB_FILE_NAME, openDatabase, type Db } from '../../main/db/connection';
import { OrderQuery, TOTAL_CAP, type OrderListInput } from '../../main/services/orders/order-query';
import { ORDER_COLUMNS, ORDER_FROM } from '../../main/services/orders/order-rows';
import { OrgRepo } from '../../main/services/org/org-repo';
import type { OrderActor } from '../../main/services/orders/actor';
import { OrdersService } from '../../main/services/orders/orders-service';
import { naturalSla, random } from './orders-bench-data';
import { DAY, NOW, seed1M } from './orders-bench-seed';

// ---------------------------------------------------------------------------------------------
// Arguments

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const ORDERS = Number(argValue('--orders') ?? 1_000_000);
const RUNS = Math.max(200, Number(argValue('--runs') ?? 200));
const KEEP = process.argv.includes('--keep');
const REUSE = argValue('--db');

// ---------------------------------------------------------------------------------------------
// Measuring

/** Opening one order as the drawer does: OrdersService.detail (history, attachments, supervision, actions). */
function detailLoader(db: Db): (id: number) => OrderDetail {
  const orders = new OrdersService(db, new OrgRepo(db), naturalSla, () => NOW);
  const chief: OrderActor = { id: null, name: 'bench', roles: ['duty_chief'], orgUnitId: 'HQ-C', stationId: null };
  return (id) => orders.detail(id, chief);
}

interface Stats {
  p50: number;
  p95: number;
  max: number;
}

function measure(runs: number, fn: (i: number) => unknown): Stats {
  for (let i = 0; i < 10; i++) fn(i); // warm-up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    fn(i);
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)] ?? NaN;
  return { p50: at(0.5), p95: at(0.95), max: times.at(-1) ?? NaN };
}

function line(label: string, st: Stats, goal?: number): void {
  const verdict = goal === undefined ? '' : st.p95 <= goal ? `  ✓ goal p95 ≤ ${goal} ms` : `  ✗ goal p95 ≤ ${goal} ms`;
  console.log(
    `${label.padEnd(58)} p50 ${st.p50.toFixed(2).padStart(7)} ms   p95 ${st.p95.toFixed(2).padStart(7)} ms   max ${st.max.toFixed(1).padStart(6)} ms${verdict}`,
  );
}

function plan(db: Db, sql: string, params: unknown[]): string {
  const rows = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[];
  return rows.map((r) => `    ${r.detail}`).join('\n');
}

function main(): void {
  const cpus = os.cpus();
  console.log('orders bench — finding orders at scale');
  console.log(
    `machine: ${cpus[0]?.model ?? 'unknown CPU'}, ${cpus.length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM; node ${process.version}`,
  );
  const dataDir = REUSE ?? fs.mkdtempSync(path.join(os.tmpdir(), 'cityops-bench-'));
  if (!REUSE) {
    console.log(`seeding ${ORDERS} orders into ${dataDir} …`);
    seed1M(dataDir, ORDERS);
  } else {
    console.log(`reusing ${dataDir}`);
  }
  const db = openDatabase(dataDir);
  try {
    // No ANALYZE / PRAGMA optimize: the hub does not run them, so the planner works without statistics.
    const file = path.join(dataDir, DB_FILE_NAME);
    const size = fs.statSync(file).size + (fs.existsSync(`${file}-wal`) ? fs.statSync(`${file}-wal`).size : 0);
    const counts = db
      .prepare(
        `SELECT (SELECT count(*) FROM orders) AS orders, (SELECT count(*) FROM orders WHERE closed_at IS NULL) AS open,
                (SELECT count(*) FROM order_history) AS history`,
      )
      .get() as { orders: number; open: number; history: number };
    console.log(
      `database: ${(size / 2 ** 20).toFixed(0)} MiB; ${counts.orders} orders (${((100 * counts.open) / counts.orders).toFixed(1)} % open), ${counts.history} history rows; SQLite ${(db.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v}`,
    );
    console.log(`runs: ${RUNS} per measurement (after 10 warm-up runs); times include mapping to OrderSummary\n`);

    const query = new OrderQuery(db, naturalSla, () => NOW);
    const center = { stationId: null };
    const openStates: OrderState[] = ['dispatched', 'handling', 'handled', 'verified', 'parked', 'return_pending'];
    const domains = ['01', '02', '04', '03', '05'];

    // (1) a filtered, sorted first page: domain + a set of states, newest first, 100 rows.
    const pageInput = (i: number): OrderListInput => ({
      filter: { domainId: domains[i % domains.length] ?? '01', states: openStates },
      sort: 'created_desc',
      cursor: null,
      limit: 100,
    });
    const page = measure(RUNS, (i) => query.list(pageInput(i), center));
    const sample = query.list(pageInput(0), center);

    // (2) the same page as hand-written SQL, no mapping, no count.
    const marks = openStates.map(() => '?').join(', ');
    const rawSql = `SELECT ${ORDER_COLUMNS} FROM ${ORDER_FROM}
      WHERE o.domain_id = ? AND o.state IN (${marks}) ORDER BY o.created_at DESC, o.id DESC LIMIT 100`;
    const rawStmt = db.prepare(rawSql);
    const raw = measure(RUNS, (i) => rawStmt.all(domains[i % domains.length], ...openStates));
    const countStmt = db.prepare(
      `SELECT count(*) AS n FROM (SELECT 1 FROM orders o WHERE o.domain_id = ? AND o.state IN (${marks}) LIMIT ${TOTAL_CAP + 1})`,
    );
    const rawWithCount = measure(RUNS, (i) => {
      const d = domains[i % domains.length];
      rawStmt.all(d, ...openStates);
      countStmt.get(d, ...openStates);
    });

    // (3) full-text search for a two-character term, first page, newest first.
    const search = measure(RUNS, () =>
      query.list({ filter: { text: '井盖' }, sort: 'created_desc', cursor: null, limit: 100 }, center),
    );
    const terms = ['井盖', '占道', '垃圾', '路灯', '护栏', '积水', '噪声', '违章'];
    const searchMix = measure(RUNS, (i) =>
      query.list(
        { filter: { text: terms[i % terms.length] ?? '井盖' }, sort: 'created_desc', cursor: null, limit: 100 },
        center,
      ),
    );
    const searchFound = query.list(
      { filter: { text: '井盖' }, sort: 'created_desc', cursor: null, limit: 100 },
      center,
    );

    // (4) opening one order with its history.
    const ids = Array.from({ length: RUNS + 10 }, () => 1 + Math.floor(random() * counts.orders));
    const loadDetail = detailLoader(db);
    const detail = measure(RUNS, (i) => loadDetail(ids[i % ids.length] ?? 1));
    const detailSample = loadDetail(ids[0] ?? 1);

    console.log('— goals —');
    line('(1) page: domain + 6 open states, created_desc, 100 rows', page, 10);
    line('(2) same page as raw SQL (rows only)', raw);
    line('    raw SQL page + the same capped count', rawWithCount);
    console.log(
      `    ratio OrderQuery.list / raw SQL: p50 ×${(page.p50 / raw.p50).toFixed(2)}, p95 ×${(page.p95 / raw.p95).toFixed(2)}` +
        `   (vs raw page + count: p50 ×${(page.p50 / rawWithCount.p50).toFixed(2)}, p95 ×${(page.p95 / rawWithCount.p95).toFixed(2)})`,
    );
    line('(3) full-text 井盖, first page of 100, created_desc', search, 50);
    line('(4) detail: one order with its history (OrdersService.detail)', detail, 5);
    console.log(
      `    sample: page ${sample.rows.length} rows of total ${sample.total}${sample.total >= TOTAL_CAP ? '+' : ''}; ` +
        `井盖 ${searchFound.rows.length} rows of total ${searchFound.total}${searchFound.total >= TOTAL_CAP ? '+' : ''}; ` +
        `detail ${detailSample.history.length} history rows, ${detailSample.actions.length} actions offered`,
    );

    console.log('\n— more first pages of 100 (information; 50 runs each, including the capped total) —');
    line('full-text, 8 two-character terms in turn', searchMix);
    const more: [string, OrderFilter, OrderListInput['sort']][] = [
      ['no filter, created_desc', {}, 'created_desc'],
      ['no filter, created_asc', {}, 'created_asc'],
      ['6 open states, created_desc', { states: openStates }, 'created_desc'],
      ['one state (return_pending), created_desc', { states: ['return_pending'] }, 'created_desc'],
      ['domain 02 + 井盖', { domainId: '02', text: '井盖' }, 'created_desc'],
      [
        'workstation + 井盖 (ids of the term against ws index)',
        { workstationId: 'HQ-W-HQ05', text: '井盖' },
        'created_desc',
      ],
      ['supervised + 井盖 (rare filter, FTS walks all hits)', { supervised: true, text: '井盖' }, 'created_desc'],
      ['占道经营 (four characters)', { text: '占道经营' }, 'created_desc'],
      ['light red', { light: 'red' }, 'created_desc'],
      ['light yellow', { light: 'yellow' }, 'created_desc'],
      ['light green', { light: 'green' }, 'created_desc'],
      ['station HQ-S1 + urgent', { stationId: 'HQ-S1', urgency: 'urgent' }, 'created_desc'],
      ['sub-category 02002 (with its items)', { categoryId: '02002' }, 'created_desc'],
      ['item 0200201 (井盖)', { categoryId: '0200201' }, 'created_desc'],
      [
        'workstation + domain + 6 open states',
        { workstationId: 'HQ-W-CL03', domainId: '01', states: openStates },
        'created_desc',
      ],
      ['department DEP-CG', { departmentId: 'DEP-CG' }, 'created_desc'],
      ['supervised (2 %, no index)', { supervised: true }, 'created_desc'],
      ['source open311 (1 %, no index)', { source: 'open311' }, 'created_desc'],
      [
        'domain 04 + one week a year ago',
        { domainId: '04', createdFrom: NOW - 365 * DAY, createdTo: NOW - 358 * DAY },
        'created_desc',
      ],
      ['domain 01, deadline_asc', { domainId: '01' }, 'deadline_asc'],
      ['井盖, deadline_asc', { text: '井盖' }, 'deadline_asc'],
    ];
    for (const [label, filter, sort] of more) {
      line(
        label,
        measure(50, () => query.list({ filter, sort, cursor: null, limit: 100 }, center)),
      );
    }
    // Paging deep: the 51st page by cursor costs what the first does (no count: it rides in the cursor).
    let cursor: string | null = null;
    for (let p = 0; p < 50; p++) {
      const r: { nextCursor: string | null } = query.list({ ...pageInput(0), cursor }, center);
      cursor = r.nextCursor;
    }
    line(
      "(1)'s filter, page 51 by cursor",
      measure(50, () => query.list({ ...pageInput(0), cursor }, center)),
    );

    // updated_desc rides on orders_updated (migration 0050).
    const updated: OrderListInput = { filter: { domainId: '01' }, sort: 'updated_desc', cursor: null, limit: 100 };
    line(
      'domain 01, updated_desc',
      measure(50, () => query.list(updated, center)),
    );

    console.log('\nquery plans (EXPLAIN QUERY PLAN):');
    const show = (label: string, input: OrderListInput) =>
      console.log(
        `  ${label}\n${query
          .explain(input, center)
          .map((d) => `    ${d}`)
          .join('\n')}`,
      );
    show('(1) OrderQuery.list page', pageInput(0));
    console.log(`  (2) raw SQL\n${plan(db, rawSql, ['01', ...openStates])}`);
    show('(3) full text 井盖', { filter: { text: '井盖' }, sort: 'created_desc', cursor: null, limit: 100 });
  } finally {
    db.close();
    if (!KEEP && !REUSE) fs.rmSync(dataDir, { recursive: true, force: true });
    else console.log(`\nkept ${dataDir}`);
  }
}

main();
