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
import Database from 'better-sqlite3';
import type { OrderFilter } from '../../common/contract';
import { FINISHED_STATES, type OrderState, type Urgency } from '../../common/domain/orders/states';
import { DB_FILE_NAME, openDatabase, type Db } from '../../main/db/connection';
import { OrderQuery, TOTAL_CAP, type OrderListInput } from '../../main/services/orders/order-query';
import { ORDER_COLUMNS, ORDER_FROM } from '../../main/services/orders/order-rows';
import { orderGrams } from '../../main/services/orders/order-search';
import type { ClockMarks, SlaClock } from '../../main/services/orders/sla-port';
import { seedReferenceData } from '../../main/services/org/seed';
import { OrgRepo } from '../../main/services/org/org-repo';
import type { OrderActor } from '../../main/services/orders/actor';
import { OrdersService } from '../../main/services/orders/orders-service';
import type { OrderDetail } from '../../common/contract';

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
// Deterministic randomness

let seed = 20261126;
function random(): number {
  // mulberry32
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
function pick<T>(items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}
/** A picker over weighted items. */
function weighted<T>(entries: readonly (readonly [T, number])[]): () => T {
  const total = entries.reduce((s, [, w]) => s + w, 0);
  const cumulative: number[] = [];
  let acc = 0;
  for (const [, w] of entries) cumulative.push((acc += w / total));
  return () => {
    const r = random();
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] ?? 1) < r) lo = mid + 1;
      else hi = mid;
    }
    const entry = entries[lo];
    if (!entry) throw new Error('weighted pick out of range');
    return entry[0];
  };
}

// ---------------------------------------------------------------------------------------------
// Realistic content

