import { describe, expect, it } from 'vitest';
import { bigScreenOf, routeOf, withBigScreen } from '../../renderer/src/bigscreen/route';
import { bigScreenPanels, panelAt, rotationFor, type Rotation } from '../../renderer/src/bigscreen/rotation';
import { isWallWindowPath, wallWindowNumber } from '../../renderer/src/wall/window/windowRoute';

// Issue 14 item 4: the big screen's panels follow each other on a dwell, on an injected clock; an
// incident's panel comes first while one is active, and the rotation starts over when it begins.

const DWELL = 15_000;
const T0 = 1_796_000_000_000;

describe('the big screen’s panels', () => {
  it('are the room’s four without an incident, the incident first with one', () => {
    expect(bigScreenPanels(false)).toEqual(['situation', 'kpis', 'trends', 'domains']);
    expect(bigScreenPanels(true)).toEqual(['incident', 'situation', 'kpis', 'trends', 'domains']);
  });

  it('rotate one per dwell, round and round, on the clock given', () => {
    const panels = bigScreenPanels(false);
    const r = rotationFor(null, panels, T0);
    const at = (ms: number) => panelAt(panels, r, T0 + ms, DWELL);
    expect(at(0)).toBe('situation');
    expect(at(DWELL - 1)).toBe('situation');
    expect(at(DWELL)).toBe('kpis');
    expect(at(2 * DWELL)).toBe('trends');
    expect(at(3 * DWELL + 14_999)).toBe('domains');
    expect(at(4 * DWELL)).toBe('situation');
    expect(at(41 * DWELL)).toBe('kpis');
    // A clock that steps back (a corrected clock) shows the first panel, never a negative index.
    expect(at(-5 * DWELL)).toBe('situation');
    // Another dwell: the same rule.
    expect(panelAt(panels, r, T0 + 5_000, 5_000)).toBe('kpis');
  });

  it('keep their rotation while the panels stay; an incident starting puts its panel first at once', () => {
    const quiet = bigScreenPanels(false);
    const r1 = rotationFor(null, quiet, T0);
    const later = T0 + 2 * DWELL + 3_000;
    expect(rotationFor(r1, quiet, later)).toBe(r1);
    expect(panelAt(quiet, r1, later, DWELL)).toBe('trends');

    const busy = bigScreenPanels(true);
    const r2: Rotation = rotationFor(r1, busy, later);
    expect(r2).toEqual({ key: busy.join(','), startedAt: later });
    expect(panelAt(busy, r2, later, DWELL)).toBe('incident');
    expect(panelAt(busy, r2, later + DWELL, DWELL)).toBe('situation');
    expect(panelAt(busy, r2, later + 5 * DWELL, DWELL)).toBe('incident');

    // The incident ends: the room's four from the first again.
    const end = later + 7 * DWELL;
    const r3 = rotationFor(r2, quiet, end);
    expect(panelAt(quiet, r3, end, DWELL)).toBe('situation');
  });
});

describe('the big screen’s route on a wall window', () => {
  it('is the wall window route with ?show=bigscreen and its dwell', () => {
    const path = withBigScreen('/wall/window/2', 20);
    expect(path).toBe('/wall/window/2?show=bigscreen&dwell=20');
    expect(isWallWindowPath(path)).toBe(true);
    expect(wallWindowNumber(path)).toBe(2);
    expect(bigScreenOf(path)).toEqual({ dwellSeconds: 20 });
    expect(routeOf(path)).toBe('/wall/window/2');
    expect(bigScreenOf('/wall/window/2')).toBeNull();
    expect(bigScreenOf('/wall/window/2?show=wall')).toBeNull();
    expect(withBigScreen(path, 30)).toBe('/wall/window/2?show=bigscreen&dwell=30');
    expect(withBigScreen('')).toBe('?show=bigscreen&dwell=15');
  });

  it('takes the default dwell for a missing or hostile one', () => {
    for (const dwell of ['', 'abc', '4', '301', '15.5', '-15', '1e3', '%00']) {
      expect(bigScreenOf(`/wall/window?show=bigscreen&dwell=${dwell}`), dwell).toEqual({ dwellSeconds: 15 });
    }
    expect(bigScreenOf('/wall/window?show=bigscreen')).toEqual({ dwellSeconds: 15 });
    expect(bigScreenOf('/wall/window?show=bigscreen&dwell=300')).toEqual({ dwellSeconds: 300 });
  });
});
