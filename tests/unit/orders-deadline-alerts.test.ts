import { describe, expect, it } from 'vitest';
import type { Audience } from '../../common/contract';
import { reportDueAudiences } from '../../main/services/incidents/report-due';
import { alertAudience, DeadlineAlerts } from '../../main/services/orders/deadline-alerts';
import type { AlertRecord } from '../../main/services/orders/order-alerts';

const org = { centerIds: () => ['HQ-C'] };

const alert = (over: Partial<AlertRecord> = {}): AlertRecord => ({
  id: 1,
  orderId: 7,
  orderCode: 'HQ202602030007',
  orderTitle: '井盖破损',
  kind: 'red',
  at: 1000,
  stationId: 'HQ-S1',
  ...over,
});

describe('who sees an order’s deadline alert', () => {
  it('is the chiefs of the station holding it and of the center', () => {
    expect(alertAudience(org, 'HQ-S1')).toEqual({
      orgUnitIds: ['HQ-S1', 'HQ-C'],
      roles: ['duty_chief', 'station_chief'],
    });
  });

  it('is the center’s chiefs alone for an order no station holds', () => {
    expect(alertAudience(org, null)).toEqual({ orgUnitIds: ['HQ-C'], roles: ['duty_chief', 'station_chief'] });
  });
});

describe('the deadline sweep', () => {
  it('pushes each raised alert without its station and hands it to the duty log', () => {
    const published: { event: string; payload: unknown; audience: Audience | undefined }[] = [];
    const logged: AlertRecord[] = [];
    const raised = [alert(), alert({ id: 2, orderId: 8, kind: 'yellow', stationId: null })];
    const sweep = new DeadlineAlerts({
      alerts: { sweep: () => raised },
      org,
      events: { publish: (event, payload, audience) => published.push({ event, payload, audience }) },
      systemLog: { orderOverdue: (a) => logged.push(a) },
    });
    expect(sweep.sweep()).toBe(2);
    const { stationId: _s1, ...first } = alert();
    const { stationId: _s2, ...second } = alert({ id: 2, orderId: 8, kind: 'yellow', stationId: null });
    expect(published).toEqual([
      { event: 'orders.alert', payload: first, audience: alertAudience(org, 'HQ-S1') },
      { event: 'orders.alert', payload: second, audience: alertAudience(org, null) },
    ]);
    // The duty log decides what it writes (red only; system-entries.ts).
    expect(logged).toEqual(raised);
  });
});

describe('who hears of an incident report deadline', () => {
  it('is the center’s incident roles, and the chiefs of the affected stations', () => {
    expect(reportDueAudiences(org, ['HQ-S1', 'HQ-S2'])).toEqual([
      { orgUnitIds: ['HQ-C'], roles: ['coordinator', 'duty_chief', 'station_chief', 'video_monitor'] },
      { orgUnitIds: ['HQ-S1', 'HQ-S2'], roles: ['station_chief'] },
    ]);
    expect(reportDueAudiences(org, [])).toEqual([
      { orgUnitIds: ['HQ-C'], roles: ['coordinator', 'duty_chief', 'station_chief', 'video_monitor'] },
    ]);
  });
});
