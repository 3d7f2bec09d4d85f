import type Database from 'better-sqlite3';
import {
  apiError,
  ORDER_TOTAL_CAP,
  type MethodOutput,
  type MethodParsedInput,
  type OrderFilter,
  type OrderSummary,
} from '../../../common/contract';
import { FINISHED_STATES, isOpen } from '../../../common/domain/orders/states';
import { toGrams, toMatchQuery } from '../../../common/domain/text/bigrams';
import type { Db } from '../../db/connection';
import { isPinList, pinnedIncidentIds, pinSegments } from './order-pin';
import { ORDER_COLUMNS, toSummary, type OrderRow } from './order-rows';
import { canSeeOrder, orderScopeSql, type OrderScope } from './order-visibility';
import type { SlaClock } from './sla-port';

/** What the caller may see: the rule lives in order-visibility.ts (lists and reads by id share it). */
export type { OrderScope } from './order-visibility';

export type OrderListInput = MethodParsedInput<'orders.list'>;
export type OrderListOutput = MethodOutput<'orders.list'>;
export type OrderSort = OrderListInput['sort'];
export type DuplicatesInput = MethodParsedInput<'orders.duplicates'>;
export type DuplicateCandidate = OrderSummary & { similarity: number };

/**
 * `total` is exact up to this many orders; beyond it the count stops and reports exactly this number,
 * which the list shows as "1 000+". Counting costs one row lookup per order examined: at a million
 * orders a cap of 10 000 took 50–150 ms for a plain domain + open-states filter (bench), a cap of
 * 1 000 under 1 ms. The count is made for the first page only and carried in the cursor to the
 * following pages, so paging costs no count at all.
 */
export const TOTAL_CAP = ORDER_TOTAL_CAP;

/** Suggested duplicates: at least this bigram Jaccard similarity (or created within the last 24 h). */
export const DUPLICATE_MIN_SIMILARITY = 0.2;
export const DUPLICATE_DEFAULT_WINDOW_DAYS = 7;
const DUPLICATE_MAX = 5;
/** How many same-place same-category open orders are scored at most (newest first). */
const DUPLICATE_CANDIDATES = 500;
const DAY_MS = 86_400_000;

/**
 * A text term found in at most this many orders may be turned into a list of ids and checked
 * against a selective index (one workstation, one category…); a commoner one drives the scan
 * through the full-text index itself. Counting that many FTS hits costs about 2 ms.
 */
const TEXT_LIST_MAX = 50_000;

/** The index that walks `orders` in the sort order; the choice is ours, not the planner's (below). */
type OrderIndex =
  | 'orders_created'
  | 'orders_workstation_created'
  | 'orders_category_created'
  | 'orders_handler'
  | 'orders_state_created'
  | 'orders_domain_created'
  | 'orders_station_created'
  | 'orders_deadline'
  | 'orders_updated';

/**
 * One run of the keyset order. Most sorts are one segment; `deadline_asc` is three (open orders by
 * deadline, open orders without one, then the finished ones newest first), each walked along an
 * index, and a page may span two of them. `keys` are the ORDER BY columns, all in `dir`; the cursor
 * holds the segment and the key values of the last row shown. `index` 'created' stands for the
 * creation-time index chosen for the filter.
 */
interface Segment {
  where: string | null;
  keys: readonly string[];
  dir: 'ASC' | 'DESC';
  keyOf: (row: OrderRow) => number[];
  index: OrderIndex | 'created' | null;
  /** which orders the segment holds, so a filter can skip segments it rules out */
  holds: 'all' | 'open' | 'finished';
}

const createdDesc: Segment = {
  where: null,
  keys: ['o.created_at', 'o.id'],
  dir: 'DESC',
  keyOf: (r) => [r.createdAt, r.id],
  index: 'created',
  holds: 'all',
};

