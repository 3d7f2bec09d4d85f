import {
  dayParts,
  handlingBucket,
  handlingMs,
  isWithdrawn,
  type ChiefOptions,
  type DayPart,
  type OrderActors,
  type OrderFacts,
  type PartsRow,
} from '../../../common/domain/kpi';
import { shanghaiDay } from '../../../common/domain/time';
import { DEFAULT_CHIEF_LIMITS } from '../../config-kpi';
import { SqlRepo } from '../../db/statements';

/** The chief's step limits the on-time parts count with. */
export type ChiefLimits = Pick<ChiefOptions, 'fileWithinMinutes' | 'closeWithinMinutes'>;

/**
 * What an order's parts are made of beyond its facts (order_facts.part_inputs): with the facts and
 * the limits, dayParts makes the same parts again, so they can be taken away exactly.
 */
export interface PartInputs extends PartsRow {
  station: string;
  actors: OrderActors;
}

/** The facts as kept (without the drill flag, resolved by the reader). */
export type KeptFacts = Omit<OrderFacts, 'drill'>;

/** One count of kpi_days: its key and what to add (negative to take away). */
export interface CountDelta {
  family: string;
  grain: string;
  day: number;
  station: string;
  metric: string;
  actor: string;
  actorName: string;
  n: number;
  ms: number;
}

const keyOf = (d: Pick<CountDelta, 'family' | 'grain' | 'day' | 'station' | 'metric' | 'actor'>) =>
  `${d.family}\u0000${d.grain}\u0000${d.day}\u0000${d.station}\u0000${d.metric}\u0000${d.actor}`;

/** The dashboard filters the counts are kept for, one at a time (a grain), and the key of each value. */
export const GRAIN = {
  all: '',
  domain: (id: string) => `d:${id}`,
  source: (source: string) => `o:${source}`,
  workstation: (id: string) => `w:${id}`,
  department: (id: string) => `p:${id}`,
} as const;

/**
 * The grains an order counts in: all, its domain, its source, its workstation and the department
 * handling it now (when it has them) — so a dashboard narrowed by one of those filters reads counts too.
 */
export function grainsOf(f: Pick<KeptFacts, 'domainId' | 'source' | 'workstationId' | 'departmentId'>): string[] {
  const out = [GRAIN.all, GRAIN.domain(f.domainId), GRAIN.source(f.source)];
  if (f.workstationId !== null) out.push(GRAIN.workstation(f.workstationId));
  if (f.departmentId !== null) out.push(GRAIN.department(f.departmentId));
  return out;
}

/**
 * The days of a block: the families summed over a whole period (k, c, h, s) are also kept per block of
 * 16 days (family in upper case, `day` the block's number), so a year reads about 23 blocks and the
 * days at its two ends instead of 365 days.
 */
export const BLOCK_DAYS = 16;

/** The family whose counts are kept per block too, by its per-day family. */
export const BLOCK_FAMILY: Readonly<Record<string, string>> = { k: 'K', c: 'C', h: 'H', s: 'S' };

function add(into: Map<string, CountDelta>, d: Omit<CountDelta, 'n' | 'ms' | 'actorName'>, p: DayPart, sign: 1 | -1) {
  const key = keyOf(d);
  const had = into.get(key);
  if (had) {
    had.n += sign;
    had.ms += sign * p.ms;
    if (sign > 0) had.actorName = p.actorName;
  } else into.set(key, { ...d, actorName: p.actorName, n: sign, ms: sign * p.ms });
}

/**
 * Adds the parts (sign 1) or takes them away (sign −1) in the map of deltas, in each of the grains,
 * per day, and with `blocks` per block of BLOCK_DAYS days as well (what the store keeps; the reader
 * corrects per day, in the grain it reads).
 */
