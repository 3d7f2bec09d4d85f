import type Database from 'better-sqlite3';
import { ORDER_TOTAL_CAP, type MethodOutput, type MethodParsedInput } from '../../../common/contract';
import { isOpen } from '../../../common/domain/orders/states';
import { toMatchQuery } from '../../../common/domain/text/bigrams';
import type { Db } from '../../db/connection';
import { categoryTree, createdIndex, orderConditions, type CategoryTree } from './order-conditions';
import { badCursor, decodeCursor, encodeCursor, type Cursor } from './order-cursor';
import {
  DUPLICATE_DEFAULT_WINDOW_DAYS,
  findDuplicates,
  type DuplicateCandidate,
  type DuplicatesInput,
} from './order-duplicates';
import { pinnedIncidentIds, pinSegments } from './order-pin';
import { toSummary, type OrderRow } from './order-rows';
import { FTS_SEGMENTS, pageSql, SEGMENTS, type Param, type Plan } from './order-segments';
import type { OrderScope } from './order-visibility';
import type { SlaClock } from './sla-port';

/** What the caller may see: the rule lives in order-visibility.ts (lists and reads by id share it). */
export type { OrderScope } from './order-visibility';

export type OrderListInput = MethodParsedInput<'orders.list'>;
export type OrderListOutput = MethodOutput<'orders.list'>;
export type { OrderSort } from './order-segments';
export type { DuplicateCandidate, DuplicatesInput } from './order-duplicates';

/**
 * `total` is exact up to this many orders; beyond it the count stops and reports exactly this number,
 * which the list shows as "1 000+". Counting costs one row lookup per order examined: at a million
 * orders a cap of 10 000 took 50–150 ms for a plain domain + open-states filter (bench), a cap of
 * 1 000 under 1 ms. The count is made for the first page only and carried in the cursor to the
 * following pages, so paging costs no count at all.
 */
export const TOTAL_CAP = ORDER_TOTAL_CAP;

/**
 * A text term found in at most this many orders may be turned into a list of ids and checked
 * against a selective index (one workstation, one category…); a commoner one drives the scan
 * through the full-text index itself. Counting that many FTS hits costs about 2 ms.
 */
const TEXT_LIST_MAX = 50_000;

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

  /** Open orders that may be the problem being registered (order-duplicates.ts). */
  duplicates(
    input: DuplicatesInput,
    scope: OrderScope,
    windowDays = DUPLICATE_DEFAULT_WINDOW_DAYS,
  ): DuplicateCandidate[] {
    return findDuplicates((sql, params) => this.all(sql, params), input, scope, {
      now: this.clock(),
      sla: this.sla,
      windowDays,
    });
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
    const categories = () => this.categories();
    const conds = orderConditions(filter, scope, now, categories);
    if (!conds) return null;
    // Filtered to one incident, every row is linked: nothing to pin.
    const pins = pinned ?? (filter.incidentId === undefined ? pinnedIncidentIds(this.db) : []);
    const created = createdIndex(filter, scope, categories);
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

  /** The category tree (read per query so an administrator's edits apply at once). */
  private categories(): CategoryTree {
    return categoryTree(
      this.statement('SELECT id, parent_id AS parentId FROM categories').all() as {
        id: string;
        parentId: string | null;
      }[],
    );
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
