import type { ChiefScoreTable, Dashboard, DashboardFilter, DashboardKpis } from '../../../common/contract';
import {
  CARD,
  closeRate,
  DEFAULT_CHIEF_WEIGHTS,
  DUE_CARDS,
  onTimeCloseRate,
  onTimeHandleRate,
  ratio,
  scoreOf,
  supervisionReplyRate,
  type ChiefOptions,
  type ChiefRow,
  type OrderFacts,
  type Period,
  type StepActor,
} from '../../../common/domain/kpi';
import type { OrderState } from '../../../common/domain/orders/states';
import { dateOfDay, dayStart, shanghaiDay } from '../../../common/domain/time';
import {
  addParts,
  BLOCK_DAYS,
  GRAIN,
  grainsOf,
  BLOCK_FAMILY,
  handlingOf,
  partsOf,
  type CountDelta,
  type PartInputs,
} from '../orders/kpi-days-store';
import type { StoredFacts } from '../orders/order-facts-store';
import type { OrderFactsRepo } from '../orders/order-facts-repo';
import type { CountsScope, DayCount, DayCountsRepo } from './day-counts-repo';
import { periodDays } from './series';

/** What one dashboard read over the per-day counts needs. */
export interface DaysQuery {
  from: number;
  to: number;
  /** the station and the one filter whose counts answer */
  at: CountsScope;
  now: number;
  drillIncidentIds: ReadonlySet<number>;
  workstations: readonly string[];
  chief: ChiefOptions;
}

type Corrections = Map<string, CountDelta>;

/** The reader's corrections: count deltas, the orders whose 处置时长 rows do not count, the fresh ones that do. */
interface Fix {
  deltas: Corrections;
  excluded: Set<number>;
  added: { day: number; bucket: number; ms: number }[];
}

/** A count's period: the first day and the day after the last. */
interface Days {
  from: number;
  to: number;
}

/** The Shanghai day numbers [from, to) of a period that starts and ends at Shanghai midnight. */
const daysOf = (p: Period): Days => ({ from: shanghaiDay(p.from), to: shanghaiDay(p.to) });

/** True when the period starts and ends at Shanghai midnight (whole days: the counts answer it). */
export function wholeDays(from: number, to: number): boolean {
  return dayStart(shanghaiDay(from)) === from && dayStart(shanghaiDay(to)) === to;
}

/**
 * The station and grain whose per-day counts answer a dashboard query, or undefined when the counts
 * cannot: two or more of the filters by domain, source, workstation and department at once (the counts
 * are kept for one at a time), a period not of whole Shanghai days, or a station filter outside the
 * caller's own station.
 */
export function countsScope(input: DashboardFilter, viewer: { stationId: string | null }): CountsScope | undefined {
  const { domainId, workstationId, departmentId, source, stationId } = input;
  const grains = [
    domainId === undefined ? null : GRAIN.domain(domainId),
    source === undefined ? null : GRAIN.source(source),
    workstationId === undefined ? null : GRAIN.workstation(workstationId),
    departmentId === undefined ? null : GRAIN.department(departmentId),
  ].filter((g): g is string => g !== null);
  if (grains.length > 1 || !wholeDays(input.from, input.to)) return undefined;
  if (viewer.stationId !== null && stationId !== undefined && stationId !== viewer.stationId) return undefined;
  return {
    station: viewer.stationId ?? stationId ?? null,
    grain: grains[0] ?? GRAIN.all,
    filter: { domainId, source, workstationId, departmentId },
  };
}

/**
 * The dashboard of a whole scope over whole Shanghai days from the per-day counts (kpi_days), equal
 * to the pure KPI functions over every order's facts (tests/unit/dashboard-day-counts.test.ts):
 * - the counts hold every order's parts, drills included: the drill orders' parts are taken away
 *   here, and a stale row's (written outside OrdersRepo) are replaced by its parts derived now;
 * - the "due by now" cohorts (应结案, 应回复) of the day still running count only deadlines before
 *   now: that day's part comes from the facts of the orders due in [midnight, now), not the counts;
 * - the P90 处置时长 is found as the bucket of its rank in the histogram, then the exact value among
 *   that bucket's durations (order_handling);
 * - the running orders' SLA light and 在办超期 move with the clock: read from the open orders now.
 */
