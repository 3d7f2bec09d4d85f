/** Seeds the orders benchmark's database: two years of orders with their history, bulk-loaded. */
import path from 'node:path';
import Database from 'better-sqlite3';
import { FINISHED_STATES, type OrderState } from '../../common/domain/orders/states';
import { DB_FILE_NAME, openDatabase } from '../../main/db/connection';
import { orderGrams } from '../../main/services/orders/order-search';
import { seedReferenceData } from '../../main/services/org/seed';
import {
  DETAILS,
  DOMAIN_WEIGHTS,
  FINISHED,
  LEVELS,
  LIMIT_MINUTES,
  OPEN_STATES,
  PHRASES,
  pick,
  random,
  REPORTERS,
  REQUESTS,
  ROAD,
  ROADS,
  SOURCES,
  SPOTS,
  SURNAMES,
  URGENCY,
  weighted,
} from './orders-bench-data';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
const END = Date.UTC(2026, 10, 26, 2, 0, 0); // 2026-11-26 10:00 Beijing time
const START = END - 730 * DAY;
export const NOW = END + HOUR;

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

/** The seeded city's pickers: leaf categories (Zipf-like within a domain), workstations, departments. */
export function cityPickers(db: Database.Database) {
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

  return { categoryPick, workstationPick, departmentPick, domainOf };
}

export function seed1M(dataDir: string, orders: number): void {
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

  const { categoryPick, workstationPick, departmentPick, domainOf } = cityPickers(db);

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

  const times = creationTimes(orders);
  const perDay = new Map<string, number>();
  const BATCH = 50_000;
  let historyRows = 0;
  const started = Date.now();
  for (let from = 0; from < orders; from += BATCH) {
    db.transaction(() => {
      for (let i = from; i < Math.min(orders, from + BATCH); i++) {
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
    `seeded ${orders} orders, ${historyRows} history rows: load ${s(loaded - started)}, indexes ${s(indexed - loaded)}`,
  );
}

export function s(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
