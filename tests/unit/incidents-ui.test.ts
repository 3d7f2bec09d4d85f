import { describe, expect, it } from 'vitest';
import type { OrgUnit } from '../../common/contract';
import { areaForest, coveredAreas, pickedAreas, toggleArea } from '../../renderer/src/incidents/activate/areas';
import { countdownText, dueState, elapsedText, SOON_MS } from '../../renderer/src/incidents/clockText';
import { incidentIdOf, incidentPath } from '../../renderer/src/incidents/route';

const unit = (id: string, kind: OrgUnit['kind'], parentId: string | null, sort: number): OrgUnit => ({
  id,
  kind,
  name: id,
  parentId,
  stationId: null,
  subtype: null,
  sort,
});

/** The center, a station (left out of the area tree), two grids of two workstations each. */
const UNITS: OrgUnit[] = [
  unit('C', 'center', null, 0),
  unit('S1', 'station', 'C', 1),
  unit('G1', 'grid', 'C', 2),
  unit('G2', 'grid', 'C', 3),
  unit('W11', 'workstation', 'G1', 4),
  unit('W12', 'workstation', 'G1', 5),
  unit('W21', 'workstation', 'G2', 6),
  unit('W22', 'workstation', 'G2', 7),
];

describe('incident area picking on the org tree', () => {
  const forest = areaForest(UNITS);

  it('leaves stations out of the tree', () => {
    expect(forest.map((n) => n.item.id)).toEqual(['C']);
    expect(forest[0]?.children.map((n) => n.item.id)).toEqual(['G1', 'G2']);
  });

  it('picks single workstations as themselves', () => {
    let picked = toggleArea(forest, [], 'W11', true);
    picked = toggleArea(forest, picked, 'W21', true);
    expect(picked).toEqual(['W11', 'W21']);
  });

  it('collapses a grid whose every workstation is ticked into the grid, and the whole tree into the center', () => {
    let picked = toggleArea(forest, ['W11'], 'W12', true);
    expect(picked).toEqual(['G1']);
    picked = toggleArea(forest, picked, 'G2', true);
    expect(picked).toEqual(['C']);
  });

  it('unticking one workstation of a picked grid leaves its sibling', () => {
    expect(toggleArea(forest, ['G1'], 'W12', false)).toEqual(['W11']);
    expect(toggleArea(forest, ['C'], 'W22', false)).toEqual(['G1', 'W21']);
  });

  it('covers everything under a picked unit (what the tree shows ticked)', () => {
    expect([...coveredAreas(forest, ['G2', 'W11'])].sort()).toEqual(['G2', 'W11', 'W21', 'W22']);
  });

  it('ignores an unknown unit', () => {
    expect(toggleArea(forest, ['W11'], 'nope', true)).toEqual(['W11']);
    expect(pickedAreas(forest, new Set(['nope']))).toEqual([]);
  });
});

describe('incident clock texts', () => {
  it('elapsed time in hours, minutes and seconds, with days past one day', () => {
    expect(elapsedText(0, '天')).toBe('0:00:00');
    expect(elapsedText(3_723_000, '天')).toBe('1:02:03');
    expect(elapsedText(90_061_000, '天')).toBe('1天 1:01:01');
    expect(elapsedText(-5_000, 'd')).toBe('0:00:00');
  });

  it('counts down in whole seconds still to come, and keeps counting once late', () => {
    expect(countdownText(299_001)).toBe('05:00');
    expect(countdownText(4_999)).toBe('00:05');
    expect(countdownText(3_600_000)).toBe('1:00:00');
    expect(countdownText(-80_500)).toBe('-01:20');
  });

  it('a deadline is soon within five minutes and due at the deadline', () => {
    const due = 1_000_000_000;
    expect(dueState(due, due - SOON_MS - 1)).toBe('ok');
    expect(dueState(due, due - SOON_MS)).toBe('soon');
    expect(dueState(due, due - 1)).toBe('soon');
    expect(dueState(due, due)).toBe('due');
  });
});

describe('incident routes', () => {
  it('round-trips an id and refuses anything else', () => {
    expect(incidentIdOf(incidentPath(42))).toBe(42);
    expect(incidentIdOf('/incidents')).toBeNull();
    expect(incidentIdOf('/incidents/0')).toBeNull();
    expect(incidentIdOf('/incidents/abc')).toBeNull();
    expect(incidentIdOf('/incidents/1.5')).toBeNull();
    expect(incidentIdOf('/orders/3')).toBeNull();
  });
});