export function addParts(
  into: Map<string, CountDelta>,
  parts: readonly DayPart[],
  at: { station: string; grains: readonly string[] },
  sign: 1 | -1,
  blocks = false,
) {
  const { station } = at;
  for (const grain of at.grains) {
    for (const p of parts) {
      const day = shanghaiDay(p.at);
      add(into, { family: p.family, grain, day, station, metric: p.metric, actor: p.actor }, p, sign);
      const blockFamily = BLOCK_FAMILY[p.family];
      if (blocks && blockFamily !== undefined) {
        const block = Math.floor(day / BLOCK_DAYS);
        add(into, { family: blockFamily, grain, day: block, station, metric: p.metric, actor: p.actor }, p, sign);
      }
    }
  }
}

/** The parts an order counts with (none when it has no inputs: a new order not yet refreshed). */
export function partsOf(facts: KeptFacts | null, inputs: PartInputs | null, limits: ChiefLimits): DayPart[] {
  if (facts === null || inputs === null) return [];
  return dayParts(facts, inputs, inputs.actors, limits);
}

/** The order's 处置时长 row (order_handling), or null when its handling does not count. */
export function handlingOf(facts: KeptFacts): { day: number; bucket: number; ms: number } | null {
  if (isWithdrawn(facts) || facts.finalHandledAt === null) return null;
  const ms = handlingMs(facts);
  return ms === null ? null : { day: shanghaiDay(facts.finalHandledAt), bucket: handlingBucket(ms), ms };
}

/**
 * The per-day counts (kpi_days, migration 0270) and the 处置时长 rows (order_handling): the order
 * facts store applies each order's change of parts here, in the order's transaction.
 */
export class KpiDaysStore extends SqlRepo {
  /**
   * The limits the stored parts were counted with (the defaults until a hub set others). Read each
   * time, not cached: another store on the same database (the dashboard's, at start) may change them.
   */
  limits(): ChiefLimits {
    const stored = this.sql("SELECT value FROM kpi_days_meta WHERE key = 'chief_limits'").pluck().get() as
      string | undefined;
    return stored ? (JSON.parse(stored) as ChiefLimits) : DEFAULT_CHIEF_LIMITS;
  }

  setLimits(limits: ChiefLimits): void {
    const value = JSON.stringify({
      fileWithinMinutes: limits.fileWithinMinutes,
      closeWithinMinutes: limits.closeWithinMinutes,
    });
    this.sql("INSERT OR REPLACE INTO kpi_days_meta (key, value) VALUES ('chief_limits', ?)").run(value);
  }

  /** Adds each delta to its count (a count at 0 is removed). */
  apply(deltas: Iterable<CountDelta>): void {
    const upsert = this.sql(
      `INSERT INTO kpi_days (family, grain, day, station, metric, actor, actor_name, n, ms)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT DO UPDATE SET n = n + excluded.n, ms = ms + excluded.ms,
         actor_name = CASE WHEN excluded.n > 0 THEN excluded.actor_name ELSE actor_name END`,
    );
    const prune = this.sql(
      `DELETE FROM kpi_days
       WHERE family = ? AND grain = ? AND day = ? AND station = ? AND metric = ? AND actor = ? AND n = 0 AND ms = 0`,
    );
    for (const d of deltas) {
      if (d.n === 0 && d.ms === 0) continue;
      upsert.run(d.family, d.grain, d.day, d.station, d.metric, d.actor, d.actorName, d.n, d.ms);
      if (d.n <= 0) prune.run(d.family, d.grain, d.day, d.station, d.metric, d.actor);
    }
  }

  /** Sets (or clears) the order's 处置时长 row. */
  setHandling(orderId: number, station: string, facts: KeptFacts): void {
    const h = handlingOf(facts);
    if (h === null) this.sql('DELETE FROM order_handling WHERE order_id = ?').run(orderId);
    else {
      this.sql(
        `INSERT OR REPLACE INTO order_handling (order_id, station, day, bucket, ms, domain, source, workstation,
           department) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        orderId,
        station,
        h.day,
        h.bucket,
        h.ms,
        facts.domainId,
        facts.source,
        facts.workstationId,
        facts.departmentId,
      );
    }
  }

  /** Every count and 处置时长 row gone (the rebuild's start). */
  clear(): void {
    this.sql('DELETE FROM kpi_days').run();
    this.sql('DELETE FROM order_handling').run();
  }
}