const SEGMENTS: Record<OrderSort, readonly Segment[]> = {
  created_desc: [createdDesc],
  created_asc: [{ ...createdDesc, dir: 'ASC' }],
  updated_desc: [
    {
      where: null,
      keys: ['o.updated_at', 'o.id'],
      dir: 'DESC',
      keyOf: (r) => [r.updatedAt, r.id],
      index: 'orders_updated',
      holds: 'all',
    },
  ],
  deadline_asc: [
    {
      where: 'o.closed_at IS NULL AND o.deadline_at IS NOT NULL',
      keys: ['o.deadline_at', 'o.id'],
      dir: 'ASC',
      keyOf: (r) => [r.deadlineAt ?? 0, r.id],
      index: 'orders_deadline',
      holds: 'open',
    },
    {
      where: 'o.closed_at IS NULL AND o.deadline_at IS NULL',
      keys: ['o.id'],
      dir: 'ASC',
      keyOf: (r) => [r.id],
      index: 'orders_deadline',
      holds: 'open',
    },
    { ...createdDesc, where: 'o.closed_at IS NOT NULL', holds: 'finished' },
  ],
};

/**
 * With a full-text term and a creation-time sort the FTS index can drive the query: order ids grow
 * with creation time, so newest-first is rowid-descending, which FTS5 walks directly, stopping
 * after a page.
 */
const FTS_SEGMENTS: Partial<Record<OrderSort, readonly Segment[]>> = {
  created_desc: [{ where: null, keys: ['f.rowid'], dir: 'DESC', keyOf: (r) => [r.id], index: null, holds: 'all' }],
  created_asc: [{ where: null, keys: ['f.rowid'], dir: 'ASC', keyOf: (r) => [r.id], index: null, holds: 'all' }],
};

/**
 * ORDER_FROM (order-rows.ts) with the join order fixed: `orders` is always the outer loop. Left to
 * itself the planner (this database has no ANALYZE statistics) may start from the small categories
 * table and sort a million orders (seconds, in the bench).
 */
const FROM = `orders o
  CROSS JOIN categories c ON c.id = o.category_id
  LEFT JOIN org_units w ON w.id = o.workstation_id`;

type Param = string | number;

interface Conditions {
  sql: string[];
  params: Param[];
}

/** How one list query runs: its conditions, its segments, and what walks them. */
interface Plan {
  conds: Conditions;
  /** the FTS query when the full-text index drives the scan */
  fts: string | null;
  segments: readonly Segment[];
  /** the creation-time index for segments marked 'created' */
  created: OrderIndex;
  /** the incidents whose linked orders come first (order-pin.ts) */
  pins: number[];
}

interface Cursor {
  /** the sort the cursor belongs to */
  o: OrderSort;
  /** 1 when the full-text index drives the scan (decided on the first page, kept while paging) */
  f: 0 | 1;
  /** segment index */
  s: number;
  /** key values of the last row shown; null = from the segment's start */
  k: number[] | null;
  /** the total counted for the first page */
  t: number;
  /** the incidents pinned on the first page, kept while paging (absent: none) */
  p?: number[];
}

function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify(c)).toString('base64url');
}

function badCursor(): Error {
  return apiError('E_INVALID', '分页游标无效，请重新查询', 'Invalid page cursor; run the search again');
}

function decodeCursor(text: string, sort: OrderSort): Cursor {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw badCursor();
  }
  if (typeof value !== 'object' || value === null) throw badCursor();
  const c = value as Partial<Record<keyof Cursor, unknown>>;
  const ok =
    c.o === sort &&
    (c.f === 0 || c.f === 1) &&
    typeof c.s === 'number' &&
    Number.isInteger(c.s) &&
    (c.k === null || (Array.isArray(c.k) && c.k.every((x) => Number.isSafeInteger(x)))) &&
    typeof c.t === 'number' &&
    Number.isSafeInteger(c.t) &&
    c.t >= 0 &&
    (c.p === undefined || isPinList(c.p));
  if (!ok) throw badCursor();
  return value as Cursor;
}

/**
 * Finding orders: the filtered, sorted, keyset-paged list and the duplicate suggestions at creation.
 * Read-only; every query is scoped to what the caller may see.
 *
 * Query plans are chosen here rather than left to SQLite: the database carries no ANALYZE
 * statistics, and without them the planner guesses every equality equally selective and happily
 * sorts half a million rows for a first page. Each page walks one index in the sort order (named
 * with INDEXED BY, so a lost index is an error in the tests, not a slow control room) and filters
 * the rest row by row; the index is the most selective one the filter allows.
 */
