/**
 * Seeds the KPI benchmark's database: `orders` orders over KPI_DAYS days with lives the KPIs read
 * (dispatch, handling, rework, returns, parking, 督办, 回访, voids and merges), a few open drill
 * incidents with linked orders, bulk-loaded through prepared statements in large transactions.
 */
import path from 'node:path';
import { rebuildOrderFacts } from '../../main/services/orders/order-facts-store';
import Database from 'better-sqlite3';
import { FINISHED_STATES, type OrderState } from '../../common/domain/orders/states';
import { DB_FILE_NAME, openDatabase } from '../../main/db/connection';
import { seedReferenceData } from '../../main/services/org/seed';
import { stepsOf, withSupervisionDue, type HandlerKind, type Life } from './kpi-bench-history';
import {
  FINISHED,
  LEVELS,
  LIMIT_MINUTES,
  OPEN_STATES,
  pick,
  random,
  SOURCES,
  SURNAMES,
  URGENCY,
  weighted,
} from './orders-bench-data';
import { cityPickers, DAY, HOUR, NOW } from './orders-bench-seed';

export const KPI_DAYS = 420;
const END = NOW - HOUR;
const START = END - KPI_DAYS * DAY;

/** A realistic backlog: nearly everything recent is open, almost nothing old (a few thousand open). */
function openProbability(ageMs: number): number {
  if (ageMs < 2 * DAY) return 0.8;
  if (ageMs < 10 * DAY) return 0.25;
  if (ageMs < 45 * DAY) return 0.03;
  return 0.0008;
}

const FEEDBACK = weighted([
  ['satisfied', 70],
  ['basically_satisfied', 18],
  ['dissatisfied', 7],
  ['unreachable', 5],
] as const);

function lifeOf(state: OrderState, handlerKind: HandlerKind | null): Life {
  const late = ['handled', 'verified', ...FINISHED_STATES].includes(state);
  return {
    state,
    handlerKind,
    returned: state === 'return_pending' || random() < 0.03,
    reworks: late ? (random() < 0.08 ? (random() < 0.2 ? 2 : 1) : 0) : 0,
    selfHandled: late && handlerKind === 'station' && random() < 0.3,
    parkedOnce: state === 'parked' || random() < 0.02,
    supervised: random() < 0.02,
  };
}

interface Statements {
  order: Database.Statement;
  history: Database.Statement;
  supervision: Database.Statement;
}

