import { beforeEach, describe, expect, it } from 'vitest';
import type { WallTourContent } from '../../common/domain/wall/tours';
import type { NewLayer } from '../../renderer/src/wall/takeover/layers';
import { parseStack } from '../../renderer/src/wall/takeover/layers';
import { giveBack, hasAlarm, takeOver, useTakeoverStore } from '../../renderer/src/wall/takeover/takeoverStore';
import { startTour, stepTour, useTourStore } from '../../renderer/src/wall/tours/tourStore';
import { showCells, useWallStore } from '../../renderer/src/wall/store';

/**
 * Tours (轮巡) and takeovers: an alarm or an incident stops the tour that
 * cycles on the wall, and the view given back starts it again at the step it had reached.
 */
const wallTour: WallTourContent = {
  name: '全镇轮巡',
  mode: 'wall',
  layout: '4',
  cameras: ['C1', 'C2', 'C3', 'C4', 'C5'],
  dwellSeconds: 10,
};
const tileTour: WallTourContent = {
  name: '路口轮巡',
  mode: 'tile',
  layout: null,
  cameras: ['T1', 'T2'],
  dwellSeconds: 5,
};
const orderReason = { kind: 'order', orderId: 1, orderCode: 'HQ20261202-0001', orderTitle: '燃气泄漏' } as const;
const alarm = (alarmId: string): NewLayer => ({
  kind: 'alarm',
  alarmId,
  reason: orderReason,
  byName: null,
  shown: { layoutId: '1', cells: ['CAM-9'] },
});

beforeEach(() => {
  useTakeoverStore.setState({ key: null, stack: [] });
  useTourStore.setState({ run: null });
  showCells('4', ['C1', 'C2', 'C3', 'C4']);
});

describe('a tour under an alarm', () => {
  it('stops while the alarm shows, and runs on from its step once acknowledged', () => {
    startTour(7, { ...wallTour }, null);
    stepTour(1);
    takeOver(alarm('a1'));
    expect(useTourStore.getState().run).toBeNull();
    expect(useWallStore.getState().cells).toEqual(['CAM-9']);
    expect(hasAlarm('a1')).toBe(true);
    expect(giveBack((l) => l.kind === 'alarm' && l.alarmId === 'a1')).toBe(true);
    expect(useTourStore.getState().run).toMatchObject({ tourId: 7, step: 1, paused: false, slot: null });
    expect(useWallStore.getState().layoutId).toBe('4');
    expect(hasAlarm('a1')).toBe(false);
  });

  it('a tile tour stops too (it would take one of the alarm’s tiles) and comes back on its tile, paused if it was', () => {
    startTour(8, { ...tileTour }, 2);
    useTourStore.setState((s) => (s.run ? { run: { ...s.run, paused: true } } : s));
    takeOver(alarm('a2'));
    expect(useTourStore.getState().run).toBeNull();
    giveBack((l) => l.kind === 'alarm');
    expect(useTourStore.getState().run).toMatchObject({ tourId: 8, slot: 2, paused: true });
  });

  it('an incident, then an alarm over it: the tour waits for both; acknowledged first, the incident still holds it', () => {
    startTour(7, { ...wallTour }, null);
    takeOver({
      kind: 'incident',
      incidentId: 3,
      title: '防台防汛',
      level: 'IV',
      drill: false,
      shown: { layoutId: '4', cells: ['I1'] },
    });
    takeOver(alarm('a3'));
    giveBack((l) => l.kind === 'alarm');
    expect(useTourStore.getState().run).toBeNull();
    expect(useWallStore.getState().cells[0]).toBe('I1');
    giveBack((l) => l.kind === 'incident');
    expect(useTourStore.getState().run).toMatchObject({ tourId: 7 });
  });

  it('the incident closing under an unacknowledged alarm hands the tour to the alarm to give back', () => {
    startTour(7, { ...wallTour }, null);
    takeOver({
      kind: 'incident',
      incidentId: 4,
      title: '火灾',
      level: 'III',
      drill: false,
      shown: { layoutId: '1', cells: ['I2'] },
    });
    takeOver(alarm('a4'));
    giveBack((l) => l.kind === 'incident');
    expect(useTourStore.getState().run).toBeNull();
    giveBack((l) => l.kind === 'alarm');
    expect(useTourStore.getState().run).toMatchObject({ tourId: 7 });
  });

  it('no tour before: none after', () => {
    takeOver(alarm('a5'));
    giveBack((l) => l.kind === 'alarm');
    expect(useTourStore.getState().run).toBeNull();
  });
});

describe('a kept stack read back after a reload', () => {
  it('keeps a well-formed tour and drops a malformed one (the view still comes back)', () => {
    const run = { tourId: 7, tour: { ...wallTour }, slot: null, step: 3, paused: false };
    const layer = (tour: unknown) => ({
      kind: 'alarm',
      alarmId: 'a6',
      reason: orderReason,
      byName: null,
      previous: { layoutId: '4', cells: ['C1'], tour },
      shown: { layoutId: '1', cells: ['CAM-9'] },
    });
    expect(parseStack(JSON.stringify([layer(run)]))[0]?.previous.tour).toEqual(run);
    for (const bad of [
      { ...run, tour: { ...wallTour, dwellSeconds: 0 } },
      { ...run, step: '3' },
      'tour',
      { tourId: 7 },
    ]) {
      const [parsed] = parseStack(JSON.stringify([layer(bad)]));
      expect(parsed?.previous.tour).toBeUndefined();
      expect(parsed?.previous.cells).toEqual(['C1']);
    }
  });
});