export class DashboardFromDays {
  constructor(
    private readonly repo: DayCountsRepo,
    private readonly facts: OrderFactsRepo,
  ) {}

  get(q: DaysQuery): Omit<Dashboard, 'period' | 'previousPeriod'> {
    const period = { from: q.from, to: q.to };
    const previous = { from: q.from - (q.to - q.from), to: q.from };
    const fix = this.corrections(q);
    const today = shanghaiDay(q.now);
    const kpisOf = (p: Period) => {
      const d = daysOf(p);
      const cards = this.withFix(this.counts('k', d, today, q.at, true), fix.deltas, 'k');
      const histogram = this.withFix(this.counts('h', d, d.to, q.at, false), fix.deltas, 'h');
      const due = this.dueToday(p, q, today);
      return { kpis: this.cards(cards, d, today, due, this.p90(histogram, d, q, fix)), cards };
    };
    const current = kpisOf(period);
    return {
      kpis: current.kpis,
      previousKpis: kpisOf(previous).kpis,
      overdueNow: this.repo.overdueNow(q.now, q.at),
      chiefScore: this.chief(
        [
          ...current.cards,
          ...this.withFix(this.counts('c', daysOf(period), daysOf(period).to, q.at, false), fix.deltas, 'c'),
        ],
        daysOf(period),
        q.chief,
      ),
      ...this.series(q, fix.deltas),
    };
  }

  /** The drill orders' parts to take away and the stale orders' parts to replace, of the query's station and grain. */
  private corrections(q: DaysQuery): Fix {
    const deltas: Corrections = new Map();
    const excluded = new Set<number>();
    /** the 处置时长 of the stale orders derived now (the P90's exact step) */
    const added: Fix['added'] = [];
    /** Where the order's parts count in what this query reads, or null when they do not. */
    const readAt = (facts: StoredFacts | null, inputs: PartInputs | null) => {
      if (facts === null || inputs === null) return null;
      if (q.at.station !== null && inputs.station !== q.at.station) return null;
      return grainsOf(facts).includes(q.at.grain) ? { station: inputs.station, grains: [q.at.grain] } : null;
    };
    const limits = q.chief;
    // Only the drills with a step in either period can have parts in the counts read.
    const drills = this.repo.drillOrders({ from: q.from - (q.to - q.from), to: q.to });
    const drillIds = new Set(drills.map((d) => d.id));
    for (const d of drills) {
      excluded.add(d.id);
      const at = readAt(d.facts, d.inputs);
      if (at) addParts(deltas, partsOf(d.facts, d.inputs, limits), at, -1);
    }
    const stale = this.repo.staleOrders();
    for (const s of stale) {
      excluded.add(s.id);
      const at = readAt(s.facts, s.inputs);
      if (at && !drillIds.has(s.id)) addParts(deltas, partsOf(s.facts, s.inputs, limits), at, -1);
    }
    const fresh = stale.filter((s) => !drillIds.has(s.id)).map((s) => s.id);
    const rows = new Map(this.facts.rows(fresh).map((r) => [r.id, r]));
    const actors = this.facts.stepActors(fresh);
    for (const f of this.facts.factsOf(fresh, q.drillIncidentIds)) {
      const row = rows.get(f.id);
      if (!row || f.drill) continue;
      const inputs: PartInputs = {
        station: row.stationId ?? '',
        closedAt: row.closedAt,
        pausedAt: row.pausedAt,
        actors: actors.get(f.id) ?? { filedBy: null, closedBy: null },
      };
      const { drill: _drill, ...stored } = f;
      const at = readAt(stored, inputs);
      if (!at) continue;
      addParts(deltas, partsOf(stored, inputs, limits), at, 1);
      const h = handlingOf(stored);
      if (h) added.push(h);
    }
    return { deltas, excluded, added };
  }

