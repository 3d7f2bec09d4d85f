import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CENTER_POSTS, mondayOf, shiftInstances, STATION_POSTS } from '../../common/domain/duty';
import { ORDER_STATES, type OrderState } from '../../common/domain/orders/states';
import { ORDER_RULES, type OrderAction } from '../../common/domain/orders/transitions';
import { dateOfDay, dayNumber } from '../../common/domain/time';
import type { Hub } from '../../main/hub';
import { DEMO_PATTERNS } from '../../main/services/demo/demo-rotation';
import { DEMO_CENTER_KEY } from '../../main/services/demo/seed-demo';
import { openHub } from '../../main/hub';
import { demoHub, ok, signedIn, tempDir, testClock } from '../helpers/hub';

// Issue 12 item 11: a demo install's first start is a working center; a real install gets nothing.
// 14:00 Shanghai on a Wednesday: the install instant of every hub here.
const INSTALL = Date.UTC(2026, 11, 2, 6, 0, 0);
const DAY_MS = 86_400_000;
const quiet = { alertSweepMs: 0, dutySweepMs: 0, incidentSweepMs: 0, wallAlarmSweepMs: 0 } as const;

interface OrderRow {
  id: number;
  code: string;
  title: string;
  state: OrderState;
  categoryId: string;
  domainId: string;
  workstationId: string | null;
  stationId: string | null;
  createdAt: number;
  deadlineAt: number | null;
  closedAt: number | null;
  supervised: number;
  reworkCount: number;
  parentId: number | null;
  pending: string | null;
}
interface HistoryRow {
  orderId: number;
  at: number;
  actorName: string;
  action: OrderAction | 'create';
  fromState: OrderState | null;
  toState: OrderState;
}

function orders(hub: Hub): OrderRow[] {
  return hub.db
    .prepare(
      `SELECT id, code, title, state, category_id AS categoryId, domain_id AS domainId, workstation_id AS workstationId,
              station_id AS stationId, created_at AS createdAt, deadline_at AS deadlineAt, closed_at AS closedAt,
              supervised, rework_count AS reworkCount, parent_id AS parentId, pending_request AS pending
       FROM orders ORDER BY id`,
    )
    .all() as OrderRow[];
}

function history(hub: Hub): HistoryRow[] {
  return hub.db
    .prepare(
      `SELECT order_id AS orderId, at, actor_name AS actorName, action, from_state AS fromState, to_state AS toState
       FROM order_history ORDER BY order_id, id`,
    )
    .all() as HistoryRow[];
}

const count = (hub: Hub, sql: string): number => (hub.db.prepare(sql).get() as { n: number }).n;

