import { afterEach } from 'vitest';
import type { MethodInput } from '../../common/contract';
import type { Hub, HubOptions } from '../../main/hub';
import { demoHub, signedIn, testClock, type TestConnection } from './hub';

export const MIN = 60_000;
/** 2026-12-02 10:00 Shanghai: the center's early shift and the stations' day shift. */
export const INCIDENT_TEST_START = Date.UTC(2026, 11, 2, 2, 0, 0);

export type IncidentTestHub<U extends string> = { hub: Hub; clock: ReturnType<typeof testClock> } & Record<
  U,
  TestConnection
>;

/**
 * A demo hub per test on a clock at INCIDENT_TEST_START with the order and duty sweeps off, and the
 * named demo users signed in; closed after each test. Call once at a test file's top level.
 */
export function incidentHubs(options: Partial<HubOptions> = {}) {
  let open: Hub | undefined;
  afterEach(() => {
    open?.close();
    open = undefined;
  });
  return async <U extends string>(...users: U[]): Promise<IncidentTestHub<U>> => {
    const clock = testClock(INCIDENT_TEST_START);
    const hub = await demoHub({ clock, alertSweepMs: 0, dutySweepMs: 0, ...options });
    open = hub;
    const conns = await Promise.all(users.map((u) => signedIn(hub, u)));
    const byName = Object.fromEntries(users.map((u, i) => [u, conns[i]!])) as Record<U, TestConnection>;
    return { hub, clock, ...byName };
  };
}

/** 防台防汛 Ⅳ over one workstation of the first station (合庆村), the incident most tests start. */
export const FLOOD_HQ01: MethodInput<'incidents.activate'> = {
  type: 'flood',
  level: 'IV',
  areaIds: ['HQ-W-HQ01'],
  commanderName: '赵磊',
  situation: '强降雨',
};

/** An 紧急 hotline order on that workstation (a missing manhole cover). */
export function orderOnHQ01(
  title: string,
  more: Partial<MethodInput<'orders.create'>> = {},
): MethodInput<'orders.create'> {
  return { title, categoryId: '0200201', workstationId: 'HQ-W-HQ01', source: 'hotline', urgency: 'urgent', ...more };
}
