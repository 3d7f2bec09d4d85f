import { randomBytes } from 'node:crypto';
import { shanghaiDate } from '../../../common/domain/time';
import type { Db } from '../../db/connection';
import { hashPassword } from '../auth/passwords';
import { dutyStore } from '../duty/duty-store';
import { RosterService } from '../duty/roster-service';
import { OrgRepo } from '../org/org-repo';
import { SlaService } from '../sla/sla-service';
import { isDemo } from '../users/bootstrap';
import { planDemoDuty } from './demo-duty-log';
import { replayHistory } from './demo-history';
import { planHistory, showcasePlans, type DemoWorkstation } from './demo-plans';
import { seedDemoRoster } from './demo-roster';
import { createDemoStaff } from './demo-staff';
import { prng } from './prng';
import { withStatementCache } from './statement-cache';

/** meta key: the working center was seeded (value: the install date it was seeded for). */
export const DEMO_CENTER_KEY = 'demo_center_seeded';

export interface DemoCenterResult {
  seeded: boolean;
  /** The install date the data was generated for (its seed). */
  date?: string;
  staff?: number;
  assignments?: number;
  checkIns?: number;
  orders?: number;
  steps?: number;
  logEntries?: number;
  /** Past shifts handed over and sealed. */
  handovers?: number;
  ms?: number;
}

/** The seed of an install date: its day number, so the same date gives the same center. */
export function seedOf(date: string): number {
  return Math.floor(Date.parse(`${date}T00:00:00Z`) / 86_400_000);
}

/**
 * A demo install's first start: the staff of four teams per unit, this week's and
 * next week's roster with the check-ins of shifts begun, 60 days of orders taken through their
 * lifecycle, and the duty log of this week's shifts so far with the sealed handovers of the shifts
 * over — all from a PRNG seeded by the install date. Only on a demo database (meta demo = 1), once
 * (meta DEMO_CENTER_KEY, written in the same transaction), never on a real install. `sealKey` is
 * the hub's seal key (hub.keys.sealKey): the handovers seal into the units' keyed chains.
 */
export async function seedDemoCenter(hubDb: Db, now: number, sealKey: Buffer): Promise<DemoCenterResult> {
  const db = withStatementCache(hubDb);
  const seeded = () => db.prepare('SELECT 1 FROM meta WHERE key = ?').get(DEMO_CENTER_KEY) !== undefined;
  if (!isDemo(db) || seeded()) return { seeded: false };
  const started = performance.now();
  // Staff cannot sign in: one random password, hashed once, never shown.
  const hash = await hashPassword(randomBytes(18).toString('base64url'));
  const date = shanghaiDate(now);
  const seed = seedOf(date);
  // The hub's own services, on this connection (statement-cache.ts) and the install instant.
  const org = new OrgRepo(db);
  const sla = new SlaService(db);
  const store = dutyStore(db);
  const rosterService = new RosterService(store, org, () => now);
  const units = org.units();
  const workstations: DemoWorkstation[] = units.flatMap((u) => {
    const grid = u.kind === 'workstation' && u.parentId ? org.unit(u.parentId) : undefined;
    return grid?.stationId ? [{ id: u.id, name: u.name, stationId: grid.stationId }] : [];
  });
  const result = db.transaction((): DemoCenterResult => {
    // Another start may have got here first (two shells on one data dir): seed once.
    if (seeded()) return { seeded: false };
    const people = createDemoStaff(store.users, hash, now);
    const roster = seedDemoRoster(rosterService, people, date, now, prng(seed ^ 0x5eed));
    const random = prng(seed);
    // Plans keep their order (a merge names its parent by index); the replay sorts the steps by time.
    const plans = [...planHistory(random, now, workstations), ...showcasePlans(random, now, workstations)];
    const duty = planDemoDuty(
      store,
      rosterService,
      people,
      date,
      now,
      prng(seed ^ 0x106),
      prng(seed ^ 0x5ea1),
      sealKey,
    );
    // The ledger's steps run in time order with the orders' (demo-history.ts).
    const history = replayHistory(db, org, sla, people, date, workstations.length > 0 ? plans : [], now, duty.steps);
    db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run(DEMO_CENTER_KEY, date);
    return {
      seeded: true,
      date,
      staff: people.length,
      ...roster,
      orders: history.orders,
      steps: history.steps,
      logEntries: duty.counts.logEntries,
      handovers: duty.counts.handovers,
    };
  })();
  return result.seeded ? { ...result, ms: Math.round(performance.now() - started) } : result;
}