export class OrderQuery {
  private readonly cache = new Map<string, Database.Statement<Param[]>>();
  private readonly hasUpdatedIndex: boolean;

  constructor(
    private readonly db: Db,
    private readonly sla: SlaClock,
    private readonly clock: () => number,
  ) {
    // `updated_desc` needs `orders_updated (updated_at DESC, id DESC)`; until a migration adds it,
    // that sort falls back to the planner (a sort of the filtered rows).
    this.hasUpdatedIndex =
      db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = 'orders_updated'").get() !== undefined;
  }

  list(input: OrderListInput, scope: OrderScope): OrderListOutput {
    const now = this.clock();
    const cursor = input.cursor ? decodeCursor(input.cursor, input.sort) : null;
    const plan = this.plan(input, scope, now, cursor ? cursor.f === 1 : null, cursor ? (cursor.p ?? []) : null);
    if (!plan) return { rows: [], nextCursor: null, total: 0 };
    if (
      cursor &&
      (cursor.s >= plan.segments.length || (cursor.k && cursor.k.length !== plan.segments[cursor.s]?.keys.length))
    ) {
      throw badCursor();
    }
    const start: Cursor = cursor ?? {
      o: input.sort,
      f: plan.fts !== null ? 1 : 0,
      s: 0,
      k: null,
      t: this.count(plan),
      ...(plan.pins.length > 0 ? { p: plan.pins } : {}),
    };

    const rows: OrderRow[] = [];
    let nextCursor: string | null = null;
    for (let s = start.s, key = start.k; s < plan.segments.length; s++, key = null) {
      const segment = plan.segments[s];
      if (!segment) break;
      const need = input.limit - rows.length;
      const { sql, params } = pageSql(plan, segment, key, need + 1);
      const got = this.all(sql, params);
      if (got.length > need) {
        rows.push(...got.slice(0, need));
        const last = rows.at(-1);
        const k = need > 0 && last ? segment.keyOf(last) : null;
        nextCursor = encodeCursor({ ...start, s, k });
        break;
      }
      rows.push(...got);
    }
    return { rows: rows.map((r) => toSummary(r, now, this.sla)), nextCursor, total: start.t };
  }

  /**
   * SQLite's query plan (EXPLAIN QUERY PLAN details) of the first page of `input`, for tests that
   * pin it: a lost or unused index then fails a test rather than a control room at 1M orders.
   */
  explain(input: OrderListInput, scope: OrderScope): string[] {
    const plan = this.plan(input, scope, this.clock(), null, null);
    const segment = plan?.segments[0];
    if (!plan || !segment) return [];
    const { sql, params } = pageSql(plan, segment, null, input.limit + 1);
    const rows = this.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[];
    return rows.map((r) => r.detail);
  }

  /**
   * Open orders that may be the problem being registered: same category, same workstation (or both
   * none), created within `windowDays`, ranked by the bigram Jaccard similarity of title and
   * description. Those at least {@link DUPLICATE_MIN_SIMILARITY} similar are suggested, and any
   * created in the last 24 hours whatever their text; at most five, most similar first.
   */
  duplicates(
    input: DuplicatesInput,
    scope: OrderScope,
    windowDays = DUPLICATE_DEFAULT_WINDOW_DAYS,
  ): DuplicateCandidate[] {
    const now = this.clock();
    const sql = [
      'o.category_id = ?',
      input.workstationId === null ? 'o.workstation_id IS NULL' : 'o.workstation_id = ?',
      'o.created_at >= ?',
      `o.state NOT IN (${FINISHED_STATES.map(() => '?').join(', ')})`,
    ];
    const params: Param[] = [input.categoryId];
    if (input.workstationId !== null) params.push(input.workstationId);
    params.push(now - windowDays * DAY_MS, ...FINISHED_STATES);
    const scoped = orderScopeSql(scope);
    if (scoped) {
      sql.push(scoped.sql);
      params.push(...scoped.params);
    }
    const rows = this.all(
      `SELECT ${ORDER_COLUMNS} FROM orders o INDEXED BY orders_category_created
         CROSS JOIN categories c ON c.id = o.category_id LEFT JOIN org_units w ON w.id = o.workstation_id
       WHERE ${sql.join(' AND ')} ORDER BY o.created_at DESC, o.id DESC LIMIT ${DUPLICATE_CANDIDATES}`,
      params,
    );
    const wanted = gramSet(`${input.title} ${input.description}`);
    return rows
      .map((row) => ({ row, similarity: jaccard(wanted, gramSet(`${row.title} ${row.description}`)) }))
      .filter(({ row, similarity }) => similarity >= DUPLICATE_MIN_SIMILARITY || row.createdAt >= now - DAY_MS)
      .sort((a, b) => b.similarity - a.similarity || b.row.createdAt - a.row.createdAt || b.row.id - a.row.id)
      .slice(0, DUPLICATE_MAX)
      .map(({ row, similarity }) => ({
        ...toSummary(row, now, this.sla),
        similarity: Math.round(similarity * 1000) / 1000,
      }));
  }

