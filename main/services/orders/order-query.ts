import type Database from 'better-sqlite3';
import {
  apiError,
  type MethodOutput,
  type MethodParsedInput,
  type OrderFilter,
  type OrderSummary,
} from '../../../common/contract';
import { FINISHED_STATES } from '../../../common/domain/orders/states';
import { toGrams, toMatchQuery } from '../../../common/domain/text/bigrams';
import type { Db } from '../../db/connection';
import type { OrderActor } from './actor';
import { ORDER_COLUMNS, toSummary, type OrderRow } from './order-rows';
import type { SlaClock } from './sla-port';

/** What the caller may see: a station user (`stationId` set) sees that station's orders only. */
export type OrderScope = Pick<OrderActor, 'stationId'>;

export type OrderListInput = MethodParsedInput<'orders.list'>;
export type OrderListOutput = MethodOutput<'orders.list'>;
export type OrderSort = OrderListInput['sort'];
export type DuplicatesInput = MethodParsedInput<'orders.duplicates'>;
export type DuplicateCandidate = OrderSummary & { similarity: number };

/**
 * `total` is counted up to this many orders and reported as exactly this number beyond it: the
 * list shows `total >= TOTAL_CAP` as "10 000+". An exact count of a broad filter at a million
 * orders costs a scan of most of the table (hundreds of ms); counting stops at the cap instead.
 * The count is made for the first page only and carried in the cursor to the following pages.
 */
export const TOTAL_CAP = 1_000;

/** Suggested duplicates: at least this bigram Jaccard similarity (or created within the last 24 h). */
export const DUPLICATE_MIN_SIMILARITY = 0.2;
export const DUPLICATE_DEFAULT_WINDOW_DAYS = 7;
const DUPLICATE_MAX = 5;
/** How many same-place same-category open orders are scored at most (newest first). */
const DUPLICATE_CANDIDATES = 500;
const DAY_MS = 86_400_000;

/**
 * ORDER_FROM (order-rows.ts) with the join order fixed: `orders` is always the outer loop, walked
 * along the index that gives the sort order. Left to itself, the planner (which has no ANALYZE
 * statistics here) may start from the small categories table and sort a million orders.
 */
const FROM = `orders o
  CROSS JOIN categories c ON c.id = o.category_id
  LEFT JOIN org_units w ON w.id = o.workstation_id`;

/**
 * One run of the keyset order. Most sorts are one segment; `deadline_asc` is three (open orders by
 * deadline, open orders without one, then the finished ones newest first), each served by an index,
 * and a page may span two of them. `keys` are the ORDER BY columns, all in `dir`; the cursor holds
 * the segment and the key values of the last row shown.
 */
interface Segment {
  where: string | null;
  keys: readonly string[];
  dir: 'ASC' | 'DESC';
  keyOf: (row: OrderRow) => number[];
}

const createdDesc: Segment = {
  where: null,
  keys: ['o.created_at', 'o.id'],
  dir: 'DESC',
  keyOf: (r) => [r.createdAt, r.id],
};

const SEGMENTS: Record<OrderSort, readonly Segment[]> = {
  created_desc: [createdDesc],
  created_asc: [{ ...createdDesc, dir: 'ASC' }],
  updated_desc: [{ where: null, keys: ['o.updated_at', 'o.id'], dir: 'DESC', keyOf: (r) => [r.updatedAt, r.id] }],
  deadline_asc: [
    {
      where: 'o.closed_at IS NULL AND o.deadline_at IS NOT NULL',
      keys: ['o.deadline_at', 'o.id'],
      dir: 'ASC',
      keyOf: (r) => [r.deadlineAt ?? 0, r.id],
    },
    { where: 'o.closed_at IS NULL AND o.deadline_at IS NULL', keys: ['o.id'], dir: 'ASC', keyOf: (r) => [r.id] },
    { ...createdDesc, where: 'o.closed_at IS NOT NULL' },
  ],
};

/**
 * With a full-text term and a creation-time sort the FTS index drives the query: order ids grow with
 * creation time, so newest-first is rowid-descending, which FTS5 walks directly and stops after a page.
 */
const TEXT_SEGMENTS: Partial<Record<OrderSort, readonly Segment[]>> = {
  created_desc: [{ where: null, keys: ['f.rowid'], dir: 'DESC', keyOf: (r) => [r.id] }],
  created_asc: [{ where: null, keys: ['f.rowid'], dir: 'ASC', keyOf: (r) => [r.id] }],
};

interface Cursor {
  /** the sort the cursor belongs to */
  o: OrderSort;
  /** segment index */
  s: number;
  /** key values of the last row shown; null = from the segment's start */
  k: number[] | null;
  /** the total counted for the first page */
  t: number;
}

function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify(c)).toString('base64url');
}

