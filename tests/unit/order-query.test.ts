import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, type OrderFilter } from '../../common/contract';
import { isOpen, type OrderState, type Urgency } from '../../common/domain/orders/states';
import { openDatabase, type Db } from '../../main/db/connection';
import {
  OrderQuery,
  TOTAL_CAP,
  type DuplicatesInput,
  type OrderListInput,
  type OrderScope,
  type OrderSort,
} from '../../main/services/orders/order-query';
import { indexOrderText } from '../../main/services/orders/order-search';
import type { SlaClock } from '../../main/services/orders/sla-port';
import { seedReferenceData } from '../../main/services/org/seed';
import { tempDir } from '../helpers/hub';

const NOW = Date.UTC(2026, 10, 26, 2, 0, 0);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const CENTER: OrderScope = { stationId: null };

/** Natural-time SLA clock for these tests (the real one lives in main/services/sla). */
const sla: SlaClock = {
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
interface TestOrder {
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
function insertOrder(db: Db, o: NewOrder): TestOrder {
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

const text = (o: TestOrder) => `${o.title} ${o.description} ${o.address} ${o.code}`;
const byCreatedDesc = (a: TestOrder, b: TestOrder) => b.createdAt - a.createdAt || b.id - a.id;

/** The expected order of a sort (see SEGMENTS in order-query.ts). */
function sorted(orders: TestOrder[], sort: OrderSort): number[] {
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
function light(o: TestOrder): 'green' | 'yellow' | 'red' | 'paused' | 'done' {
  if (!isOpen(o.state)) return 'done';
  if (o.pausedAt !== null) return 'paused';
  if (o.deadlineAt !== null && NOW >= o.deadlineAt) return 'red';
  if (o.warnAt !== null && NOW >= o.warnAt) return 'yellow';
  return 'green';
}

/** Every page of a query by its cursors: the ids in order, the page sizes and the totals reported. */
function allPages(query: OrderQuery, filter: OrderFilter, sort: OrderSort, scope = CENTER, limit = 23) {
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

describe('OrderQuery', () => {
  let dir: string;
  let db: Db;
  let orders: TestOrder[];
  let query: OrderQuery;

  beforeAll(() => {
    dir = tempDir();
    db = openDatabase(dir);
    seedReferenceData(db);
    orders = seedOrders(db, 320);
    query = new OrderQuery(db, sla, () => NOW);
  });
  afterAll(() => {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** Checks one filter against the oracle: every page by cursor, in order, no duplicates, no gaps. */
  function expectFilter(filter: OrderFilter, keep: (o: TestOrder) => boolean, sort: OrderSort = 'created_desc') {
    const expected = sorted(orders.filter(keep), sort);
    const { ids, totals } = allPages(query, filter, sort);
    expect(ids).toEqual(expected);
    expect(totals).toEqual([Math.min(expected.length, TOTAL_CAP)]);
    return expected;
  }

  describe('filters', () => {
    it('has test data for every filter value it checks', () => {
      const has = (keep: (o: TestOrder) => boolean) => orders.filter(keep).length;
      for (const l of ['red', 'yellow', 'green', 'paused', 'done'] as const)
        expect(has((o) => light(o) === l)).toBeGreaterThan(2);
      expect(has((o) => o.workstationId === null)).toBeGreaterThan(2);
      expect(has((o) => o.deadlineAt === null && isOpen(o.state))).toBeGreaterThan(2);
      // created_at ties, so the keyset's second key (id) matters
      expect(new Set(orders.map((o) => o.createdAt)).size).toBeLessThan(orders.length);
    });

    it('no filter: every order, newest first', () => {
      const ids = expectFilter({}, () => true);
      expect(ids).toHaveLength(320);
    });

    it('states (one, several)', () => {
      expectFilter({ states: ['handling'] }, (o) => o.state === 'handling');
      expectFilter({ states: ['reported', 'parked', 'archived'] }, (o) =>
        ['reported', 'parked', 'archived'].includes(o.state),
      );
      expectFilter({ states: [] }, () => true);
    });

    it('domain, category (an item) and sub-category (with its items)', () => {
      expectFilter({ domainId: '02' }, (o) => o.domainId === '02');
      expectFilter({ categoryId: '0200201' }, (o) => o.categoryId === '0200201');
      const sub = expectFilter({ categoryId: '02002' }, (o) => o.categoryId.startsWith('02002'));
      expect(new Set(sub.map((id) => orders.find((o) => o.id === id)?.categoryId))).toEqual(
        new Set(['0200201', '0200203']),
      );
      expectFilter({ categoryId: '01' }, (o) => o.domainId === '01');
      expectFilter({ categoryId: '02002', domainId: '01' }, () => false);
    });

    it('station, workstation, department', () => {
      expectFilter({ stationId: 'HQ-S1' }, (o) => o.stationId === 'HQ-S1');
      expectFilter({ workstationId: 'HQ-W-HQ05' }, (o) => o.workstationId === 'HQ-W-HQ05');
      expectFilter({ departmentId: 'DEP-CG' }, (o) => o.handlerKind === 'department' && o.handlerId === 'DEP-CG');
    });

    it('urgency, supervised, source', () => {
      expectFilter({ urgency: 'critical' }, (o) => o.urgency === 'critical');
      expectFilter({ supervised: true }, (o) => o.supervised);
      expectFilter({ supervised: false }, (o) => !o.supervised);
      expectFilter({ source: 'hotline' }, (o) => o.source === 'hotline');
    });

    it('light: red, yellow, green as the traffic light shows them', () => {
      for (const l of ['red', 'yellow', 'green'] as const) {
        expectFilter({ light: l }, (o) => light(o) === l);
        // and the rows say so themselves
        const rows = query.list({ filter: { light: l }, sort: 'created_desc', cursor: null, limit: 500 }, CENTER).rows;
        expect(new Set(rows.map((row) => row.light))).toEqual(new Set([l]));
      }
    });

    it('date range, both ends inclusive', () => {
      const from = orders[100]?.createdAt ?? 0;
      const to = orders[200]?.createdAt ?? 0;
      expectFilter({ createdFrom: from, createdTo: to }, (o) => o.createdAt >= from && o.createdAt <= to);
      expectFilter({ createdFrom: from }, (o) => o.createdAt >= from);
    });

    it('filters combine (AND)', () => {
      expectFilter(
        { domainId: '02', states: ['handling', 'dispatched', 'parked'], stationId: 'HQ-S2', urgency: 'normal' },
        (o) =>
          o.domainId === '02' &&
          ['handling', 'dispatched', 'parked'].includes(o.state) &&
          o.stationId === 'HQ-S2' &&
          o.urgency === 'normal',
      );
      expectFilter(
        { workstationId: 'HQ-W-CL02', light: 'red', supervised: false },
        (o) => o.workstationId === 'HQ-W-CL02' && light(o) === 'red' && !o.supervised,
      );
    });
  });

  describe('sorts and keyset paging', () => {
    const sorts: OrderSort[] = ['created_desc', 'created_asc', 'deadline_asc', 'updated_desc'];
    for (const sort of sorts) {
      it(`${sort}: every page in order, no duplicates, no gaps`, () => {
        for (const limit of [1, 7, 100, 500]) {
          const { ids } = allPages(query, {}, sort, CENTER, limit);
          expect(ids).toEqual(sorted(orders, sort));
        }
        expectFilter({ stationId: 'HQ-S1' }, (o) => o.stationId === 'HQ-S1', sort);
        expectFilter({ domainId: '01', urgency: 'normal' }, (o) => o.domainId === '01' && o.urgency === 'normal', sort);
      });
    }

    it('deadline_asc: open orders by deadline, then open ones without a deadline, then finished ones', () => {
      const rows = query.list({ filter: {}, sort: 'deadline_asc', cursor: null, limit: 500 }, CENTER).rows;
      const firstFinished = rows.findIndex((row) => !isOpen(row.state));
      expect(firstFinished).toBeGreaterThan(0);
      expect(rows.slice(firstFinished).every((row) => !isOpen(row.state))).toBe(true);
      expect(rows[0]?.deadlineAt).toBe(
        Math.min(...orders.filter((o) => o.closedAt === null && o.deadlineAt !== null).map((o) => o.deadlineAt ?? 0)),
      );
      // state sets that rule out a part skip it
      expectFilter({ states: ['closed', 'archived'] }, (o) => ['closed', 'archived'].includes(o.state), 'deadline_asc');
      expectFilter({ states: ['handling'] }, (o) => o.state === 'handling', 'deadline_asc');
      expectFilter({ light: 'yellow' }, (o) => light(o) === 'yellow', 'deadline_asc');
    });

    it('a page can end exactly where a deadline_asc part ends', () => {
      const open = orders.filter((o) => o.closedAt === null && o.deadlineAt !== null).length;
      const first = query.list({ filter: {}, sort: 'deadline_asc', cursor: null, limit: open }, CENTER);
      expect(first.rows.every((row) => isOpen(row.state) && row.deadlineAt !== null)).toBe(true);
      const second = query.list({ filter: {}, sort: 'deadline_asc', cursor: first.nextCursor, limit: 5 }, CENTER);
      expect(second.rows[0]?.deadlineAt).toBeNull();
    });

    it('keeps the first page’s total on later pages, and refuses a forged or foreign cursor', () => {
      const first = query.list({ filter: {}, sort: 'created_desc', cursor: null, limit: 10 }, CENTER);
      expect(first.nextCursor).not.toBeNull();
      const cursor = first.nextCursor ?? '';
      const newer = insertOrder(db, { title: '新增的工单', createdAt: NOW - 1 });
      try {
        const second = query.list({ filter: {}, sort: 'created_desc', cursor, limit: 10 }, CENTER);
        expect(second.total).toBe(first.total);
        expect(second.rows.map((r) => r.id)).not.toContain(newer.id);
      } finally {
        db.prepare('DELETE FROM orders WHERE id = ?').run(newer.id);
        db.prepare('DELETE FROM orders_fts WHERE rowid = ?').run(newer.id);
      }
      const bad = (c: string, sort: OrderSort = 'created_desc') => {
        try {
          query.list({ filter: {}, sort, cursor: c, limit: 10 }, CENTER);
        } catch (err) {
          return err instanceof ApiError ? err.code : 'other';
        }
        return 'accepted';
      };
      expect(bad('not a cursor')).toBe('E_INVALID');
      expect(bad(Buffer.from('{"o":"created_desc","f":0,"s":0,"k":["1; DROP"],"t":1}').toString('base64url'))).toBe(
        'E_INVALID',
      );
      expect(bad(Buffer.from('{"o":"created_desc","f":0,"s":5,"k":null,"t":1}').toString('base64url'))).toBe(
        'E_INVALID',
      );
      expect(bad(cursor, 'updated_desc')).toBe('E_INVALID');
      expect(bad(cursor, 'created_desc')).toBe('accepted');
    });
  });

  describe('full text', () => {
    it('a two-character term finds exactly the orders containing it (井盖, not 盖子)', () => {
      const ids = expectFilter({ text: '井盖' }, (o) => text(o).includes('井盖'));
      expect(ids.length).toBeGreaterThan(10);
      const lids = orders.filter((o) => text(o).includes('盖子') && !text(o).includes('井盖'));
      expect(lids.length).toBeGreaterThan(0);
      for (const o of lids) expect(ids).not.toContain(o.id);
    });

    it('a longer term is a phrase: 占道经营 but not 占道 … 经营 apart', () => {
      const ids = expectFilter({ text: '占道经营' }, (o) => text(o).includes('占道经营'));
      const apart = orders.filter((o) => text(o).includes('占道堆物，无证经营'));
      expect(apart.length).toBeGreaterThan(0);
      for (const o of apart) expect(ids).not.toContain(o.id);
      expect(ids.length).toBeGreaterThan(0);
    });

    it('a latin word, case-insensitively, and an order code', () => {
      expect(expectFilter({ text: 'led' }, (o) => text(o).includes('LED')).length).toBeGreaterThan(0);
      const target = orders[42];
      expect(expectFilter({ text: target?.code ?? '' }, (o) => o.code === target?.code)).toEqual([target?.id]);
    });

    it('two terms must both occur', () => {
      const ids = expectFilter({ text: '井盖 海塘村' }, (o) => text(o).includes('井盖') && text(o).includes('海塘村'));
      expect(ids.length).toBeGreaterThan(0);
      expect(ids.length).toBeLessThan(orders.filter((o) => text(o).includes('井盖')).length);
    });

    it('combines with filters and every sort (through the FTS index or through a list of its ids)', () => {
      for (const sort of ['created_desc', 'created_asc', 'deadline_asc', 'updated_desc'] as const) {
        expectFilter({ text: '井盖', domainId: '02' }, (o) => text(o).includes('井盖') && o.domainId === '02', sort);
        expectFilter(
          { text: '井盖', workstationId: 'HQ-W-CL02' },
          (o) => text(o).includes('井盖') && o.workstationId === 'HQ-W-CL02',
          sort,
        );
        expectFilter({ text: '路灯', light: 'red' }, (o) => text(o).includes('路灯') && light(o) === 'red', sort);
      }
    });

    it('a lone character is too common to search by and is ignored', () => {
      expectFilter({ text: '井' }, () => true);
    });

    it('FTS5 syntax in the search box is just text', () => {
      for (const t of ['井盖 OR 路灯', 'NOT 井盖', '"井盖', '井盖*', 'NEAR(井盖 路灯)', '^井盖', 'led:1', '(']) {
        expect(() =>
          query.list({ filter: { text: t }, sort: 'created_desc', cursor: null, limit: 5 }, CENTER),
        ).not.toThrow();
      }
      // OR is a word to find, not an operator: nothing contains "or", so nothing is found
      expect(
        query.list({ filter: { text: '井盖 OR 路灯' }, sort: 'created_desc', cursor: null, limit: 5 }, CENTER).rows,
      ).toEqual([]);
    });

    it('re-indexing replaces an order’s text', () => {
      const o = insertOrder(db, { title: '临时工单窨井异味', createdAt: NOW - 2 * DAY, state: 'voided' });
      try {
        expect(
          query
            .list({ filter: { text: '窨井' }, sort: 'created_desc', cursor: null, limit: 10 }, CENTER)
            .rows.map((r) => r.id),
        ).toEqual([o.id]);
        indexOrderText(db, o.id, { ...o, title: '临时工单化粪池满溢' });
        expect(
          query.list({ filter: { text: '窨井' }, sort: 'created_desc', cursor: null, limit: 10 }, CENTER).rows,
        ).toEqual([]);
        expect(
          query
            .list({ filter: { text: '化粪池' }, sort: 'created_desc', cursor: null, limit: 10 }, CENTER)
            .rows.map((r) => r.id),
        ).toEqual([o.id]);
      } finally {
        db.prepare('DELETE FROM orders_fts WHERE rowid = ?').run(o.id);
        db.prepare('DELETE FROM orders WHERE id = ?').run(o.id);
      }
    });
  });

  describe('scope', () => {
    it('a station user sees only the station’s orders, whatever the filter asks', () => {
      const s1: OrderScope = { stationId: 'HQ-S1' };
      const { ids } = allPages(query, {}, 'created_desc', s1);
      expect(ids).toEqual(
        sorted(
          orders.filter((o) => o.stationId === 'HQ-S1'),
          'created_desc',
        ),
      );
      expect(allPages(query, { text: '井盖' }, 'created_desc', s1).ids).toEqual(
        sorted(
          orders.filter((o) => o.stationId === 'HQ-S1' && text(o).includes('井盖')),
          'created_desc',
        ),
      );
      expect(allPages(query, { workstationId: 'HQ-W-CL02' }, 'created_desc', s1).ids).toEqual([]);
      expect(query.list({ filter: { stationId: 'HQ-S2' }, sort: 'created_desc', cursor: null, limit: 10 }, s1)).toEqual(
        {
          rows: [],
          nextCursor: null,
          total: 0,
        },
      );
    });
  });

  describe('query plans', () => {
    const input = (filter: OrderFilter, sort: OrderSort = 'created_desc'): OrderListInput => ({
      filter,
      sort,
      cursor: null,
      limit: 100,
    });

    it('the main page walks the domain index in order: no full scan, no sort', () => {
      const plan = query.explain(input({ domainId: '01', states: ['dispatched', 'handling', 'handled'] }), CENTER);
      expect(plan[0]).toMatch(/^SEARCH o USING INDEX orders_domain_created \(domain_id=\?\)/);
      expect(plan.join('\n')).not.toMatch(/TEMP B-TREE|SCAN c|SCAN w/);
    });

    it('other pages walk their index', () => {
      const first = (filter: OrderFilter, sort?: OrderSort) => query.explain(input(filter, sort), CENTER)[0] ?? '';
      expect(first({})).toMatch(/^SCAN o USING INDEX orders_created/);
      expect(first({ workstationId: 'HQ-W-CL02', domainId: '02' })).toMatch(
        /orders_workstation_created \(workstation_id=\?\)/,
      );
      expect(first({ states: ['handling'], stationId: 'HQ-S1' })).toMatch(/orders_state_created \(state=\?\)/);
      expect(first({ stationId: 'HQ-S1', states: ['handling', 'filed'] })).toMatch(
        /orders_station_created \(station_id=\?\)/,
      );
      expect(first({ domainId: '02' }, 'deadline_asc')).toMatch(/orders_deadline/);
      expect(first({}, 'updated_desc')).toMatch(/orders_updated/);
      expect(first({ text: '井盖' })).toMatch(/^SCAN f VIRTUAL TABLE/);
      expect(first({ text: '井盖', domainId: '02' })).toMatch(/^SCAN f VIRTUAL TABLE/);
      // a selective filter and an uncommon term: the index walks, checking a list of the term's ids
      expect(query.explain(input({ text: '井盖', workstationId: 'HQ-W-CL02' }), CENTER).join('\n')).toMatch(
        /^SEARCH o USING INDEX orders_workstation_created \(workstation_id=\?\)\nLIST SUBQUERY/,
      );
      expect(query.explain(input({}), { stationId: 'HQ-S2' })[0]).toMatch(/orders_station_created/);
    });

    it('a lost index is an error, not a slow scan', () => {
      const other = tempDir();
      const db2 = openDatabase(other);
      try {
        seedReferenceData(db2);
        db2.exec('DROP INDEX orders_domain_created');
        const q2 = new OrderQuery(db2, sla, () => NOW);
        expect(() => q2.list(input({ domainId: '01' }), CENTER)).toThrow(/no such index: orders_domain_created/);
      } finally {
        db2.close();
        fs.rmSync(other, { recursive: true, force: true });
      }
    });
  });

  describe('duplicates', () => {
    it('ranks open orders of the same category and place by text similarity', () => {
      const base = {
        categoryId: '0200201',
        workstationId: 'HQ-W-HQ01' as string | null,
        state: 'handling' as OrderState,
      };
      const t0 = NOW - 3 * DAY;
      const made = {
        close: insertOrder(db, {
          ...base,
          title: '向东村川沙路井盖缺失',
          description: '井盖缺失有人掉落风险',
          createdAt: t0,
        }),
        near: insertOrder(db, {
          ...base,
          title: '向东村川沙路口井盖破损',
          description: '井盖破损',
          createdAt: t0 + HOUR,
        }),
        far: insertOrder(db, { ...base, title: '消防栓漏水', description: '水流到路面', createdAt: t0 + 2 * HOUR }),
        recentFar: insertOrder(db, { ...base, title: '路面塌陷', description: '', createdAt: NOW - 2 * HOUR }),
        closed: insertOrder(db, { ...base, state: 'closed', title: '向东村川沙路井盖缺失', createdAt: t0 }),
        otherPlace: insertOrder(db, {
          ...base,
          workstationId: 'HQ-W-HQ05',
          title: '向东村川沙路井盖缺失',
          createdAt: t0,
        }),
        otherCategory: insertOrder(db, {
          ...base,
          categoryId: '0200203',
          title: '向东村川沙路井盖缺失',
          createdAt: t0,
        }),
        old: insertOrder(db, { ...base, title: '向东村川沙路井盖缺失', createdAt: NOW - 8 * DAY }),
      };
      const ask: DuplicatesInput = {
        categoryId: '0200201',
        workstationId: 'HQ-W-HQ01',
        title: '向东村川沙路井盖缺失',
        description: '井盖缺失',
      };
      const found = query.duplicates(ask, CENTER);
      // seeded orders of 0200201 at HQ-W-HQ01 may also qualify; ours must rank as follows
      const ids = found.map((d) => d.id);
      expect(ids.indexOf(made.close.id)).toBe(0);
      expect(ids).toContain(made.near.id);
      expect(ids).not.toContain(made.far.id);
      for (const no of [made.closed, made.otherPlace, made.otherCategory, made.old]) expect(ids).not.toContain(no.id);
      expect(found.length).toBeLessThanOrEqual(5);
      for (let i = 1; i < found.length; i++)
        expect(found[i - 1]?.similarity).toBeGreaterThanOrEqual(found[i]?.similarity ?? 0);
      expect(found[0]?.similarity).toBeGreaterThan(0.5);
      // within 24 hours: suggested whatever the text
      expect(ids).toContain(made.recentFar.id);
      expect(found.find((d) => d.id === made.recentFar.id)?.similarity).toBeLessThan(0.2);
      // a longer window reaches the old one; a station user of the other station sees none
      expect(query.duplicates(ask, CENTER, 10).map((d) => d.id)).toContain(made.old.id);
      expect(query.duplicates(ask, { stationId: 'HQ-S2' })).toEqual([]);
      // no workstation: only orders without one
      const none = query.duplicates({ ...ask, workstationId: null }, CENTER);
      expect(none.every((d) => d.workstationId === null)).toBe(true);
    });
  });
});

describe('OrderQuery total', () => {
  it('counts exactly up to the cap and reports the cap beyond it', () => {
    const dir = tempDir();
    const db = openDatabase(dir);
    try {
      seedReferenceData(db);
      db.transaction(() => {
        for (let i = 0; i < TOTAL_CAP + 40; i++) {
          insertOrder(db, {
            title: i % 2 === 0 ? '井盖缺失' : '路灯不亮',
            createdAt: NOW - (TOTAL_CAP + 40 - i) * HOUR,
            state: i < 30 ? 'handling' : 'archived',
          });
        }
      })();
      const q = new OrderQuery(db, sla, () => NOW);
      const total = (filter: OrderFilter) =>
        q.list({ filter, sort: 'created_desc', cursor: null, limit: 5 }, CENTER).total;
      expect(total({})).toBe(TOTAL_CAP);
      expect(total({ states: ['handling'] })).toBe(30);
      expect(total({ text: '井盖' })).toBe((TOTAL_CAP + 40) / 2);
      expect(total({ text: '井盖', states: ['handling'] })).toBe(15);
    } finally {
      db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