  /**
   * The family's counts over the days [d.from, d.to): the whole blocks before `cut` from the block
   * counts (each listed at its first day), the days around them from the day counts. `cut` is today
   * for the cards (a block must not hold a day still running: its 应结案 counts only up to now).
   */
  counts(family: 'k' | 'c' | 'h' | 's', d: Days, cut: number, at: CountsScope, byDay: boolean): DayCount[] {
    const read = (fam: string, from: number, to: number) => {
      if (from >= to) return [];
      return byDay ? this.repo.perDay(fam, from, to, at) : this.repo.perMetric(fam, from, to, at);
    };
    const first = Math.ceil(d.from / BLOCK_DAYS);
    const last = Math.floor(Math.min(d.to, cut) / BLOCK_DAYS);
    if (first >= last) return read(family, d.from, d.to);
    const blocks = read(BLOCK_FAMILY[family] ?? family, first, last).map((c) => ({ ...c, day: c.day * BLOCK_DAYS }));
    return [...read(family, d.from, first * BLOCK_DAYS), ...blocks, ...read(family, last * BLOCK_DAYS, d.to)];
  }

  /** The counts with the corrections of the family added (each at its day). */
  private withFix(counts: DayCount[], deltas: Corrections, family: string): DayCount[] {
    const out = [...counts];
    for (const d of deltas.values()) {
      if (d.family === family)
        out.push({ day: d.day, metric: d.metric, actor: d.actor, actorName: d.actorName, n: d.n, ms: d.ms });
    }
    return out;
  }

  /**
   * The 应结案 / 应回复 cohorts of the day still running, [midnight, now) — from the facts of the
   * orders due in it — when that day is in the period; else none.
   */
  private dueToday(p: Period, q: DaysQuery, today: number): Map<string, number> {
    const out = new Map<string, number>();
    const d = daysOf(p);
    if (today < d.from || today >= d.to) return out;
    const part = { from: dayStart(today), to: Math.min(p.to, q.now) };
    if (part.to <= part.from) return out;
    const facts: OrderFacts[] = this.facts.factsOf(this.repo.dueIn(part.from, part.to, q.at), q.drillIncidentIds);
    const close = closeRate(facts, part, q.now);
    out.set(CARD.due, close.denominator);
    out.set(CARD.dueClosed, close.numerator);
    out.set(CARD.dueClosedOnTime, onTimeCloseRate(facts, part, q.now).numerator);
    out.set(CARD.dueHandledOnTime, onTimeHandleRate(facts, part, q.now).numerator);
    const reply = supervisionReplyRate(facts, part, q.now);
    out.set(CARD.supervisionDue, reply.denominator);
    out.set(CARD.supervisionDueOnTime, reply.numerator);
    return out;
  }

