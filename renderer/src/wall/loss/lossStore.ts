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
 * This console's video-loss alarms. They live per console, not in the hub: what
 * goes dark is what this console's own players see (each console has its own cameras on its wall),
 * and the hub knows no tile's health. The group settings come from the hub (wall.lossAlarms.list).
 * The console's wall and each wall window (its own page) keep their own; acknowledgements are the
 * hub's and reach them all (wall.lossAcked → ackedLoss).
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
/** Cleared on this console only, now (a camera the hub no longer has: nothing to acknowledge there). */
export const dropLoss = (cameraId: string, by: string) => {
  dispatch({ type: 'acked', cameraId, by, at: clock() });
};
/** The hub recorded an acknowledgement (this console's or another's). */
export const ackedLoss = (ack: { cameraId: string; by: { userName: string }; at: number }) => {
  dispatch({ type: 'acked', cameraId: ack.cameraId, by: ack.by.userName, at: ack.at });
};
