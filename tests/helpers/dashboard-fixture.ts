import type { MethodInput } from '../../common/contract';
import { dayNumber, dayStart } from '../../common/domain/time';
import type { Hub, HubOptions } from '../../main/hub';
import { addSecondStationChief, demoHub, ok, signedIn, testClock, type TestConnection } from './hub';

/**
 * The dashboard's hand-built center (issue 14 item 3), on a test clock, times in Shanghai:
 * - previous period (11-23 and 11-24): A reported 11-24 10:00 by the hotline and filed;
 * - period (11-25 and 11-26): B reported 11-25 23:30 and filed; C reported 11-26 00:30 by the
 *   first station's chief (the station's own); D reported 11-26 00:45, filed and dispatched to the
 *   second station; E reported 11-26 01:00 and linked to a drill — it never counts.
 * The clock then stands at 11-26 12:00, inside the period.
 */
export const MIN = 60_000;
export const HOUR = 60 * MIN;
const at = (date: string, hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return dayStart(dayNumber(date)!) + h * HOUR + m * MIN;
};

export const PERIOD = { from: at('2026-11-25', '00:00'), to: at('2026-11-27', '00:00') };
export const PREVIOUS = { from: at('2026-11-23', '00:00'), to: PERIOD.from };
export const NOW = at('2026-11-26', '12:00');

const order = (title: string, workstationId: string, source: 'hotline' | 'patrol' = 'hotline') =>
  ({ title, categoryId: '0200201', workstationId, source, urgency: 'normal' }) satisfies MethodInput<'orders.create'>;

const USERS = ['hotline', 'chief', 'station', 'station2', 'coord', 'monitor', 'grid', 'admin'] as const;
type User = (typeof USERS)[number];

export interface DashboardWorld {
  hub: Hub;
  clock: ReturnType<typeof testClock>;
  users: Record<User, TestConnection>;
  codes: Record<'A' | 'B' | 'C' | 'D' | 'E', string>;
}

/** `options`: more hub options (e.g. the 值班长 综合指标值's step limits). */
export async function dashboardWorld(options: Partial<HubOptions> = {}): Promise<DashboardWorld> {
  const clock = testClock(at('2026-11-24', '10:00'));
  // The story spans days (and a test moves 60 more): sessions outlive it.
  const hub = await demoHub({ clock, alertSweepMs: 0, dutySweepMs: 0, sessionLifetimeMs: 100 * 24 * HOUR, ...options });
  await addSecondStationChief(hub, clock());
  const conns = await Promise.all(USERS.map((u) => signedIn(hub, u)));
  const users = Object.fromEntries(USERS.map((u, i) => [u, conns[i]!])) as Record<User, TestConnection>;
  const { hotline, chief, station, coord } = users;
  const moveTo = (date: string, hhmm: string) => clock.advance(at(date, hhmm) - clock());
  const act = (id: number, action: MethodInput<'orders.act'>['action'], extra = {}) =>
    ok(hub, chief, 'orders.act', { id, action, ...extra });

  const a = await ok(hub, hotline, 'orders.create', order('上期井盖缺失', 'HQ-W-HQ01'));
  moveTo('2026-11-24', '10:10');
  await act(a.id, 'file');
  moveTo('2026-11-25', '23:30');
  const b = await ok(hub, hotline, 'orders.create', order('午夜前井盖缺失', 'HQ-W-HQ02'));
  moveTo('2026-11-25', '23:40');
  await act(b.id, 'file');
  moveTo('2026-11-26', '00:30');
  const c = await ok(hub, station, 'orders.create', order('站内巡查井盖缺失', 'HQ-W-HQ03', 'patrol'));
  moveTo('2026-11-26', '00:45');
  const d = await ok(hub, hotline, 'orders.create', order('蔡路井盖缺失', 'HQ-W-CL01'));
  await act(d.id, 'file');
  await act(d.id, 'dispatch', { handler: { kind: 'station', id: 'HQ-S2' }, reason: '属第二联勤站' });
  moveTo('2026-11-26', '01:00');
  const drill = await ok(hub, coord, 'incidents.activate', {
    ...{ type: 'flood', level: 'IV', areaIds: ['HQ-W-HQ01'], commanderName: '赵磊', situation: '防汛演练' },
    drill: true,
  });
  const e = await ok(hub, hotline, 'orders.create', order('演练井盖缺失', 'HQ-W-HQ01'));
  await ok(hub, coord, 'incidents.orders.link', { id: drill.incident.id, orderId: e.id });
  moveTo('2026-11-26', '12:00');
  const codes = { A: a.code, B: b.code, C: c.code, D: d.code, E: e.code };
  return { hub, clock, users, codes };
}
