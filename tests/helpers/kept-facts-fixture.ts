import type { MethodInput } from '../../common/contract';
import { DAY_MS } from '../../common/domain/time';
import type { Hub } from '../../main/hub';
import { demoHub, ok, signedIn, testClock, type TestConnection } from './hub';

/**
 * A center whose orders went through every write the KPI facts follow, each by the real service
 * method (orders.create, orders.act, incidents.orders.link) over four days on a test clock: the full
 * lifecycle with a rework twice, 回访 and 督办 (with a 催办 and the reply); a 退单 approved and the
 * order dispatched again to a department; 挂账 and resume and an approved 延时; a void; a merge; an
 * order linked to a drill; a station's 自处理; one left open past its deadline; one of the second
 * station. The clock ends on the fourth day.
 */
export const START = Date.UTC(2026, 10, 22, 1, 0, 0); // Sun 2026-11-22 09:00 Shanghai
const HOUR = 3_600_000;

const MANHOLE: MethodInput<'orders.create'> = {
  title: '井盖缺失',
  description: '村口主路井盖缺失',
  categoryId: '0200201',
  workstationId: 'HQ-W-HQ01',
  address: '村口',
  source: 'hotline',
  urgency: 'normal',
};

export interface KeptFactsWorld {
  hub: Hub;
  clock: ReturnType<typeof testClock>;
  users: Record<'hotline' | 'chief' | 'station' | 'grid' | 'coord', TestConnection>;
  ids: Record<'full' | 'returned' | 'parked' | 'voided' | 'merged' | 'drill' | 'self' | 'open' | 'other', number>;
}

type Act = (
  conn: TestConnection,
  id: number,
  action: MethodInput<'orders.act'>['action'],
  extra?: object,
) => Promise<unknown>;

async function lifecycle(w: Omit<KeptFactsWorld, 'ids'>, act: Act): Promise<number> {
  const { hub, users } = w;
  const { hotline, chief, station, grid } = users;
  const o = await ok(hub, hotline, 'orders.create', MANHOLE);
  await act(chief, o.id, 'file');
  await act(chief, o.id, 'dispatch', { handler: { kind: 'station', id: 'HQ-S1' } });
  await act(chief, o.id, 'supervise', { reason: '尽快处理' });
  w.clock.advance(HOUR);
  await act(chief, o.id, 'supervise', { reason: '催办', supervisionDueAt: w.clock() + HOUR });
  await act(station, o.id, 'receive');
  await act(station, o.id, 'reply_supervision', { reason: '已到场' });
  for (const reason of ['井盖不平整', '仍有松动']) {
    await act(station, o.id, 'complete');
    w.clock.advance(HOUR);
    await act(grid, o.id, 'verify_fail', { reason });
  }
  w.clock.advance(DAY_MS);
  await act(station, o.id, 'complete');
  await act(grid, o.id, 'verify_pass');
  await act(chief, o.id, 'close');
  await act(hotline, o.id, 'feedback', { reason: '回访满意', feedbackResult: 'basically_satisfied' });
  return o.id;
}

async function returnedAndParked(w: Omit<KeptFactsWorld, 'ids'>, act: Act): Promise<[number, number]> {
  const { hub, users } = w;
  const { hotline, chief, station } = users;
  const r = await ok(hub, hotline, 'orders.create', { ...MANHOLE, title: '供水管破裂' });
  await act(chief, r.id, 'file');
  await act(chief, r.id, 'dispatch', { handler: { kind: 'station', id: 'HQ-S1' } });
  await act(station, r.id, 'request_return', { reason: '属供水管线' });
  await act(chief, r.id, 'approve_return');
  await act(chief, r.id, 'dispatch', { handler: { kind: 'department', id: 'DEP-WATER' } });
  const p = await ok(hub, hotline, 'orders.create', { ...MANHOLE, title: '路灯不亮', urgency: 'urgent' });
  await act(chief, p.id, 'file');
  await act(chief, p.id, 'dispatch', { handler: { kind: 'station', id: 'HQ-S1' } });
  await act(station, p.id, 'receive');
  await act(station, p.id, 'request_park', { reason: '等待停电' });
  await act(chief, p.id, 'approve_park');
  w.clock.advance(3 * HOUR);
  await act(chief, p.id, 'resume');
  await act(station, p.id, 'request_extension', { reason: '需吊车', extensionHours: 2 });
  await act(chief, p.id, 'approve_extension');
  return [r.id, p.id];
}

async function withdrawnAndOthers(w: Omit<KeptFactsWorld, 'ids'>, act: Act, parentId: number) {
  const { hub, users } = w;
  const { hotline, chief, station, grid, coord } = users;
  const voided = await ok(hub, hotline, 'orders.create', { ...MANHOLE, title: '重复来电' });
  await act(chief, voided.id, 'file');
  await act(chief, voided.id, 'void', { reason: '误报' });
  const merged = await ok(hub, grid, 'orders.create', { ...MANHOLE, source: 'grid', title: '村口井盖没了' });
  await act(chief, merged.id, 'merge', { parentId });
  const incident = await ok(hub, coord, 'incidents.activate', {
    ...{ type: 'flood', level: 'IV', areaIds: ['HQ-W-HQ01'], commanderName: '赵磊', situation: '防汛演练' },
    drill: true,
  });
  const drill = await ok(hub, hotline, 'orders.create', { ...MANHOLE, title: '演练井盖缺失' });
  await ok(hub, coord, 'incidents.orders.link', { id: incident.incident.id, orderId: drill.id });
  const self = await ok(hub, station, 'orders.create', { ...MANHOLE, source: 'patrol', title: '站内巡查' });
  await act(station, self.id, 'self_handle', { reason: '现场已处理' });
  const open = await ok(hub, hotline, 'orders.create', { ...MANHOLE, title: '垃圾满溢', urgency: 'urgent' });
  await act(chief, open.id, 'file');
  const other = await ok(hub, hotline, 'orders.create', { ...MANHOLE, workstationId: 'HQ-W-CL01', title: '蔡路' });
  await act(chief, other.id, 'file');
  await act(chief, other.id, 'dispatch', { handler: { kind: 'station', id: 'HQ-S2' } });
  return { voided: voided.id, merged: merged.id, drill: drill.id, self: self.id, open: open.id, other: other.id };
}

export async function keptFactsWorld(): Promise<KeptFactsWorld> {
  const clock = testClock(START);
  const hub = await demoHub({ clock, alertSweepMs: 0, dutySweepMs: 0, sessionLifetimeMs: 30 * DAY_MS });
  const names = ['hotline', 'chief', 'station', 'grid', 'coord'] as const;
  const conns = await Promise.all(names.map((u) => signedIn(hub, u)));
  const users = Object.fromEntries(names.map((u, i) => [u, conns[i]!])) as KeptFactsWorld['users'];
  const w = { hub, clock, users };
  const act: Act = (conn, id, action, extra = {}) => ok(hub, conn, 'orders.act', { id, action, ...extra });
  const full = await lifecycle(w, act);
  clock.advance(DAY_MS);
  const [returned, parked] = await returnedAndParked(w, act);
  clock.advance(DAY_MS);
  const rest = await withdrawnAndOthers(w, act, full);
  clock.advance(DAY_MS);
  return { ...w, ids: { full, returned, parked, ...rest } };
}