function badCursor(): Error {
  return apiError('E_INVALID', '分页游标无效，请重新查询', 'Invalid page cursor; run the search again');
}

function decodeCursor(text: string, sort: OrderSort, segments: readonly Segment[]): Cursor {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw badCursor();
  }
  if (typeof value !== 'object' || value === null) throw badCursor();
  const c = value as Partial<Record<keyof Cursor, unknown>>;
  const segment = typeof c.s === 'number' && Number.isInteger(c.s) ? segments[c.s] : undefined;
  const keysOk =
    c.k === null ||
    (Array.isArray(c.k) && c.k.length === segment?.keys.length && c.k.every((x) => Number.isSafeInteger(x)));
  if (c.o !== sort || !segment || !keysOk || typeof c.t !== 'number' || !Number.isSafeInteger(c.t) || c.t < 0) {
    throw badCursor();
  }
  return value as Cursor;
}

type Param = string | number;

interface Conditions {
  sql: string[];
  params: Param[];
}

/**
 * Finding orders: the filtered, sorted, keyset-paged list and the duplicate suggestions at creation.
 * Read-only; every query is scoped to what the caller may see.
 */
export class OrderQuery {
  private readonly cache = new Map<string, Database.Statement<Param[]>>();

  constructor(
    private readonly db: Db,
    private readonly sla: SlaClock,
    private readonly clock: () => number,
  ) {}

  list(input: OrderListInput, scope: OrderScope): OrderListOutput {
    const now = this.clock();
    const plan = this.plan(input, scope, now);
    if (!plan) return { rows: [], nextCursor: null, total: 0 };
    const { conds, match, segments } = plan;
    const cursor = input.cursor
      ? decodeCursor(input.cursor, input.sort, segments)
      : { o: input.sort, s: 0, k: null, t: this.count(conds, match) };

    const rows: OrderRow[] = [];
    let nextCursor: string | null = null;
    for (let s = cursor.s, key = cursor.k; s < segments.length; s++, key = null) {
      const segment = segments[s];
      if (!segment) break;
      const need = input.limit - rows.length;
      const got = this.page(conds, match, segment, key, need + 1);
      if (got.length > need) {
        rows.push(...got.slice(0, need));
        const last = rows.at(-1);
        const k = need > 0 && last ? segment.keyOf(last) : null;
        nextCursor = encodeCursor({ o: input.sort, s, k, t: cursor.t });
        break;
      }
      rows.push(...got);
    }
    return { rows: rows.map((r) => toSummary(r, now, this.sla)), nextCursor, total: cursor.t };
  }

  /**
   * SQLite's query plan (EXPLAIN QUERY PLAN details) of the first page of `input`: for tests that
   * pin the plan, so a lost or unused index fails a test rather than a control room at 1M orders.
   */
  explain(input: OrderListInput, scope: OrderScope): string[] {
    const plan = this.plan(input, scope, this.clock());
    const segment = plan?.segments[0];
    if (!plan || !segment) return [];
    const { sql, params } = pageSql(plan.conds, plan.match, segment, null, input.limit + 1);
    const rows = this.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[];
    return rows.map((r) => r.detail);
  }

