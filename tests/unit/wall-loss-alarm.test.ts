import { describe, expect, it } from 'vitest';
import {
  emptyLossState,
  HISTORY_MAX,
  lossReduce,
  openAlarms,
  sounding,
  type LossCamera,
  type LossEvent,
  type LossSetting,
  type LossState,
  type SettingOf,
} from '../../renderer/src/wall/loss/lossRules';
import type { TileState } from '../../renderer/src/wall/player/types';
import { endTileNumber, typeTileDigit } from '../../renderer/src/wall/tree/tileNumber';

// The video-loss alarm's rules over an injected clock: `at` is the time of each event.

const CAM: LossCamera = { cameraId: 'CAM-1', name: '合庆广场', groupId: 'G1', groupName: '第一网格', stream: 'sub' };
const OTHER: LossCamera = { cameraId: 'CAM-2', name: '海塘村口', groupId: 'G2', groupName: '第二网格', stream: 'main' };

function rig(settings: Record<string, LossSetting> = {}) {
  const defaults: LossSetting = { enabled: true, delayMs: 10_000 };
  const settingOf: SettingOf = (g) => (g === null ? undefined : settings[g]) ?? defaults;
  let state: LossState = emptyLossState;
  const run = (at: number, event: LossEvent) => {
    state = lossReduce(state, event, at, settingOf);
    return state;
  };
  return {
    health: (at: number, state: TileState, camera: LossCamera = CAM) => run(at, { type: 'health', camera, state }),
    tick: (at: number) => run(at, { type: 'tick' }),
    /** The hub's acknowledgement, arriving at `at` (its own time `ackAt`, another console's clock). */
    ack: (at: number, cameraId = CAM.cameraId, by = '张三', ackAt = at) =>
      run(at, { type: 'acked', cameraId, by, at: ackAt }),
    removed: (at: number, cameraId = CAM.cameraId) => run(at, { type: 'removed', cameraId }),
    get state() {
      return state;
    },
  };
}

describe('video-loss alarm: the delay', () => {
  it('raises no alarm before the group delay, and one when the camera has been offline that long', () => {
    const r = rig();
    r.health(0, 'playing');
    r.health(1_000, 'offline');
    r.tick(10_999);
    expect(openAlarms(r.state)).toEqual([]);
    r.tick(11_000);
    const [alarm] = openAlarms(r.state);
    expect(alarm).toMatchObject({ cameraId: 'CAM-1', name: '合庆广场', groupName: '第一网格', offlineSince: 1_000 });
    expect(alarm?.raisedAt).toBe(11_000);
    expect(sounding(r.state)).toBe(true);
  });

  it('a stall, a reconnect or an error is not video loss, and any of them restarts the count', () => {
    const r = rig();
    r.health(0, 'playing');
    r.health(1_000, 'stalled');
    r.tick(60_000);
    r.health(60_000, 'connecting');
    r.health(61_000, 'error');
    r.tick(120_000);
    expect(openAlarms(r.state)).toEqual([]);
    r.health(120_000, 'offline');
    r.health(125_000, 'connecting');
    r.health(126_000, 'offline');
    r.tick(135_999);
    expect(openAlarms(r.state)).toEqual([]);
    r.tick(136_000);
    expect(openAlarms(r.state)).toHaveLength(1);
  });

  it("uses each camera's own group delay; a zero delay alarms at once", () => {
    const r = rig({ G1: { enabled: true, delayMs: 30_000 }, G2: { enabled: true, delayMs: 0 } });
    r.health(0, 'offline');
    r.health(0, 'offline', OTHER);
    expect(openAlarms(r.state).map((a) => a.cameraId)).toEqual(['CAM-2']);
    r.tick(29_999);
    expect(openAlarms(r.state)).toHaveLength(1);
    r.tick(30_000);
    expect(openAlarms(r.state).map((a) => a.cameraId)).toEqual(['CAM-1', 'CAM-2']);
  });

  it('a camera in no grid alarms with the defaults', () => {
    const r = rig({ G1: { enabled: false, delayMs: 0 } });
    const loose: LossCamera = { cameraId: 'CAM-9', name: '未归属', groupId: null, groupName: null, stream: 'sub' };
    r.health(0, 'offline', loose);
    r.tick(10_000);
    expect(openAlarms(r.state).map((a) => a.cameraId)).toEqual(['CAM-9']);
  });
});

describe('video-loss alarm: a group switched off', () => {
  it('never alarms for its cameras, however long they stay dark; other groups still do', () => {
    const r = rig({ G1: { enabled: false, delayMs: 0 } });
    r.health(0, 'offline');
    r.health(0, 'offline', OTHER);
    r.tick(3_600_000);
    expect(openAlarms(r.state).map((a) => a.cameraId)).toEqual(['CAM-2']);
  });
});

