import { create } from 'zustand';
import { LOSS_ALARM_DEFAULT_DELAY_S } from '../../../../common/contract/wall-loss';
import type { TileState } from '../player/types';
import {
  emptyLossState,
  lossReduce,
  type LossCamera,
  type LossEvent,
  type LossSetting,
  type LossState,
  type SettingOf,
} from './lossRules';

/**
 * This console's video-loss alarms (issue 12 item 6). They live per console, not in the hub: what
 * goes dark is what this console's own players see (each console has its own cameras on its wall),
 * and the hub knows no tile's health. The group settings come from the hub (wall.lossAlarms.list).
 * A wall window's tiles report here too, but only the console's wall shows the card and sounds.
 */
interface LossStore {
  state: LossState;
  settings: ReadonlyMap<string, LossSetting>;
  defaults: LossSetting;
}

export const useLossStore = create<LossStore>(() => ({
  state: emptyLossState,
  settings: new Map(),
  // Until the hub's settings arrive: the hub's own defaults.
  defaults: { enabled: true, delayMs: LOSS_ALARM_DEFAULT_DELAY_S * 1000 },
}));

/** The clock the alarms are timed by; tests set their own. */
let clock: () => number = () => Date.now();
export function setLossClock(now: () => number): void {
  clock = now;
}

function settingOf(store: LossStore): SettingOf {
  return (groupId) => (groupId === null ? undefined : store.settings.get(groupId)) ?? store.defaults;
}

function dispatch(event: LossEvent): void {
  useLossStore.setState((s) => {
    const next = lossReduce(s.state, event, clock(), settingOf(s));
    return next === s.state ? s : { state: next };
  });
}

export function setLossSettings(settings: ReadonlyMap<string, LossSetting>, defaults: LossSetting): void {
  useLossStore.setState({ settings, defaults });
  dispatch({ type: 'tick' });
}

export const reportTileHealth = (camera: LossCamera, state: TileState) => {
  dispatch({ type: 'health', camera, state });
};
export const forgetTile = (cameraId: string) => {
  dispatch({ type: 'removed', cameraId });
};
export const lossTick = () => {
  dispatch({ type: 'tick' });
};
export const ackLoss = (cameraId: string, by: string) => {
  dispatch({ type: 'ack', cameraId, by });
};
export const ackAllLoss = (by: string) => {
  dispatch({ type: 'ackAll', by });
};