describe('demo working center', () => {
  let hub: Hub;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = tempDir();
    hub = await openHub({ dataDir, demo: true, demoHistory: true, clock: testClock(INSTALL), ...quiet });
  }, 120_000);
  afterAll(() => hub.close());

  it('has 60 days of orders in every state, both stations, all five domains and their sub-categories', () => {
    const rows = orders(hub);
    expect(rows.length).toBeGreaterThan(300);
    expect(new Set(rows.map((o) => o.state))).toEqual(new Set(ORDER_STATES));
    expect(new Set(rows.map((o) => o.domainId))).toEqual(new Set(['01', '02', '03', '04', '05']));
    const subCategories = hub.services.org.categories().filter((c) => c.level === 2);
    expect(new Set(rows.map((o) => o.categoryId))).toEqual(new Set(subCategories.map((c) => c.id)));
    expect(new Set(rows.map((o) => o.stationId).filter((s) => s !== null))).toEqual(new Set(['HQ-S1', 'HQ-S2']));
    // Every order has a place (a workstation), as every order must.
    expect(rows.every((o) => o.workstationId !== null)).toBe(true);
    const oldest = Math.min(...rows.map((o) => o.createdAt));
    expect(INSTALL - oldest).toBeGreaterThan(59 * DAY_MS);
    expect(INSTALL - oldest).toBeLessThanOrEqual(61 * DAY_MS);
    expect(rows.every((o) => o.createdAt < INSTALL)).toBe(true);
  });

  it('has overdue, supervised, returned, reworked, extended, parked and fed-back orders', () => {
    const rows = orders(hub);
    const open = rows.filter((o) => o.closedAt === null && o.state !== 'parked');
    expect(open.filter((o) => o.deadlineAt !== null && o.deadlineAt < INSTALL).length).toBeGreaterThan(0);
    expect(rows.filter((o) => o.supervised === 1).length).toBeGreaterThan(5);
    expect(rows.filter((o) => o.reworkCount > 0).length).toBeGreaterThan(5);
    expect(rows.some((o) => o.pending === 'extension')).toBe(true);
    const actions = new Set(history(hub).map((h) => h.action));
    for (const a of [
      'request_return',
      'approve_return',
      'reject_return',
      'verify_fail',
      'approve_extension',
      'reject_extension',
      'approve_park',
      'resume',
      'supervise',
      'reply_supervision',
      'self_handle',
      'feedback',
      'merge',
      'void',
      'archive',
    ] as const) {
      expect(actions, a).toContain(a);
    }
    // An open 督办 awaits its reply today.
    expect(count(hub, 'SELECT count(*) AS n FROM order_supervisions WHERE reply IS NULL')).toBeGreaterThan(0);
  });

  it('records a 回访结果 with every feedback, all four of them', () => {
    const rows = hub.db
      .prepare(
        `SELECT o.feedback_result AS result FROM orders o
         WHERE EXISTS (SELECT 1 FROM order_history h WHERE h.order_id = o.id AND h.action = 'feedback')`,
      )
      .all() as { result: string | null }[];
    expect(rows.length).toBeGreaterThan(100);
    expect(rows.every((r) => r.result !== null)).toBe(true);
    expect(new Set(rows.map((r) => r.result))).toEqual(
      new Set(['satisfied', 'basically_satisfied', 'dissatisfied', 'unreachable']),
    );
  });

  it('took every step through the state machine: each history path is one the lifecycle allows', () => {
    const rows = new Map(orders(hub).map((o) => [o.id, o]));
    const byOrder = new Map<number, HistoryRow[]>();
    for (const h of history(hub)) byOrder.set(h.orderId, [...(byOrder.get(h.orderId) ?? []), h]);
    for (const [id, steps] of byOrder) {
      const order = rows.get(id);
      if (!order) throw new Error(`history of a missing order ${id}`);
      const [first, ...rest] = steps;
      expect(first?.action).toBe('create');
      expect(first?.toState).toBe('reported');
      expect(first?.at).toBe(order.createdAt);
      let state: OrderState = 'reported';
      let at = order.createdAt;
      for (const h of rest) {
        if (h.action === 'create') throw new Error(`${order.code}: created twice`);
        const rule = ORDER_RULES[h.action];
        expect(h.fromState, `${order.code} ${h.action}`).toBe(state);
        expect(rule.from, `${order.code} ${h.action} from ${state}`).toContain(state);
        if (rule.to === 'same') expect(h.toState).toBe(state);
        else if (rule.to !== 'previous') expect(h.toState).toBe(rule.to);
        expect(h.at).toBeGreaterThanOrEqual(at);
        state = h.toState;
        at = h.at;
      }
      expect(state, order.code).toBe(order.state);
      // Closed, voided and merged orders carry their closing time; open ones none.
      expect(order.closedAt !== null, order.code).toBe(
        ['closed', 'fed_back', 'archived', 'voided', 'merged'].includes(state),
      );
      if (order.state === 'merged') expect(order.parentId).not.toBeNull();
    }
    expect(byOrder.size).toBe(rows.size);
  });

  it('numbers the orders by day in the order they came in', () => {
    const rows = orders(hub);
    const byDay = new Map<string, OrderRow[]>();
    for (const o of rows) {
      const day = o.code.slice(2, 10);
      byDay.set(day, [...(byDay.get(day) ?? []), o]);
    }
    for (const list of byDay.values()) {
      const sorted = [...list].sort((a, b) => a.createdAt - b.createdAt || a.id - b.id);
      expect(sorted.map((o) => Number(o.code.slice(-4)))).toEqual(sorted.map((_, i) => i + 1));
    }
  });

  it('rosters every shift of this week and the next, at the center and both stations, chief first', () => {
    const monday = dayNumber(mondayOf('2026-12-02')) ?? 0;
    const [from, to] = [dateOfDay(monday), dateOfDay(monday + 13)];
    const rows = hub.db
      .prepare(
        'SELECT org_unit_id AS unit, date, shift_code AS shift, post_code AS post FROM roster_assignments WHERE date BETWEEN ? AND ?',
      )
      .all(from, to) as { unit: string; date: string; shift: string; post: string }[];
    expect(count(hub, 'SELECT count(*) AS n FROM roster_assignments')).toBe(rows.length);
    const posts = (unit: string, date: string, shift: string) =>
      rows.filter((r) => r.unit === unit && r.date === date && r.shift === shift).map((r) => r.post);
    for (const s of shiftInstances(DEMO_PATTERNS.center, from, to)) {
      expect(posts('HQ-C', s.date, s.code).sort(), `${s.date} ${s.code}`).toEqual(
        CENTER_POSTS.map((p) => p.code).sort(),
      );
    }
    for (const unit of ['HQ-S1', 'HQ-S2']) {
      for (const s of shiftInstances(DEMO_PATTERNS.station, from, to)) {
        const held = posts(unit, s.date, s.code);
        expect(held, `${unit} ${s.date} ${s.code}`).toContain('station_duty_chief');
        expect(held.filter((p) => p === 'station_info_officer')).toHaveLength(2);
        expect(held.every((p) => STATION_POSTS.some((x) => x.code === p))).toBe(true);
      }
    }
  });

  it("writes this week's duty log so far: each unit's shifts begun, in their own time, by their chief", () => {
    const rows = hub.db
      .prepare(
        `SELECT s.org_unit_id AS unit, s.starts_at AS startsAt, s.ends_at AS endsAt, e.at, e.author_name AS author, e.kind
         FROM duty_log_entries e JOIN duty_shifts s ON s.id = e.shift_id`,
      )
      .all() as { unit: string; startsAt: number; endsAt: number; at: number; author: string; kind: string }[];
    const monday = Date.UTC(2026, 10, 30) - 8 * 3_600_000;
    for (const unit of ['HQ-C', 'HQ-S1', 'HQ-S2']) {
      const mine = rows.filter((r) => r.unit === unit);
      // Monday 00:00 to Wednesday 14:00: every shift begun has its 接班 note.
      const shifts = new Set(mine.map((r) => r.startsAt));
      expect(shifts.size, unit).toBeGreaterThanOrEqual(unit === 'HQ-C' ? 8 : 7);
      expect(Math.min(...shifts)).toBeGreaterThanOrEqual(monday);
    }
    for (const r of rows) {
      expect(r.at).toBeGreaterThanOrEqual(r.startsAt);
      expect(r.at).toBeLessThan(Math.min(r.endsAt, INSTALL));
      expect(r.kind).not.toBe('system');
    }
    // The day shift now running was taken over by the sign-in chief.
    expect(
      rows.some(
        (r) => r.unit === 'HQ-C' && r.startsAt <= INSTALL && INSTALL < r.endsAt && r.author === '张伟（值班长）',
      ),
    ).toBe(true);
  });

  it("hands over and seals this week's shifts that are over, signed by their rostered chiefs; the ledger verifies", async () => {
    const shifts = hub.db
      .prepare(
        `SELECT s.id, s.org_unit_id AS unit, s.date, s.code, s.starts_at AS startsAt, s.ends_at AS endsAt, s.status
         FROM duty_shifts s WHERE EXISTS (SELECT 1 FROM duty_log_entries e WHERE e.shift_id = s.id) ORDER BY s.starts_at`,
      )
      .all() as {
      id: number;
      unit: string;
      date: string;
      code: string;
      startsAt: number;
      endsAt: number;
      status: string;
    }[];
    const signatures = hub.db.prepare(
      `SELECT side, user_id AS userId, signed_at AS at FROM duty_handover_signatures WHERE shift_id = ? ORDER BY side DESC`,
    );
    const rostered = hub.db
      .prepare(
        `SELECT user_id FROM roster_assignments WHERE org_unit_id = ? AND date = ? AND shift_code = ?
         AND post_code IN ('duty_chief', 'station_duty_chief')`,
      )
      .pluck();
    for (const unit of ['HQ-C', 'HQ-S1', 'HQ-S2']) {
      const mine = shifts.filter((s) => s.unit === unit);
      // Every shift over (an hour's handover window past its end) is sealed; the one running is open.
      const over = mine.filter((s) => s.endsAt + 3_600_000 <= INSTALL);
      expect(over.length, unit).toBeGreaterThanOrEqual(unit === 'HQ-C' ? 7 : 6);
      for (const s of over) expect(s.status, `${unit} ${s.date} ${s.code}`).toBe('sealed');
      for (const s of over) {
        const [outgoing, incoming] = signatures.all(s.id) as { side: string; userId: number; at: number }[];
        expect(outgoing?.side).toBe('outgoing');
        expect(incoming?.side).toBe('incoming');
        // Each by the chief rostered on the shift handed over and on the next one, around the shift's end.
        expect(rostered.all(unit, s.date, s.code)).toContain(outgoing?.userId);
        const next = mine[mine.indexOf(s) + 1];
        expect(next, `${unit} after ${s.date} ${s.code}`).toBeDefined();
        if (next) expect(rostered.all(unit, next.date, next.code)).toContain(incoming?.userId);
        expect(outgoing?.userId).not.toBe(incoming?.userId);
        expect(incoming?.at ?? 0).toBeGreaterThan(s.endsAt - 30 * 60_000);
        expect(incoming?.at ?? INSTALL).toBeLessThan(Math.min(s.endsAt + 30 * 60_000, INSTALL));
      }
    }
    // The center's day shift now running (until 16:00) is not handed over yet.
    expect(shifts.find((s) => s.unit === 'HQ-C' && s.startsAt <= INSTALL && INSTALL < s.endsAt)?.status).toBe('open');
    const chief = await signedIn(hub, 'chief');
    expect(await ok(hub, chief, 'duty.ledger.verify', {})).toMatchObject({ ok: true });
    // 交接班 history: the center's sealed shifts with their summaries and both signatures.
    const sealed = await ok(hub, chief, 'duty.handover.sealed', { limit: 20 });
    expect(sealed.length).toBeGreaterThanOrEqual(7);
    const newest = sealed[0];
    if (!newest) throw new Error('no sealed shift');
    const state = await ok(hub, chief, 'duty.handover.get', { shiftId: newest.id });
    expect(state.signatures.map((x) => x.side)).toEqual(['outgoing', 'incoming']);
    expect(state.summary?.notes).toBeTruthy();
    expect(state.seal?.seq).toBe(sealed.length);
    // The station chief sees their own station's.
    const station = await signedIn(hub, 'station');
    const own = await ok(hub, station, 'duty.handover.sealed', { limit: 20 });
    expect(own.length).toBeGreaterThanOrEqual(6);
    expect(own.every((x) => x.orgUnitId === 'HQ-S1')).toBe(true);
  });

  it('starts with the current shift checked in and the alerts of the past already raised', async () => {
    expect(hub.sweepDuty()).toBe(0);
    expect(hub.sweepAlerts()).toBe(0);
    // The sign-in accounts' team has the day shift on the install date, checked in.
    const chief = await signedIn(hub, 'chief');
    const duty = await ok(hub, chief, 'duty.onDuty', {});
    expect(duty.shift?.code).toBe('early');
    expect(duty.chief?.userName).toBe('张伟（值班长）');
    expect(duty.chief?.checkedInAt).not.toBeNull();
  });

  it('shows the history to the console: the order list and an order with its timeline', async () => {
    const station = await signedIn(hub, 'station');
    const page = await ok(hub, station, 'orders.list', { filter: {}, sort: 'created_desc', cursor: null, limit: 50 });
    // A station sees its own orders only, and has many.
    expect(page.total).toBeGreaterThan(50);
    expect(page.rows.every((r) => r.stationId === 'HQ-S1')).toBe(true);
    const first = page.rows[0];
    if (!first) throw new Error('no rows');
    const detail = await ok(hub, station, 'orders.get', { id: first.id });
    expect(detail.history.length).toBeGreaterThan(0);
  });

  it('does not seed twice: a restart keeps the one history', async () => {
    const before = {
      orders: orders(hub).length,
      history: history(hub).length,
      users: count(hub, 'SELECT count(*) AS n FROM users'),
    };
    hub.close();
    hub = await openHub({ dataDir, demo: true, demoHistory: true, clock: testClock(INSTALL + 3 * DAY_MS), ...quiet });
    expect({
      orders: orders(hub).length,
      history: history(hub).length,
      users: count(hub, 'SELECT count(*) AS n FROM users'),
    }).toEqual(before);
    expect(hub.db.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(DEMO_CENTER_KEY)).toBe('2026-12-02');
  }, 120_000);
});