  /**
   * The conditions, the segments of the sort and the FTS query driving the scan (set only when the
   * full-text index walks in the sort order), or null when the scope rules out every order.
   */
  private plan(
    input: OrderListInput,
    scope: OrderScope,
    now: number,
  ): { conds: Conditions; match: string | null; segments: readonly Segment[] } | null {
    const conds = this.conditions(input.filter, scope, now);
    if (!conds) return null;
    const match = input.filter.text ? toMatchQuery(input.filter.text) : null;
    const textSegments = match !== null ? TEXT_SEGMENTS[input.sort] : undefined;
    if (match !== null && textSegments) return { conds, match, segments: textSegments };
    if (match !== null) {
      conds.sql.push('o.id IN (SELECT rowid FROM orders_fts WHERE orders_fts MATCH ?)');
      conds.params.push(match);
    }
    return { conds, match: null, segments: SEGMENTS[input.sort] };
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
    const finished = FINISHED_STATES.map(() => '?').join(', ');
    const sql = [
      'o.category_id = ?',
      input.workstationId === null ? 'o.workstation_id IS NULL' : 'o.workstation_id = ?',
      'o.created_at >= ?',
      `o.state NOT IN (${finished})`,
    ];
    const params: Param[] = [input.categoryId];
    if (input.workstationId !== null) params.push(input.workstationId);
    params.push(now - windowDays * DAY_MS, ...FINISHED_STATES);
    if (scope.stationId !== null) {
      sql.push('o.station_id = ?');
      params.push(scope.stationId);
    }
    const rows = this.all(
      `SELECT ${ORDER_COLUMNS} FROM ${FROM} WHERE ${sql.join(' AND ')}
       ORDER BY o.created_at DESC, o.id DESC LIMIT ${DUPLICATE_CANDIDATES}`,
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

  /** The SQL form of the filter and the scope (everything but the text), or null when nothing can match. */
  private conditions(filter: OrderFilter, scope: OrderScope, now: number): Conditions | null {
    const sql: string[] = [];
    const params: Param[] = [];
    const add = (clause: string, ...values: Param[]) => {
      sql.push(clause);
      params.push(...values);
    };
    if (scope.stationId !== null) {
      if (filter.stationId !== undefined && filter.stationId !== scope.stationId) return null;
      add('o.station_id = ?', scope.stationId);
    } else if (filter.stationId !== undefined) {
      add('o.station_id = ?', filter.stationId);
    }
    if (filter.states && filter.states.length > 0) {
      add(`o.state IN (${filter.states.map(() => '?').join(', ')})`, ...filter.states);
    }
    if (filter.domainId !== undefined) add('o.domain_id = ?', filter.domainId);
    if (filter.categoryId !== undefined) {
      const ids = this.categoryAndDescendants(filter.categoryId);
      if (ids.length === 1) add('o.category_id = ?', filter.categoryId);
      else add(`o.category_id IN (${ids.map(() => '?').join(', ')})`, ...ids);
    }
    if (filter.workstationId !== undefined) add('o.workstation_id = ?', filter.workstationId);
    if (filter.departmentId !== undefined) {
      add("o.handler_kind = 'department' AND o.handler_id = ?", filter.departmentId);
    }
    if (filter.urgency !== undefined) add('o.urgency = ?', filter.urgency);
    if (filter.supervised !== undefined) add('o.supervised = ?', filter.supervised ? 1 : 0);
    if (filter.source !== undefined) add('o.source = ?', filter.source);
    if (filter.createdFrom !== undefined) add('o.created_at >= ?', filter.createdFrom);
    // Inclusive: the renderer sends the last instant of the chosen day.
    if (filter.createdTo !== undefined) add('o.created_at <= ?', filter.createdTo);
    // The light as lightOf() computes it (order-rows.ts), for open orders that are not parked;
    // `closed_at IS NULL` is what "open" means in SQL (set on every finished state) and lets the
    // partial deadline/warn indexes serve these.
    const running = 'o.closed_at IS NULL AND o.paused_at IS NULL';
    if (filter.light === 'red') add(`${running} AND o.deadline_at <= ?`, now);
    if (filter.light === 'yellow') {
      add(`${running} AND o.warn_at <= ? AND (o.deadline_at IS NULL OR o.deadline_at > ?)`, now, now);
    }
    if (filter.light === 'green') {
      add(
        `${running} AND (o.warn_at IS NULL OR o.warn_at > ?) AND (o.deadline_at IS NULL OR o.deadline_at > ?)`,
        now,
        now,
      );
    }
    return { sql, params };
  }

  /** A category id with its sub-categories and items (the tree is three levels deep). */
  private categoryAndDescendants(id: string): string[] {
    const rows = this.all(
      `SELECT id FROM categories WHERE id = ? OR parent_id = ?
       OR parent_id IN (SELECT id FROM categories WHERE parent_id = ?)`,
      [id, id, id],
    ) as unknown as { id: string }[];
    return rows.length > 0 ? rows.map((r) => r.id) : [id];
  }

  /** One segment's rows after `key`, at most `limit`. */
  private page(
    conds: Conditions,
    match: string | null,
    segment: Segment,
    key: readonly number[] | null,
    limit: number,
  ): OrderRow[] {
    const { sql, params } = pageSql(conds, match, segment, key, limit);
    return this.all(sql, params);
  }

  /** How many orders match, up to TOTAL_CAP. */
  private count(conds: Conditions, match: string | null): number {
    const cap = TOTAL_CAP + 1;
    let sql: string;
    let params: Param[];
    if (match !== null && conds.sql.length === 0) {
      sql = 'SELECT 1 FROM orders_fts WHERE orders_fts MATCH ?';
      params = [match];
    } else if (match !== null) {
      sql = `SELECT 1 FROM orders_fts f CROSS JOIN orders o WHERE orders_fts MATCH ? AND o.id = f.rowid AND ${conds.sql.join(' AND ')}`;
      params = [match, ...conds.params];
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
  conds: Conditions,
  match: string | null,
  segment: Segment,
  key: readonly number[] | null,
  limit: number,
): { sql: string; params: Param[] } {
  const where = [...conds.sql];
  const params: Param[] = [...conds.params];
  let from = FROM;
  if (match !== null) {
    from = `orders_fts f CROSS JOIN ${FROM}`;
    where.unshift('orders_fts MATCH ?', 'o.id = f.rowid');
    params.unshift(match);
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