describe('video-loss alarm: acknowledging', () => {
  it('keeps who and when, silences the tone, and does not alarm again while the camera stays dark', () => {
    const r = rig();
    r.health(0, 'offline');
    r.tick(10_000);
    r.ack(12_000);
    expect(openAlarms(r.state)).toEqual([]);
    expect(sounding(r.state)).toBe(false);
    expect(r.state.alarms[0]?.ack).toEqual({ by: '张三', at: 12_000 });
    // Still dark, flapping through reconnects: no second alarm.
    r.health(20_000, 'connecting');
    r.health(21_000, 'offline');
    r.tick(100_000);
    expect(openAlarms(r.state)).toEqual([]);
  });

  it('an acknowledgement of one camera leaves the others', () => {
    const r = rig({ G2: { enabled: true, delayMs: 0 } });
    r.health(0, 'offline');
    r.health(0, 'offline', OTHER);
    r.tick(10_000);
    r.ack(11_000, 'CAM-2', '李四');
    expect(openAlarms(r.state).map((a) => a.cameraId)).toEqual(['CAM-1']);
    r.ack(12_000, 'CAM-1', '王五');
    expect(openAlarms(r.state)).toEqual([]);
    expect(r.state.alarms.map((a) => a.ack?.by).sort()).toEqual(['李四', '王五']);
  });

  it("keeps the hub's time of an acknowledgement made on another console", () => {
    const r = rig();
    r.health(0, 'offline');
    r.tick(10_000);
    r.ack(12_500, 'CAM-1', '李四', 12_000);
    expect(r.state.alarms[0]?.ack).toEqual({ by: '李四', at: 12_000 });
  });

  it('an acknowledgement from another console covers an outage seen here but not yet alarmed', () => {
    const r = rig();
    r.health(0, 'offline');
    r.ack(5_000, 'CAM-1', '李四');
    r.tick(60_000);
    expect(openAlarms(r.state)).toEqual([]);
    // It plays again and goes dark again later: that outage alarms.
    r.health(70_000, 'playing');
    r.health(80_000, 'offline');
    r.tick(90_000);
    expect(openAlarms(r.state).map((a) => a.offlineSince)).toEqual([80_000]);
  });

  it("an acknowledgement of a camera playing here changes nothing (another console's outage)", () => {
    const r = rig();
    r.health(0, 'playing');
    const before = r.ack(5_000, 'CAM-1', '李四');
    r.health(6_000, 'offline');
    r.tick(16_000);
    expect(before.alarms).toEqual([]);
    expect(openAlarms(r.state)).toHaveLength(1);
  });

  it('acknowledging a camera with no open alarm changes nothing', () => {
    const r = rig();
    const before = r.ack(1_000);
    expect(before).toBe(emptyLossState);
  });
});

describe('video-loss alarm: re-arming after recovery', () => {
  it('alarms again only after the camera has played again', () => {
    const r = rig();
    r.health(0, 'offline');
    r.tick(10_000);
    r.ack(11_000);
    r.health(50_000, 'playing');
    r.health(60_000, 'offline');
    r.tick(69_999);
    expect(openAlarms(r.state)).toEqual([]);
    r.tick(70_000);
    const [alarm] = openAlarms(r.state);
    expect(alarm?.offlineSince).toBe(60_000);
    expect(r.state.alarms).toHaveLength(2);
  });

  it('a camera back before anyone acknowledged stays on the card marked recovered, without the tone', () => {
    const r = rig();
    r.health(0, 'offline');
    r.tick(10_000);
    r.health(15_000, 'playing');
    const [alarm] = openAlarms(r.state);
    expect(alarm?.recoveredAt).toBe(15_000);
    expect(sounding(r.state)).toBe(false);
    // Dark again, after having played: a new alarm when due (the recovered one still waits for 确认).
    r.health(20_000, 'offline');
    r.tick(30_000);
    expect(openAlarms(r.state)).toHaveLength(2);
    expect(sounding(r.state)).toBe(true);
  });

  it('a camera taken off the wall is no longer watched, but its open alarm waits for the operator', () => {
    const r = rig();
    r.health(0, 'offline');
    r.tick(10_000);
    r.health(0, 'offline', OTHER);
    r.removed(11_000, 'CAM-2');
    r.tick(100_000);
    expect(openAlarms(r.state).map((a) => a.cameraId)).toEqual(['CAM-1']);
  });

  it('keeps at most HISTORY_MAX acknowledged alarms', () => {
    const r = rig({ G1: { enabled: true, delayMs: 0 } });
    for (let i = 0; i < HISTORY_MAX + 5; i += 1) {
      r.health(i * 10, 'offline');
      r.ack(i * 10 + 1);
      r.health(i * 10 + 2, 'playing');
    }
    expect(r.state.alarms).toHaveLength(HISTORY_MAX);
  });
});

describe('tile numbers typed in the camera tree', () => {
  it('one digit on walls of up to nine tiles; 0 and numbers past the wall are nothing', () => {
    expect(typeTileDigit('', 4, 9)).toEqual({ tile: 4, pending: '' });
    expect(typeTileDigit('', 5, 4)).toEqual({ tile: null, pending: '' });
    expect(typeTileDigit('', 0, 9)).toEqual({ tile: null, pending: '' });
  });

  it('two digits on larger walls; a digit no second one can follow is the number at once', () => {
    expect(typeTileDigit('', 1, 16)).toEqual({ tile: null, pending: '1' });
    expect(typeTileDigit('1', 2, 16)).toEqual({ tile: 12, pending: '' });
    expect(typeTileDigit('1', 7, 16)).toEqual({ tile: null, pending: '' });
    expect(typeTileDigit('', 7, 16)).toEqual({ tile: 7, pending: '' });
    expect(typeTileDigit('', 0, 16)).toEqual({ tile: 10, pending: '' });
    expect(typeTileDigit('', 3, 36)).toEqual({ tile: null, pending: '3' });
    expect(typeTileDigit('3', 6, 36)).toEqual({ tile: 36, pending: '' });
  });

  it('a first digit left alone is that tile once the pause is over', () => {
    expect(endTileNumber('1', 16)).toBe(1);
    expect(endTileNumber('', 16)).toBeNull();
  });
});