  /**
   * How the list query runs, or null when the scope rules out every order. `ftsDriven` and `pinned`
   * are the choices recorded in the cursor (null on a first page: decide now).
   */
  private plan(
    input: OrderListInput,
    scope: OrderScope,
    now: number,
    ftsDriven: boolean | null,
    pinned: number[] | null,
  ): Plan | null {
    const { filter, sort } = input;
    const conds = this.conditions(filter, scope, now);
    if (!conds) return null;
    // Filtered to one incident, every row is linked: nothing to pin.
    const pins = pinned ?? (filter.incidentId === undefined ? pinnedIncidentIds(this.db) : []);
    const created = this.createdIndex(filter, scope);
    const match = filter.text ? toMatchQuery(filter.text) : null;
    const ftsSegments = FTS_SEGMENTS[sort];
    if (match !== null && ftsSegments) {
      // The FTS index walks in creation order and stops after a page: best unless other filters
      // are selective (one workstation, one category…) and the term not too common, when its ids
      // checked against that index are cheaper than reading every hit until a page is full.
      const selective =
        created !== 'orders_created' && created !== 'orders_domain_created' && created !== 'orders_station_created';
      const drive =
        ftsDriven ?? (conds.sql.length === 0 || !selective || this.ftsHits(match, TEXT_LIST_MAX + 1) > TEXT_LIST_MAX);
      if (drive) return { conds, fts: match, segments: pinSegments(ftsSegments, pins), created, pins };
    }
    if (match !== null) {
      conds.sql.push('o.id IN (SELECT rowid FROM orders_fts WHERE orders_fts MATCH ?)');
      conds.params.push(match);
    }
    // Segments the filter rules out are skipped rather than scanned for nothing (a light or a set
    // of open states means open orders only; a set of finished states, finished ones only).
    const states = filter.states ?? [];
    const openOnly = filter.light !== undefined || (states.length > 0 && states.every(isOpen));
    const finishedOnly = states.length > 0 && !states.some(isOpen);
    // An incident links a few hundred orders at most: found by id and sorted, rather than walking
    // an index of every order for them.
    const byIds = filter.incidentId !== undefined;
    const segments = SEGMENTS[sort]
      .filter((s) => !(openOnly && s.holds === 'finished') && !(finishedOnly && s.holds === 'open'))
      .map((s) => (byIds || (s.index === 'orders_updated' && !this.hasUpdatedIndex) ? { ...s, index: null } : s));
    return { conds, fts: null, segments: pinSegments(segments, pins), created, pins };
  }

  /**
   * The creation-time index for the filter: the most selective equality it has, so that a first page
   * reads few rows beyond the ones it shows. A light of yellow or green is a small set (open orders
   * not yet overdue) reached by the partial deadline index and sorted.
   */
  private createdIndex(filter: OrderFilter, scope: OrderScope): OrderIndex {
    if (filter.light === 'yellow') return 'orders_deadline';
    if (filter.workstationId !== undefined) return 'orders_workstation_created';
    if (filter.categoryId !== undefined && this.categories().leaf(filter.categoryId)) return 'orders_category_created';
    if (filter.departmentId !== undefined) return 'orders_handler';
    if (filter.states?.length === 1) return 'orders_state_created';
    if (filter.domainId !== undefined || filter.categoryId !== undefined) return 'orders_domain_created';
    if (filter.stationId !== undefined || scope.stationId !== null) return 'orders_station_created';
    return 'orders_created';
  }