describe('demo working center: determinism and real installs', () => {
  it('gives the same orders, timelines and roster for the same install instant', async () => {
    const a = await demoHub({ demoHistory: true, clock: testClock(INSTALL), ...quiet });
    const b = await demoHub({ demoHistory: true, clock: testClock(INSTALL), ...quiet });
    try {
      expect(orders(b)).toEqual(orders(a));
      expect(history(b)).toEqual(history(a));
      const roster = (h: Hub) =>
        h.db
          .prepare('SELECT org_unit_id, date, shift_code, post_code, user_name FROM roster_assignments ORDER BY id')
          .all();
      expect(roster(b)).toEqual(roster(a));
    } finally {
      a.close();
      b.close();
    }
  }, 120_000);

  it('gives another history for another install date', async () => {
    const a = await demoHub({ demoHistory: true, clock: testClock(INSTALL), ...quiet });
    const b = await demoHub({ demoHistory: true, clock: testClock(INSTALL + DAY_MS), ...quiet });
    try {
      expect(orders(b).map((o) => o.title)).not.toEqual(orders(a).map((o) => o.title));
    } finally {
      a.close();
      b.close();
    }
  }, 120_000);

  it('leaves a real install empty, even with the flag on', async () => {
    const hub = await openHub({
      dataDir: tempDir(),
      demo: false,
      adminPassword: 'Real#Install2026',
      demoHistory: true,
      clock: testClock(INSTALL),
      ...quiet,
    });
    try {
      expect(count(hub, 'SELECT count(*) AS n FROM orders')).toBe(0);
      expect(count(hub, 'SELECT count(*) AS n FROM roster_assignments')).toBe(0);
      expect(count(hub, 'SELECT count(*) AS n FROM users')).toBe(1);
      expect(hub.db.prepare('SELECT 1 FROM meta WHERE key = ?').get(DEMO_CENTER_KEY)).toBeUndefined();
    } finally {
      hub.close();
    }
  });

  it('leaves a demo install empty when the history is off (CITYOPS_DEMO_HISTORY=0: the e2e hubs)', async () => {
    const hub = await demoHub({ clock: testClock(INSTALL), ...quiet });
    try {
      expect(count(hub, 'SELECT count(*) AS n FROM orders')).toBe(0);
      expect(count(hub, 'SELECT count(*) AS n FROM roster_assignments')).toBe(0);
    } finally {
      hub.close();
    }
  });
});