/** Problem phrases by category id (a leaf of the seed's tree); the category name is the fallback. */
const PHRASES: Record<string, readonly string[]> = {
  '01001': ['店招店牌破损', '招牌脱落有安全隐患', '广告招牌歪斜松动'],
  '01002': ['商户跨门营业', '水果店占道经营', '早餐摊占道经营', '跨门经营堆放货物'],
  '01003': ['暴露垃圾未清运', '建筑垃圾乱倒', '生活垃圾满溢', '垃圾堆放发出异味'],
  '01004': ['道路脏乱', '路面油污严重', '落叶堆积未清扫'],
  '01005': ['建筑立面破损', '外墙瓷砖脱落'],
  '01006': ['绿地被占用种菜', '毁绿种菜'],
  '01007': ['施工扬尘严重', '夜间施工噪声扰民', '渣土车撒落'],
  '01008': ['沿街乱晾晒', '护栏上晾晒衣物'],
  '01009': ['墙面乱涂写'],
  '01010': ['电线杆乱招贴'],
  '01011': ['公共设施乱刻画'],
  '01012': ['小广告张贴', '乱发小广告'],
  '0101301': ['树木倒伏', '树枝折断挡路', '行道树枯死'],
  '0101302': ['单位绿化损毁'],
  '0101303': ['小区绿化被毁'],
  '0101304': ['河道绿化损毁'],
  '0101305': ['公共绿地被踩踏'],
  '0101306': ['绿地景观设施损坏'],
  '01014': ['新建违章建筑', '屋顶违章搭建'],
  '01015': ['破墙开店'],
  '01016': ['遛狗不牵绳', '随意焚烧垃圾'],
  '0200101': ['路名牌破损'],
  '0200102': ['人行道护栏损坏'],
  '0200103': ['机非隔离栏倒伏'],
  '0200104': ['路中隔离设施损坏'],
  '0200105': ['绿地护栏缺失'],
  '0200106': ['路灯不亮', '路灯杆倾斜'],
  '0200107': ['盲道被占用', '无障碍坡道损坏'],
  '0200201': ['井盖缺失', '井盖破损', '井盖松动异响', '雨水井盖移位', '窨井盖下沉'],
  '0200202': ['邮筒破损'],
  '0200203': ['路灯不亮', '路灯灯罩脱落'],
  '0200204': ['消防栓漏水', '消防栓被撞'],
  '0200301': ['公厕导向牌缺失'],
  '0200302': ['垃圾箱房破损', '垃圾箱房门损坏'],
  '0200303': ['废物箱缺失', '垃圾桶盖子缺失', '废物箱满溢'],
  '03001': ['擅自改建', '违规拆除承重墙'],
  '03002': ['楼道堆物', '占用小区公共部分'],
  '03003': ['违章建筑拆除'],
  '0400101': ['交通标志缺失', '限速标志倒伏'],
  '0400102': ['交通标线模糊'],
  '0400103': ['信号灯故障', '红绿灯不亮'],
  '04002': ['车辆乱停放', '非机动车乱停放占用人行道', '共享单车堆积'],
  '0400301': ['黑车无证运营'],
  '0400302': ['三轮车无证运营'],
  '0400401': ['人行道板缺失'],
  '0400402': ['人行道板沉陷'],
  '0400403': ['人行道板撬动'],
  '05002': ['无证食品加工点'],
  '05003': ['非法行医'],
  '05004': ['无证废品收购'],
  '05005': ['无证餐饮', '无证小吃摊'],
  '05006': ['电瓶车楼道充电', '消防通道堵塞'],
  '05007': ['流浪人员露宿', '精神异常人员滞留'],
  '0500801': ['自来水管爆裂', '路面冒水'],
  '0500802': ['电线掉落', '电箱冒烟'],
  '0500803': ['煤气泄漏有气味'],
  '05009': ['树木倒伏砸车', '路面塌陷'],
};
const DOMAIN_WEIGHTS: Record<string, number> = { '01': 45, '02': 30, '03': 6, '04': 12, '05': 7 };
const ROADS = [
  '川沙路',
  '合庆路',
  '东川公路',
  '庆达路',
  '华夏东路',
  '朝阳路',
  '龚路路',
  '海天路',
  '沙川路',
  '勤奋路',
  '奚家路',
  '庆利路',
];
const SPOTS = ['门口', '路口', '东侧', '西侧', '菜场旁', '公交站旁', '小区门口', '桥下', '河边', '学校附近'];
const DETAILS = [
  '已持续数日',
  '影响居民出行',
  '存在安全隐患',
  '夜间尤为明显',
  '周边居民多次反映',
  '面积约十平方米',
  '影响市容',
];
const REQUESTS = ['请尽快处置', '请相关部门核实处理', '希望尽快解决', '请派人到现场查看'];
const REPORTERS = ['市民', '居民', '网格员巡查发现', '视频巡查发现', '村委反映', '热线来电'];
const SURNAMES = ['张', '王', '李', '陈', '杨', '顾', '陆', '沈', '朱', '徐'];

const OPEN_STATES = weighted<OrderState>([
  ['reported', 3],
  ['accepted', 5],
  ['filed', 5],
  ['dispatched', 15],
  ['handling', 45],
  ['return_pending', 2],
  ['parked', 10],
  ['handled', 10],
  ['verified', 5],
]);
const FINISHED = weighted<OrderState>([
  ['closed', 15],
  ['fed_back', 10],
  ['archived', 70],
  ['voided', 3],
  ['merged', 2],
]);
const SOURCES = weighted([
  ['video', 30],
  ['grid', 35],
  ['hotline', 20],
  ['village', 8],
  ['patrol', 6],
  ['open311', 1],
] as const);
const URGENCY = weighted<Urgency>([
  ['normal', 85],
  ['urgent', 12],
  ['critical', 3],
]);
const LEVELS = weighted([
  ['patrol', 80],
  ['joint', 15],
  ['linkage', 5],
] as const);
const LIMIT_MINUTES: Record<Urgency, number> = { normal: 5 * 24 * 60, urgent: 24 * 60, critical: 4 * 60 };
/** Path of history actions for each state (the first N steps); finished orders take the full road. */
const ROAD: readonly [string, OrderState][] = [
  ['create', 'reported'],
  ['accept', 'accepted'],
  ['file', 'filed'],
  ['dispatch', 'dispatched'],
  ['receive', 'handling'],
  ['complete', 'handled'],
  ['verify_pass', 'verified'],
  ['close', 'closed'],
  ['feedback', 'fed_back'],
  ['archive', 'archived'],
];