function statements(db: Database.Database): Statements {
  return {
    order: db.prepare(
      `INSERT INTO orders (id, code, title, description, category_id, domain_id, workstation_id, grid_id, address,
         source, urgency, response_level, state, handler_kind, handler_id, handler_name, station_id, rework_count,
         supervised, created_at, updated_at, closed_at, limit_minutes, limit_mode, warn_at, deadline_at, paused_at,
         feedback_result, feedback_at)
       VALUES (?, ?, ?, '', ?, ?, ?, ?, '', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'natural', ?, ?, ?, ?, ?)`,
    ),
    history: db.prepare(
      `INSERT INTO order_history (order_id, at, actor_name, action, from_state, to_state, detail)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ),
    supervision: db.prepare(
      `INSERT INTO order_supervisions (order_id, note, due_at, created_by_name, created_at, reply, replied_by_name, replied_at)
       VALUES (?, '请加快处置', ?, '值班长', ?, ?, ?, ?)`,
    ),
  };
}

type City = ReturnType<typeof cityPickers>;

/** Inserts one order and its history; answers the number of history rows. */
function insertOrder(st: Statements, city: City, id: number, createdAt: number, code: string): number {
  const category = city.categoryPick();
  const ws = random() < 0.06 ? null : city.workstationPick();
  const stationId = ws ? ws.stationId : random() < 0.5 ? null : pick(['HQ-S1', 'HQ-S2']);
  const urgency = URGENCY();
  const open = random() < openProbability(END - createdAt);
  const state = open ? OPEN_STATES() : FINISHED();
  const m = LIMIT_MINUTES[urgency];
  // Most close in time, some late (the lights' red and the 按期 rates' misses).
  const closedAt = open ? null : createdAt + Math.floor(HOUR + random() * m * 60_000 * 1.15);
  const handlerKind = pick(['station', 'department', 'department', 'workstation'] as const);
  const life = lifeOf(state, stationId === null && handlerKind === 'station' ? 'department' : handlerKind);
  const steps = stepsOf(life);
  const end = closedAt ?? Math.min(END, createdAt + Math.floor(random() * 2 * DAY));
  const reached = steps.some((s) => s.action === 'dispatch');
  const handler = reached ? handlerOf(city, life.handlerKind, stationId, ws) : null;
  const fed = steps.some((s) => s.action === 'feedback');
  const pausedAt = state === 'parked' ? end : null;
  let previous: OrderState | null = null;
  let feedbackAt: number | null = null;
  steps.forEach((raw, h) => {
    const at = createdAt + Math.floor(((end - createdAt) * h) / Math.max(1, steps.length - 1));
    const step = withSupervisionDue(raw, at);
    if (step.action === 'feedback') feedbackAt = at;
    if (step.action === 'supervise') {
      const replied = steps.some((s) => s.action === 'reply_supervision') ? Math.min(end, at + DAY) : null;
      st.supervision.run(id, at + 2 * DAY, at, replied ? '已处置' : null, replied ? '处置人' : null, replied);
    }
    st.history.run(
      id,
      at,
      `${pick(SURNAMES)}${pick(['伟', '芳', '敏', '静'])}`,
      step.action,
      previous,
      step.to,
      step.detail,
    );
    previous = step.to;
  });
  st.order.run(
    ...[id, code, `${ws?.name ?? '合庆'}${category.name}`, category.id, city.domainOf(category.id), ws?.id ?? null],
    ...[ws?.gridId ?? null, SOURCES(), urgency, LEVELS(), state, handler?.kind ?? null, handler?.id ?? null],
    ...[handler?.name ?? null, stationId, life.reworks, life.supervised ? 1 : 0, createdAt, end, closedAt, m],
    ...[createdAt + m * 48_000, createdAt + m * 60_000, pausedAt],
    ...[fed ? FEEDBACK() : null, fed ? feedbackAt : null],
  );
  return steps.length;
}

function handlerOf(
  city: City,
  kind: HandlerKind | null,
  stationId: string | null,
  ws: { id: string; name: string } | null,
): { kind: HandlerKind; id: string; name: string } | null {
  if (kind === 'station' && stationId)
    return { kind, id: stationId, name: stationId === 'HQ-S1' ? '第一联勤站' : '第二联勤站' };
  if (kind === 'workstation' && ws) return { kind, id: ws.id, name: ws.name };
  const d = city.departmentPick();
  return { kind: 'department', id: d.id, name: d.name };
}

/** Creation times over the period, sorted, busier in the daytime (Shanghai time). */
function creationTimes(n: number): Float64Array {
  const times = new Float64Array(n);
  for (let i = 0; i < n;) {
    const t = START + random() * (END - START);
    const hour = Math.floor((t + 8 * HOUR) / HOUR) % 24;
    if (random() < (hour >= 7 && hour <= 20 ? 1 : 0.25)) times[i++] = Math.floor(t);
  }
  return times.sort();
}

/** Five drill incidents (演练) over the period, each with the orders reported in its first hours linked. */
function drills(db: Database.Database): number {
  const incident = db.prepare(
    `INSERT INTO incidents (center_id, type, name, level, drill, situation, area_ids, station_ids, commander_name,
       started_at, started_by_name, level_changed_at, closed_at, closed_by_name, summary)
     VALUES ('HQ-C', 'flood', ?, 'IV', 1, '演练', '["HQ-C"]', '[]', '值班长', ?, '值班长', ?, ?, '值班长', '演练结束')`,
  );
  const link = db.prepare(
    `INSERT OR IGNORE INTO incident_orders (incident_id, order_id, linked_at, linked_by_name, auto)
     SELECT ?, id, created_at, '值班长', 1 FROM orders WHERE created_at >= ? AND created_at < ?`,
  );
  let linked = 0;
  for (let k = 0; k < 5; k++) {
    const at = START + Math.floor(((k + 0.5) * (END - START)) / 5);
    const { lastInsertRowid } = incident.run(`防汛演练 ${k + 1}`, at, at, at + 6 * HOUR);
    linked += link.run(Number(lastInsertRowid), at, at + 4 * HOUR).changes;
  }
  return linked;
}

export interface SeedStats {
  orders: number;
  history: number;
  drillOrders: number;
}

/** Seeds a fresh data folder (migrated by the real code); indexes are built after the bulk load. */
export function seedKpi(dataDir: string, orders: number, progress: (line: string) => void): SeedStats {
  const migrated = openDatabase(dataDir);
  seedReferenceData(migrated);
  migrated.pragma('journal_mode = DELETE');
  migrated.close();
  const db = new Database(path.join(dataDir, DB_FILE_NAME));
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -400000');
  // Each order's history goes in before its row (the row needs the 回访's time): no key checks while loading.
  db.pragma('foreign_keys = OFF');
  const city = cityPickers(db);
  const indexes = db
    .prepare(
      `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL
         AND tbl_name IN ('orders', 'order_history', 'order_supervisions')`,
    )
    .all() as { name: string; sql: string }[];
  for (const ix of indexes) db.exec(`DROP INDEX ${ix.name}`);
  const st = statements(db);
  const times = creationTimes(orders);
  const perDay = new Map<string, number>();
  let history = 0;
  const BATCH = 50_000;
  for (let from = 0; from < orders; from += BATCH) {
    db.transaction(() => {
      for (let i = from; i < Math.min(orders, from + BATCH); i++) {
        const createdAt = times[i] ?? END;
        const day = new Date(createdAt + 8 * HOUR).toISOString().slice(0, 10).replaceAll('-', '');
        const seq = (perDay.get(day) ?? 0) + 1;
        perDay.set(day, seq);
        history += insertOrder(st, city, i + 1, createdAt, `HQ${day}-${String(seq).padStart(4, '0')}`);
      }
    })();
    if ((from / BATCH) % 4 === 3) progress(`  … ${from + BATCH} orders`);
  }
  for (const ix of indexes) db.exec(ix.sql);
  const drillOrders = drills(db);
  // The rows went in raw (the triggers marked each order's kept facts stale): derive every order's
  // facts and per-day counts as a hub's migration does.
  progress('  … deriving the kept facts and per-day counts');
  db.transaction(() => rebuildOrderFacts(db))();
  db.pragma('journal_mode = WAL');
  db.close();
  return { orders, history, drillOrders };
}
