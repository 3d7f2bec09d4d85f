/**
 * The order query's test fixture (order-query-*.test.ts): a migrated database with 320 pseudo-random orders (the
 * same ones every run), what the test knows of each (the oracle), and the expected order of every sort.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, expect } from 'vitest';
import type { OrderFilter } from '../../common/contract';
import { isOpen, type OrderState, type Urgency } from '../../common/domain/orders/states';
import { openDatabase, type Db } from '../../main/db/connection';
import { OrderQuery, TOTAL_CAP, type OrderScope, type OrderSort } from '../../main/services/orders/order-query';
import { indexOrderText } from '../../main/services/orders/order-search';
import type { SlaClock } from '../../main/services/orders/sla-port';
import { seedReferenceData } from '../../main/services/org/seed';
import { tempDir } from './test-env';

export const NOW = Date.UTC(2026, 10, 26, 2, 0, 0);
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
export const CENTER: OrderScope = { stationId: null };

/** Natural-time SLA clock for these tests (the real one lives in main/services/sla). */
export const sla: SlaClock = {
  start: (at) => ({ limitMinutes: 60, mode: 'natural', warnAt: at + 48 * 60_000, deadlineAt: at + HOUR }),
  resume: (m, pausedAt, resumedAt) => ({
    ...m,
    warnAt: m.warnAt + resumedAt - pausedAt,
    deadlineAt: m.deadlineAt + resumedAt - pausedAt,
  }),
  extend: (m, extra) => ({ ...m, limitMinutes: m.limitMinutes + extra, deadlineAt: m.deadlineAt + extra * 60_000 }),
  timeUsed: (m, now, pausedAt) =>
    ((pausedAt ?? now) - (m.deadlineAt - m.limitMinutes * 60_000)) / (m.limitMinutes * 60_000),
};

/** What the test knows of every order it inserted: the oracle the query results are checked against. */
export interface TestOrder {
  id: number;
  code: string;
  title: string;
  description: string;
  address: string;
  categoryId: string;
  domainId: string;
  workstationId: string | null;
  stationId: string;
  state: OrderState;
  urgency: Urgency;
  source: 'video' | 'grid' | 'hotline' | 'village' | 'patrol' | 'open311';
  supervised: boolean;
  handlerKind: 'station' | 'department' | 'workstation' | null;
  handlerId: string | null;
  createdAt: number;
  updatedAt: number;
  closedAt: number | null;
  warnAt: number | null;
  deadlineAt: number | null;
  pausedAt: number | null;
}

type NewOrder = Partial<TestOrder> & Pick<TestOrder, 'title' | 'createdAt'>;

let codeSeq = 0;

/** Inserts one order (directly: the OrdersService is not this module's) and indexes its text. */
export function insertOrder(db: Db, o: NewOrder): TestOrder {
  const categoryId = o.categoryId ?? '0200201';
  const state = o.state ?? 'handling';
  const open = isOpen(state);
  const workstationId = o.workstationId === undefined ? 'HQ-W-CL02' : o.workstationId;
  const order: Omit<TestOrder, 'id'> = {
    code: o.code ?? `HQ20261126-${String(++codeSeq).padStart(4, '0')}`,
    title: o.title,
    description: o.description ?? '',
    address: o.address ?? '',
    categoryId,
    domainId: categoryId.slice(0, 2),
    workstationId,
    stationId: o.stationId ?? (workstationId?.startsWith('HQ-W-HQ') ? 'HQ-S1' : 'HQ-S2'),
    state,
    urgency: o.urgency ?? 'normal',
    source: o.source ?? 'grid',
    supervised: o.supervised ?? false,
    handlerKind: o.handlerKind ?? null,
    handlerId: o.handlerId ?? null,
    createdAt: o.createdAt,
    updatedAt: o.updatedAt ?? o.createdAt,
    closedAt: open ? null : (o.closedAt ?? o.createdAt + HOUR),
    warnAt: o.warnAt === undefined ? o.createdAt + 4 * DAY : o.warnAt,
    deadlineAt: o.deadlineAt === undefined ? o.createdAt + 5 * DAY : o.deadlineAt,
    pausedAt: o.pausedAt ?? null,
  };
  const { lastInsertRowid } = db
    .prepare(
      `INSERT INTO orders (code, title, description, category_id, domain_id, workstation_id, address, source,
         urgency, response_level, state, handler_kind, handler_id, handler_name, station_id, supervised,
         created_at, updated_at, closed_at, limit_minutes, limit_mode, warn_at, deadline_at, paused_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'patrol', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'natural', ?, ?, ?)`,
    )
    .run(
      order.code,
      order.title,
      order.description,
      order.categoryId,
      order.domainId,
      order.workstationId,
      order.address,
      order.source,
      order.urgency,
      order.state,
      order.handlerKind,
      order.handlerId,
      order.handlerId,
      order.stationId,
      order.supervised ? 1 : 0,
      order.createdAt,
      order.updatedAt,
      order.closedAt,
      order.deadlineAt === null ? null : 7200,
      order.warnAt,
      order.deadlineAt,
      order.pausedAt,
    );
  const id = Number(lastInsertRowid);
  indexOrderText(db, id, order);
  return { id, ...order };
}