/** Natural-time SLA clock for the bench (the real one lives in main/services/sla). */
const naturalSla: SlaClock = {
  start: (at, _category, urgency) => {
    const m = LIMIT_MINUTES[urgency];
    return { limitMinutes: m, mode: 'natural', warnAt: at + m * 48_000, deadlineAt: at + m * 60_000 };
  },
  resume: (marks, pausedAt, resumedAt) => ({
    ...marks,
    warnAt: marks.warnAt + resumedAt - pausedAt,
    deadlineAt: marks.deadlineAt + resumedAt - pausedAt,
  }),
  extend: (marks, extra) => ({
    ...marks,
    limitMinutes: marks.limitMinutes + extra,
    deadlineAt: marks.deadlineAt + extra * 60_000,
  }),
  timeUsed: (marks: ClockMarks, now, pausedAt) => {
    const span = marks.limitMinutes * 60_000;
    return ((pausedAt ?? now) - (marks.deadlineAt - span)) / span;
  },
};

// ---------------------------------------------------------------------------------------------
// Seeding

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const END = Date.UTC(2026, 10, 26, 2, 0, 0); // 2026-11-26 10:00 Beijing time
const START = END - 730 * DAY;
const NOW = END + HOUR;

function shanghaiDay(ms: number): string {
  return new Date(ms + 8 * HOUR).toISOString().slice(0, 10).replaceAll('-', '');
}

/** Creation times over two years, sorted, busier in the daytime (Beijing time). */
function creationTimes(n: number): Float64Array {
  const times = new Float64Array(n);
  for (let i = 0; i < n;) {
    const t = START + random() * (END - START);
    const hour = Math.floor((t + 8 * HOUR) / HOUR) % 24;
    const busy = hour >= 7 && hour <= 20 ? 1 : 0.25;
    if (random() < busy) times[i++] = Math.floor(t);
  }
  return times.sort();
}

/** Probability that an order of this age is still open: ~8 % open overall, mostly recent ones. */
function openProbability(ageMs: number): number {
  if (ageMs < 3 * DAY) return 0.85;
  if (ageMs < 14 * DAY) return 0.4;
  if (ageMs < 60 * DAY) return 0.2;
  return 0.06;
}