  /** The cards of a period: each count summed over its days (a due count up to yesterday, then today's part). */
  private cards(counts: DayCount[], d: Days, today: number, dueToday: Map<string, number>, p90: number | null) {
    const sum = new Map<string, { n: number; ms: number }>();
    for (const c of counts) {
      if (c.actor !== '' || c.day < d.from || c.day >= d.to) continue;
      if (DUE_CARDS.includes(c.metric) && c.day >= today) continue;
      const s = sum.get(c.metric) ?? { n: 0, ms: 0 };
      s.n += c.n;
      s.ms += c.ms;
      sum.set(c.metric, s);
    }
    for (const [metric, n] of dueToday) sum.set(metric, { n: (sum.get(metric)?.n ?? 0) + n, ms: 0 });
    const n = (metric: string) => sum.get(metric)?.n ?? 0;
    const handling = sum.get(CARD.handling) ?? { n: 0, ms: 0 };
    const kpis: DashboardKpis = {
      accepted: n(CARD.accepted),
      filed: n(CARD.filed),
      closeRate: ratio(n(CARD.dueClosed), n(CARD.due)),
      onTimeCloseRate: ratio(n(CARD.dueClosedOnTime), n(CARD.due)),
      onTimeHandleRate: ratio(n(CARD.dueHandledOnTime), n(CARD.due)),
      reworkRate: ratio(n(CARD.rework), n(CARD.handled)),
      returnRate: ratio(n(CARD.returned), n(CARD.dispatched)),
      inStationRate: ratio(n(CARD.filedInStationClosed), n(CARD.filed)),
      handlingTime: {
        count: handling.n,
        averageMs: handling.n === 0 ? null : handling.ms / handling.n,
        p90Ms: handling.n === 0 ? null : p90,
      },
      supervisions: n(CARD.supervision),
      supervisionReplyRate: ratio(n(CARD.supervisionDueOnTime), n(CARD.supervisionDue)),
      satisfactionRate: ratio(n(CARD.content), n(CARD.answered)),
    };
    return kpis;
  }

  /**
   * The nearest-rank P90 of the period's 处置时长 (percentile()): the bucket that holds rank
   * ceil(0.9·n) from the histogram, then that bucket's values sorted (drill and stale orders' rows
   * left out, the stale ones' values derived now put in).
   */
  private p90(histogram: DayCount[], d: Days, q: DaysQuery, fix: Fix): number | null {
    const perBucket = new Map<number, number>();
    for (const c of histogram) {
      if (c.day < d.from || c.day >= d.to) continue;
      const bucket = Number(c.metric.slice(2));
      perBucket.set(bucket, (perBucket.get(bucket) ?? 0) + c.n);
    }
    const total = [...perBucket.values()].reduce((s, n) => s + n, 0);
    if (total === 0) return null;
    const rank = Math.max(1, Math.ceil(0.9 * total));
    let below = 0;
    for (const bucket of [...perBucket.keys()].sort((a, b) => a - b)) {
      const n = perBucket.get(bucket) ?? 0;
      if (below + n < rank) {
        below += n;
        continue;
      }
      const values = this.repo
        .handlingIn(bucket, d.from, d.to, q.at)
        .filter((h) => !fix.excluded.has(h.id))
        .map((h) => h.ms);
      for (const h of fix.added) if (h.bucket === bucket && h.day >= d.from && h.day < d.to) values.push(h.ms);
      values.sort((a, b) => a - b);
      return values[rank - below - 1] ?? null;
    }
    return null;
  }

  /** The 值班长 综合指标值 of the period: the scope's total and one row per actor who filed or closed. */
  private chief(counts: DayCount[], d: Days, chief: ChiefOptions): ChiefScoreTable {
    const byActor = new Map<string, { name: string; sums: Map<string, number> }>();
    for (const c of counts) {
      if (c.day < d.from || c.day >= d.to) continue;
      const a = byActor.get(c.actor) ?? { name: c.actorName, sums: new Map<string, number>() };
      a.sums.set(c.metric, (a.sums.get(c.metric) ?? 0) + c.n);
      byActor.set(c.actor, a);
    }
    const rates = (sums: Map<string, number> | undefined) => {
      const n = (m: string) => sums?.get(m) ?? 0;
      return {
        onTimeFiling: ratio(n(CARD.filedOnTime), n(CARD.filed)),
        accurateFiling: ratio(n(CARD.filedAccurate), n(CARD.filed)),
        onTimeClosing: ratio(n(CARD.closedOnTime), n(CARD.closed)),
      };
    };
    const rows: ChiefRow[] = [];
    for (const [key, a] of byActor) {
      if (key === '' || ((a.sums.get(CARD.filed) ?? 0) === 0 && (a.sums.get(CARD.closed) ?? 0) === 0)) continue;
      rows.push({ actor: actorOf(key, a.name), ...scoreOf(rates(a.sums), chief.weights) });
    }
    rows.sort(
      (a, b) => a.actor.name.localeCompare(b.actor.name, 'zh-CN') || keyOf(a.actor).localeCompare(keyOf(b.actor)),
    );
    return {
      fileWithinMinutes: chief.fileWithinMinutes,
      closeWithinMinutes: chief.closeWithinMinutes,
      weights: chief.weights ?? DEFAULT_CHIEF_WEIGHTS,
      rows,
      total: scoreOf(rates(byActor.get('')?.sums), chief.weights),
    };
  }