  /** The SQL form of the filter and the scope (everything but the text), or null when nothing can match. */
  private conditions(filter: OrderFilter, scope: OrderScope, now: number): Conditions | null {
    const sql: string[] = [];
    const params: Param[] = [];
    const add = (clause: string, ...values: Param[]) => {
      sql.push(clause);
      params.push(...values);
    };
    const scoped = orderScopeSql(scope);
    if (scoped) {
      // A station filter outside the caller's scope matches nothing (canSeeOrder would refuse every row).
      if (filter.stationId !== undefined && !canSeeOrder({ stationId: filter.stationId }, scope)) return null;
      add(scoped.sql, ...scoped.params);
    } else if (filter.stationId !== undefined) {
      add('o.station_id = ?', filter.stationId);
    }
    if (filter.states && filter.states.length > 0) {
      add(`o.state IN (${filter.states.map(() => '?').join(', ')})`, ...filter.states);
    }
    if (filter.domainId !== undefined) add('o.domain_id = ?', filter.domainId);
    if (filter.categoryId !== undefined) {
      // A sub-category covers its items; its domain is added so the domain index can walk it.
      const tree = this.categories();
      const ids = tree.withDescendants(filter.categoryId);
      if (ids.length === 1) add('o.category_id = ?', filter.categoryId);
      else add(`o.category_id IN (${ids.map(() => '?').join(', ')})`, ...ids);
      const domain = tree.domainOf(filter.categoryId);
      if (ids.length > 1 && domain !== filter.domainId) add('o.domain_id = ?', domain);
    }
    if (filter.workstationId !== undefined) add('o.workstation_id = ?', filter.workstationId);
    if (filter.departmentId !== undefined) {
      add("o.handler_kind = 'department' AND o.handler_id = ?", filter.departmentId);
    }
    if (filter.urgency !== undefined) add('o.urgency = ?', filter.urgency);
    if (filter.supervised !== undefined) add('o.supervised = ?', filter.supervised ? 1 : 0);
    if (filter.source !== undefined) add('o.source = ?', filter.source);
    if (filter.feedbackResult !== undefined) add('o.feedback_result = ?', filter.feedbackResult);
    if (filter.incidentId !== undefined) {
      add('o.id IN (SELECT order_id FROM incident_orders WHERE incident_id = ?)', filter.incidentId);
    }
    if (filter.createdFrom !== undefined) add('o.created_at >= ?', filter.createdFrom);
    // Inclusive: the renderer sends the last instant of the chosen day.
    if (filter.createdTo !== undefined) add('o.created_at <= ?', filter.createdTo);
    // The light as lightOf() (order-rows.ts) computes it, for running orders: open (closed_at is
    // set on every finished state) and not parked. The SLA sets warn_at and deadline_at together,
    // warn_at first, so an order without warn_at has no deadline either and is green.
    // `+o.warn_at` keeps the planner off the warn index for yellow: the band is found from the
    // deadline side, among the few open orders not yet overdue.
    const running = 'o.closed_at IS NULL AND o.paused_at IS NULL';
    if (filter.light === 'red') add(`${running} AND o.deadline_at <= ?`, now);
    if (filter.light === 'yellow') add(`${running} AND o.deadline_at > ? AND +o.warn_at <= ?`, now, now);
    if (filter.light === 'green') add(`${running} AND (o.warn_at > ? OR o.warn_at IS NULL)`, now);
    return { sql, params };
  }

  /** The category tree (a few dozen rows, read per query so an administrator's edits apply at once). */
  private categories() {
    const rows = this.statement('SELECT id, parent_id AS parentId FROM categories').all() as {
      id: string;
      parentId: string | null;
    }[];
    const parent = new Map(rows.map((r) => [r.id, r.parentId]));
    const withDescendants = (id: string): string[] => {
      const out = [id];
      for (let i = 0; i < out.length; i++) for (const r of rows) if (r.parentId === out[i]) out.push(r.id);
      return out;
    };
    return {
      withDescendants,
      leaf: (id: string) => withDescendants(id).length === 1,
      domainOf: (id: string): string => {
        let at = id;
        for (let up = parent.get(at); up; up = parent.get(at)) at = up;
        return at;
      },
    };
  }