function seed1M(dataDir: string): void {
  // Migrate and load the reference data with the real code, then bulk-load over a plain connection.
  const migrated = openDatabase(dataDir);
  seedReferenceData(migrated);
  migrated.pragma('journal_mode = DELETE');
  migrated.close();

  const db = new Database(path.join(dataDir, DB_FILE_NAME));
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -400000');
  db.pragma('temp_store = MEMORY');

  const categories = db.prepare('SELECT id, parent_id AS parentId, name FROM categories').all() as {
    id: string;
    parentId: string | null;
    name: string;
  }[];
  const hasChildren = new Set(categories.map((c) => c.parentId));
  const leaves = categories.filter((c) => c.parentId !== null && !hasChildren.has(c.id));
  const domainOf = (id: string) => id.slice(0, 2);
  // Within a domain, the first leaves (the common problems) are more frequent (Zipf-like).
  const categoryPick = weighted(
    leaves.map((c, i) => {
      const rank = leaves.filter((x, j) => j < i && domainOf(x.id) === domainOf(c.id)).length + 1;
      return [c, (DOMAIN_WEIGHTS[domainOf(c.id)] ?? 1) / Math.pow(rank, 0.8) / harmonic(domainOf(c.id))] as const;
    }),
  );
  function harmonic(domain: string): number {
    const n = leaves.filter((x) => domainOf(x.id) === domain).length;
    let h = 0;
    for (let r = 1; r <= n; r++) h += 1 / Math.pow(r, 0.8);
    return h;
  }
  const workstations = db
    .prepare(
      `SELECT w.id, w.name, w.parent_id AS gridId, g.station_id AS stationId
       FROM org_units w JOIN org_units g ON g.id = w.parent_id WHERE w.kind = 'workstation' ORDER BY w.sort`,
    )
    .all() as { id: string; name: string; gridId: string; stationId: string }[];
  const workstationPick = weighted(workstations.map((w, i) => [w, 1 / Math.pow(i + 1, 0.3)] as const));
  const departments = (
    db.prepare('SELECT id, name FROM departments ORDER BY sort').all() as { id: string; name: string }[]
  ).map((d, i) => [d, 1 / (i + 1)] as const);
  const departmentPick = weighted(departments);

  // Indexes are built after the bulk load (faster than maintaining them row by row).
  const indexes = db
    .prepare(
      "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ('orders', 'order_history')",
    )
    .all() as { name: string; sql: string }[];
  for (const ix of indexes) db.exec(`DROP INDEX ${ix.name}`);
  db.exec('DROP TRIGGER order_history_no_update; DROP TRIGGER order_history_no_delete');

  const insertOrder = db.prepare(
    `INSERT INTO orders (id, code, title, description, category_id, domain_id, workstation_id, grid_id, address,
       lat, lng, source, reporter_name, reporter_phone, urgency, response_level, state, previous_state,
       handler_kind, handler_id, handler_name, station_id, rework_count, supervised, created_at, updated_at,
       closed_at, limit_minutes, limit_mode, warn_at, deadline_at, paused_at, alerted_yellow, alerted_red)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'natural', ?, ?, ?, ?, ?)`,
  );
  const insertFts = db.prepare('INSERT INTO orders_fts (rowid, grams) VALUES (?, ?)');
  const insertHistory = db.prepare(
    `INSERT INTO order_history (order_id, at, actor_name, action, from_state, to_state, reason)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );

  const times = creationTimes(ORDERS);
  const perDay = new Map<string, number>();
  const BATCH = 50_000;
  let historyRows = 0;
  const started = Date.now();
  for (let from = 0; from < ORDERS; from += BATCH) {
    db.transaction(() => {
      for (let i = from; i < Math.min(ORDERS, from + BATCH); i++) {
        const id = i + 1;
        const createdAt = times[i] ?? END;
        const day = shanghaiDay(createdAt);
        const seq = (perDay.get(day) ?? 0) + 1;
        perDay.set(day, seq);
        const code = `HQ${day}-${String(seq).padStart(4, '0')}`;

        const category = categoryPick();
        const ws = random() < 0.06 ? null : workstationPick();
        const stationId = ws ? ws.stationId : pick(['HQ-S1', 'HQ-S2']);
        const phrase = pick(PHRASES[category.id] ?? [`${category.name}问题`]);
        const road = pick(ROADS);
        const spot = pick(SPOTS);
        const place = ws ? ws.name : road;
        const title = `${place}${random() < 0.5 ? spot : road}${phrase}`;
        const source = SOURCES();
        let description = `${pick(REPORTERS)}：${road}${spot}${phrase}，${pick(DETAILS)}，${pick(REQUESTS)}。`;
        if (random() < 0.02) description += '附近雨水井盖周边有积水。';
        if (random() < 0.01) description += '有商户占道经营。';
        const address = `上海市浦东新区合庆镇${ws ? ws.name : ''}${road}${1 + Math.floor(random() * 999)}号`;
        const urgency = URGENCY();
        const open = random() < openProbability(END - createdAt);
        const state = open ? OPEN_STATES() : FINISHED();
        const m = LIMIT_MINUTES[urgency];
        const warnAt = createdAt + m * 48_000;
        const deadlineAt = createdAt + m * 60_000;
        const closedAt = open ? null : createdAt + Math.floor(HOUR + random() * m * 60_000 * 1.2);
        const pausedAt = state === 'parked' ? createdAt + Math.floor(random() * m * 48_000) : null;
        const steps =
          state === 'voided' || state === 'merged' ? 3 : Math.max(1, ROAD.findIndex(([, s]) => s === state) + 1);
        const dispatched = steps >= 4 || state === 'parked' || state === 'return_pending';
        const handlerKind = dispatched ? pick(['station', 'department', 'department', 'workstation'] as const) : null;
        let handlerId: string | null = null;
        let handlerName: string | null = null;
        if (handlerKind === 'department') {
          const d = departmentPick();
          handlerId = d.id;
          handlerName = d.name;
        } else if (handlerKind === 'station') {
          handlerId = stationId;
          handlerName = stationId === 'HQ-S1' ? '第一联勤站' : '第二联勤站';
        } else if (handlerKind === 'workstation' && ws) {
          handlerId = ws.id;
          handlerName = ws.name;
        }
        const updatedAt = closedAt ?? Math.min(NOW - 1, createdAt + Math.floor(random() * 2 * DAY));
        insertOrder.run(
          id,
          code,
          title,
          description,
          category.id,
          domainOf(category.id),
          ws?.id ?? null,
          ws?.gridId ?? null,
          address,
          31.19 + random() * 0.08,
          121.68 + random() * 0.1,
          source,
          source === 'hotline' ? `${pick(SURNAMES)}先生` : null,
          source === 'hotline' ? `139${String(Math.floor(random() * 1e8)).padStart(8, '0')}` : null,
          urgency,
          LEVELS(),
          state,
          null,
          handlerId ? handlerKind : null,
          handlerId,
          handlerName,
          stationId,
          random() < 0.04 ? 1 : 0,
          random() < 0.02 ? 1 : 0,
          createdAt,
          updatedAt,
          closedAt,
          m,
          warnAt,
          deadlineAt,
          pausedAt,
          0,
          0,
        );
        insertFts.run(id, orderGrams({ title, description, address, code }));

        // History: the road to the current state (4–8 rows for most finished orders).
        const rows = FINISHED_STATES.includes(state) ? Math.min(ROAD.length, 4 + Math.floor(random() * 5)) : steps;
        const end = closedAt ?? updatedAt;
        let previous: OrderState | null = null;
        for (let h = 0; h < rows; h++) {
          const [action, to] = ROAD[h] ?? ['archive', 'archived'];
          const toState = h === rows - 1 && !open ? state : to;
          insertHistory.run(
            id,
            createdAt + Math.floor(((end - createdAt) * h) / rows),
            `${pick(SURNAMES)}${pick(['伟', '芳', '敏', '静', '磊', '洋'])}`,
            h === rows - 1 && state === 'voided' ? 'void' : h === rows - 1 && state === 'merged' ? 'merge' : action,
            previous,
            toState,
            h === 0 ? null : pick([null, null, '按流程办理', '已到现场核实']),
          );
          previous = toState;
          historyRows++;
        }
      }
    })();
    if ((from / BATCH) % 4 === 3) {
      process.stdout.write(`  … ${from + BATCH} orders, ${Math.round((Date.now() - started) / 1000)} s\n`);
    }
  }
  const loaded = Date.now();
  for (const ix of indexes) db.exec(ix.sql);
  db.exec(`CREATE TRIGGER order_history_no_update BEFORE UPDATE ON order_history
           BEGIN SELECT RAISE(ABORT, 'order_history is append-only'); END;
           CREATE TRIGGER order_history_no_delete BEFORE DELETE ON order_history
           BEGIN SELECT RAISE(ABORT, 'order_history is append-only'); END;`);
  const indexed = Date.now();
  db.pragma('journal_mode = WAL');
  db.close();
  console.log(
    `seeded ${ORDERS} orders, ${historyRows} history rows: load ${s(loaded - started)}, indexes ${s(indexed - loaded)}`,
  );
}

function s(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

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
    seed1M(dataDir);
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
