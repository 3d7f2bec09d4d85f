import { describe, expect, it } from 'vitest';
import {
  fittingLayout,
  parseStack,
  pushLayer,
  removeLayer,
  type WallSnapshot,
} from '../../renderer/src/wall/takeover/layers';

const normal: WallSnapshot = { layoutId: '9', cells: ['CAM-1', null] };
const incidentView: WallSnapshot = { layoutId: '4', cells: ['CAM-7', 'CAM-8'] };
const alarmView: WallSnapshot = { layoutId: '1', cells: ['CAM-9'] };
const incident = { kind: 'incident', incidentId: 1, title: '防台防汛', level: 'IV', drill: false } as const;
const alarm = {
  kind: 'alarm',
  alarmId: 'a1',
  reason: { kind: 'order', orderId: 1, orderCode: 'HQ1', orderTitle: '燃气泄漏' },
  byName: null,
} as const;

describe('wall takeover layers (incident switch, alarms)', () => {
  it('each layer gives back what it covered: alarm first, then the incident', () => {
    let stack = pushLayer([], { ...incident, shown: incidentView }, normal);
    stack = pushLayer(stack, { ...alarm, shown: alarmView }, incidentView);
    const ack = removeLayer(stack, (l) => l.kind === 'alarm');
    expect(ack.restore).toEqual(incidentView);
    const close = removeLayer(ack.stack, (l) => l.kind === 'incident');
    expect(close).toEqual({ stack: [], restore: normal });
  });

  it('an incident closing under an alarm changes nothing on screen; the alarm then returns to the normal view', () => {
    let stack = pushLayer([], { ...incident, shown: incidentView }, normal);
    stack = pushLayer(stack, { ...alarm, shown: alarmView }, incidentView);
    const close = removeLayer(stack, (l) => l.kind === 'incident');
    expect(close.restore).toBeNull();
    expect(removeLayer(close.stack, (l) => l.kind === 'alarm').restore).toEqual(normal);
  });

  it('an unknown layer leaves the stack as it is', () => {
    const stack = pushLayer([], { ...incident, shown: incidentView }, normal);
    expect(removeLayer(stack, (l) => l.kind === 'alarm')).toEqual({ stack, restore: null });
  });

  it('fits the layout to the cameras and reads back only what it wrote', () => {
    expect([0, 1, 2, 4, 5, 9, 10, 17, 26, 40].map(fittingLayout)).toEqual([
      '1',
      '1',
      '4',
      '4',
      '9',
      '9',
      '16',
      '25',
      '36',
      '36',
    ]);
    const stack = pushLayer([], { ...incident, shown: incidentView }, normal);
    expect(parseStack(JSON.stringify(stack))).toEqual(stack);
    expect(parseStack('not json')).toEqual([]);
    expect(parseStack(JSON.stringify([{ kind: 'other' }, { kind: 'alarm' }]))).toEqual([]);
    expect(parseStack(null)).toEqual([]);
  });
});