  /** The series of the period's reports, from the counts of families d and s and the running orders' lights. */
  private series(q: DaysQuery, deltas: Corrections) {
    const d = daysOf({ from: q.from, to: q.to });
    const inPeriod = (c: DayCount) => c.day >= d.from && c.day < d.to;
    const perDay = this.withFix(this.repo.perDay('d', d.from, d.to, q.at), deltas, 'd').filter(inPeriod);
    const whole = this.withFix(this.counts('s', d, d.to, q.at, false), deltas, 's').filter(inPeriod);
    const sums = new Map<string, number>();
    for (const c of whole) sums.set(c.metric, (sums.get(c.metric) ?? 0) + c.n);
    const byPrefix = (prefix: string) =>
      [...sums]
        .filter(([metric, n]) => metric.startsWith(prefix) && n > 0)
        .map(([metric, n]) => ({ key: metric.slice(prefix.length), n }))
        .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    const daySums = new Map<string, number>();
    for (const c of perDay) daySums.set(`${c.day}:${c.metric}`, (daySums.get(`${c.day}:${c.metric}`) ?? 0) + c.n);
    const running = new Map(this.repo.runningLights(q.from, q.to, q.now, q.at).map((r) => [r.day, r]));
    const subCategory = this.repo.subCategories();
    const categories = new Map<string, { categoryId: string; domainId: string; count: number }>();
    for (const { key, n } of byPrefix('c:')) {
      const [domainId = '', categoryId = ''] = key.split(':');
      const sub = subCategory.get(categoryId) ?? categoryId;
      const had = categories.get(`${sub}:${domainId}`);
      if (had) had.count += n;
      else categories.set(`${sub}:${domainId}`, { categoryId: sub, domainId, count: n });
    }
    const days = periodDays(q.from, q.to);
    const light = (day: number, which: 'green' | 'yellow' | 'red') =>
      (daySums.get(`${day}:l:${which}`) ?? 0) + (running.get(day)?.[which] ?? 0);
    return {
      perDay: days.map((day) => ({ date: dateOfDay(day), count: daySums.get(`${day}:r`) ?? 0 })),
      perHour: Array.from({ length: 24 }, (_, hour) => ({ hour, count: sums.get(`h:${hour}`) ?? 0 })),
      byDomain: byPrefix('d:').map((r) => ({ domainId: r.key, count: r.n })),
      byCategory: [...categories.values()].sort((a, b) =>
        a.categoryId < b.categoryId ? -1 : a.categoryId > b.categoryId ? 1 : a.domainId < b.domainId ? -1 : 1,
      ),
      byWorkstation: q.workstations.map((id) => ({ workstationId: id, count: sums.get(`w:${id}`) ?? 0 })),
      byState: byPrefix('s:').map((r) => ({ state: r.key as OrderState, count: r.n })),
      lights: days.map((day) => ({
        date: dateOfDay(day),
        green: light(day, 'green'),
        yellow: light(day, 'yellow'),
        red: light(day, 'red'),
      })),
    };
  }
}

const keyOf = (a: StepActor) => (a.id === null ? `name:${a.name}` : `id:${a.id}`);

/** The actor of a count's key ('id:5' or 'name:张三') and the name recorded with it. */
function actorOf(key: string, name: string): StepActor {
  return key.startsWith('id:') ? { id: Number(key.slice(3)), name } : { id: null, name };
}
