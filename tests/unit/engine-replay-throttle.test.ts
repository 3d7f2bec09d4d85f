import { describe, expect, it } from 'vitest';
import { ReplayThrottle } from '../../main/media/engine/embedded/replay-throttle';

describe('keyframe replays of the embedded engine', () => {
  it('spaces replays asked by PLIs; a resume always replays', () => {
    const replays = new ReplayThrottle(1000);
    expect(replays.allow('c', 0, false)).toBe(true);
    expect(replays.allow('c', 999, false)).toBe(false);
    expect(replays.allow('c', 1000, false)).toBe(true);
    expect(replays.allow('c', 1001, true)).toBe(true);
    expect(replays.allow('c', 1500, false)).toBe(false);
  });

  it('a start on a just-connected transport counts: the PLI that waits for it does not replay again', () => {
    const replays = new ReplayThrottle(1000);
    replays.started('c', 5000, true);
    expect(replays.allow('c', 5200, false)).toBe(false);
    expect(replays.allow('c', 6000, false)).toBe(true);
  });

  it("a start on a transport already up does not count: the browser's first PLI is answered at once", () => {
    const replays = new ReplayThrottle(1000);
    replays.allow('c', 4900, false);
    replays.started('c', 5000, false);
    expect(replays.allow('c', 5050, false)).toBe(true);
    expect(replays.allow('c', 5100, false)).toBe(false);
  });

  it('forgets a closed consumer', () => {
    const replays = new ReplayThrottle(1000);
    replays.started('c', 0, true);
    replays.forget('c');
    expect(replays.allow('c', 1, false)).toBe(true);
  });
});