  /** How many orders the FTS query matches, counting no further than `upTo`. */
  private ftsHits(match: string, upTo: number): number {
    const sql = `SELECT count(*) AS n FROM (SELECT 1 FROM orders_fts WHERE orders_fts MATCH ? LIMIT ${upTo})`;
    return (this.statement(sql).get(match) as { n: number }).n;
  }

  /** How many orders match, up to TOTAL_CAP (the planner picks the index: no order is needed). */
  private count(plan: Plan): number {
    const { conds, fts } = plan;
    const cap = TOTAL_CAP + 1;
    let sql: string;
    let params: Param[];
    if (fts !== null && conds.sql.length === 0) {
      sql = 'SELECT 1 FROM orders_fts WHERE orders_fts MATCH ?';
      params = [fts];
    } else if (fts !== null) {
      sql = `SELECT 1 FROM orders_fts f CROSS JOIN orders o
             WHERE orders_fts MATCH ? AND o.id = f.rowid AND ${conds.sql.join(' AND ')}`;
      params = [fts, ...conds.params];
    } else {
      sql = `SELECT 1 FROM orders o${conds.sql.length > 0 ? ` WHERE ${conds.sql.join(' AND ')}` : ''}`;
      params = [...conds.params];
    }
    const row = this.statement(`SELECT count(*) AS n FROM (${sql} LIMIT ${cap})`).get(...params) as { n: number };
    return Math.min(row.n, TOTAL_CAP);
  }

  private all(sql: string, params: Param[]): OrderRow[] {
    return this.statement(sql).all(...params) as OrderRow[];
  }

  /** Prepared statements by SQL text: a filter's shape repeats while the user pages and refines. */
  private statement(sql: string): Database.Statement<Param[]> {
    let stmt = this.cache.get(sql);
    if (!stmt) {
      if (this.cache.size >= 200) this.cache.clear();
      stmt = this.db.prepare<Param[]>(sql);
      this.cache.set(sql, stmt);
    }
    return stmt;
  }
}

/** The SQL of one segment's page: the filter, the segment's part, the keyset bound, the order. */
function pageSql(
  plan: Plan,
  segment: Segment,
  key: readonly number[] | null,
  limit: number,
): { sql: string; params: Param[] } {
  const where = [...plan.conds.sql];
  const params: Param[] = [...plan.conds.params];
  let from: string;
  if (plan.fts !== null) {
    from = `orders_fts f CROSS JOIN ${FROM}`;
    where.unshift('orders_fts MATCH ?', 'o.id = f.rowid');
    params.unshift(plan.fts);
  } else {
    const index = segment.index === 'created' ? plan.created : segment.index;
    from = index ? FROM.replace('orders o', `orders o INDEXED BY ${index}`) : FROM;
  }
  if (segment.where) where.push(segment.where);
  if (key) {
    const op = segment.dir === 'DESC' ? '<' : '>';
    where.push(
      segment.keys.length === 1
        ? `${segment.keys[0] ?? ''} ${op} ?`
        : `(${segment.keys.join(', ')}) ${op} (${segment.keys.map(() => '?').join(', ')})`,
    );
    params.push(...key);
  }
  params.push(limit);
  const order = segment.keys.map((k) => `${k} ${segment.dir}`).join(', ');
  return {
    sql: `SELECT ${ORDER_COLUMNS} FROM ${from}${where.length > 0 ? ` WHERE ${where.join(' AND ')}` : ''}
      ORDER BY ${order} LIMIT ?`,
    params,
  };
}

function gramSet(text: string): Set<string> {
  return new Set(toGrams(text).split(' ').filter(Boolean));
}

/** |A ∩ B| / |A ∪ B| of two gram sets (0 when both are empty). */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 0;
  let shared = 0;
  for (const g of a) if (b.has(g)) shared++;
  return shared / (a.size + b.size - shared);
}