/** Deterministic pseudo-random numbers (mulberry32), so a failure can be replayed. */
function prng(seed: number) {
  let s = seed;
  const next = () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  return { next, pick };
}

const TITLES: readonly [string, string][] = [
  ['井盖缺失', '0200201'],
  ['雨水井盖破损', '0200201'],
  ['垃圾桶盖子缺失', '0200303'],
  ['水果摊占道经营', '01002'],
  ['占道堆物，无证经营', '01002'],
  ['路灯不亮', '0200203'],
  ['LED屏幕损坏', '02004'],
  ['车辆乱停放', '04002'],
  ['暴露垃圾', '01003'],
  ['树木倒伏', '0101301'],
  ['消防通道堵塞', '05006'],
];
const WORKSTATIONS = ['HQ-W-CL02', 'HQ-W-CL03', 'HQ-W-HQ01', 'HQ-W-HQ05', null] as const;
const WS_NAMES: Record<string, string> = {
  'HQ-W-CL02': '海塘村',
  'HQ-W-CL03': '建光村',
  'HQ-W-HQ01': '向东村',
  'HQ-W-HQ05': '勤奋村',
};
const STATES: readonly OrderState[] = [
  'reported',
  'filed',
  'dispatched',
  'handling',
  'handling',
  'parked',
  'handled',
  'closed',
  'archived',
  'archived',
  'voided',
];

/** A few hundred orders over the 30 days before NOW, with every filter's values represented. */
function seedOrders(db: Db, count: number): TestOrder[] {
  const r = prng(7);
  const created = Array.from({ length: count }, () => NOW - Math.floor(r.next() * 30 * 24) * HOUR).sort(
    (a, b) => a - b,
  );
  const orders: TestOrder[] = [];
  db.transaction(() => {
    for (const [i, createdAt] of created.entries()) {
      const [phrase, categoryId] = r.pick(TITLES);
      const workstationId = r.pick(WORKSTATIONS);
      // Three running orders sit exactly on the light boundaries (due now, 80 % now, 80 % next ms).
      const boundary = [NOW, NOW + HOUR, NOW + 1][i - 250];
      const state = boundary !== undefined ? 'handling' : r.pick(STATES);
      const department = ['dispatched', 'handling', 'handled', 'closed', 'archived'].includes(state) && r.next() < 0.5;
      // Open orders' clocks: some overdue, some past 80 %, most running; a few without a limit.
      const clock = r.next();
      let deadlineAt = clock < 0.1 ? null : createdAt + Math.floor(r.next() * 40) * DAY;
      let warnAt = deadlineAt === null ? null : deadlineAt - (r.next() < 0.5 ? 2 * HOUR : 5 * DAY);
      if (boundary !== undefined) {
        deadlineAt = boundary;
        warnAt = boundary === NOW ? NOW - HOUR : boundary - HOUR;
      }
      orders.push(
        insertOrder(db, {
          title: `${workstationId ? (WS_NAMES[workstationId] ?? '') : '合庆路'}${phrase}`,
          description: r.next() < 0.1 ? '附近还有井盖松动' : '请尽快处置',
          address: `合庆镇${r.pick(['川沙路', '庆达路', '朝阳路'])}${1 + Math.floor(r.next() * 300)}号`,
          categoryId,
          workstationId,
          state,
          urgency: r.pick(['normal', 'normal', 'normal', 'urgent', 'critical'] as const),
          source: r.pick(['video', 'grid', 'hotline', 'village', 'patrol', 'open311'] as const),
          supervised: r.next() < 0.15,
          handlerKind: department ? 'department' : null,
          handlerId: department ? r.pick(['DEP-CG', 'DEP-LH', 'DEP-JJ']) : null,
          createdAt,
          updatedAt: Math.min(NOW, createdAt + Math.floor(r.next() * 48) * HOUR),
          closedAt: isOpen(state) ? null : createdAt + 2 * HOUR,
          warnAt,
          deadlineAt,
          pausedAt: state === 'parked' ? createdAt + HOUR : null,
        }),
      );
    }
  })();
  return orders;
}

export const text = (o: TestOrder) => `${o.title} ${o.description} ${o.address} ${o.code}`;
const byCreatedDesc = (a: TestOrder, b: TestOrder) => b.createdAt - a.createdAt || b.id - a.id;

/** The expected order of a sort (see SEGMENTS in order-query.ts). */
export function sorted(orders: TestOrder[], sort: OrderSort): number[] {
  const list = [...orders];
  if (sort === 'created_desc') list.sort(byCreatedDesc);
  if (sort === 'created_asc') list.sort((a, b) => a.createdAt - b.createdAt || a.id - b.id);
  if (sort === 'updated_desc') list.sort((a, b) => b.updatedAt - a.updatedAt || b.id - a.id);
  if (sort === 'deadline_asc') {
    const group = (o: TestOrder) => (o.closedAt !== null ? 2 : o.deadlineAt === null ? 1 : 0);
    list.sort(
      (a, b) =>
        group(a) - group(b) ||
        (group(a) === 0 ? (a.deadlineAt ?? 0) - (b.deadlineAt ?? 0) || a.id - b.id : 0) ||
        (group(a) === 1 ? a.id - b.id : 0) ||
        byCreatedDesc(a, b),
    );
  }
  return list.map((o) => o.id);
}

/** The light as lightOf() defines it, at NOW. */
export function light(o: TestOrder): 'green' | 'yellow' | 'red' | 'paused' | 'done' {
  if (!isOpen(o.state)) return 'done';
  if (o.pausedAt !== null) return 'paused';
  if (o.deadlineAt !== null && NOW >= o.deadlineAt) return 'red';
  if (o.warnAt !== null && NOW >= o.warnAt) return 'yellow';
  return 'green';
}

/** Every page of a query by its cursors: the ids in order, the page sizes and the totals reported. */
export function allPages(query: OrderQuery, filter: OrderFilter, sort: OrderSort, scope = CENTER, limit = 23) {
  const ids: number[] = [];
  const totals = new Set<number>();
  let cursor: string | null = null;
  for (let page = 0; page < 1000; page++) {
    const result = query.list({ filter, sort, cursor, limit }, scope);
    expect(result.rows.length).toBeLessThanOrEqual(limit);
    if (result.nextCursor !== null) expect(result.rows).toHaveLength(limit);
    ids.push(...result.rows.map((row) => row.id));
    totals.add(result.total);
    cursor = result.nextCursor;
    if (cursor === null) break;
  }
  expect(cursor).toBeNull();
  return { ids, totals: [...totals] };
}

/** The seeded database of one describe block, and a check of one filter against the oracle. */
export interface SeededOrders {
  db: Db;
  orders: TestOrder[];
  query: OrderQuery;
  /** Checks one filter against the oracle: every page by cursor, in order, no duplicates, no gaps. */
  expectFilter: (filter: OrderFilter, keep: (o: TestOrder) => boolean, sort?: OrderSort) => number[];
}

/** Seeds the 320 orders once for the calling describe block (before its first test) and removes them after it. */
export function useSeededOrders(): SeededOrders {
  let dir = '';
  const seeded: SeededOrders = {
    db: undefined as unknown as Db,
    orders: [],
    query: undefined as unknown as OrderQuery,
    expectFilter: (filter, keep, sort = 'created_desc') => {
      const expected = sorted(seeded.orders.filter(keep), sort);
      const { ids, totals } = allPages(seeded.query, filter, sort);
      expect(ids).toEqual(expected);
      expect(totals).toEqual([Math.min(expected.length, TOTAL_CAP)]);
      return expected;
    },
  };
  beforeAll(() => {
    dir = tempDir();
    seeded.db = openDatabase(dir);
    seedReferenceData(seeded.db);
    seeded.orders = seedOrders(seeded.db, 320);
    seeded.query = new OrderQuery(seeded.db, sla, () => NOW);
  });
  afterAll(() => {
    seeded.db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return seeded;
}
