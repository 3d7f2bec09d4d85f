import type { CameraStream } from '../../../../common/contract/cameras';
import type { TileState } from '../player/types';

/**
 * The video-loss alarm's rules as a pure reducer over an injected clock: the wall
 * feeds it what its tiles' health machines say, the tick and the operator's acknowledgements; the
 * store and the card only show what it decides. Rules:
 *   - only `offline` (the health machine's verdict, after its timeouts) counts as lost — a stall,
 *     a connect or an error does not, and any state other than offline restarts the count;
 *   - the alarm is raised once the camera has been offline for its group's delay, if the group has
 *     the alarm on;
 *   - once raised (acknowledged or not), the camera does not alarm again until it has played again
 *     (`playing`): a camera that stays dark, or flaps offline ↔ connecting, alarms once;
 *   - acknowledging keeps who and when; a camera back online before anyone acknowledged stays on the
 *     card marked recovered (someone must still see that it went dark), without sound;
 *   - acknowledgements are the hub's (wall.lossAlarms.ack): one made on any console clears the
 *     camera's alarm here too, and covers its current outage — a tile here that has seen the camera
 *     offline but not yet for the delay does not alarm for it until the camera has played again.
 */

export interface LossSetting {
  enabled: boolean;
  delayMs: number;
}

export interface LossCamera {
  cameraId: string;
  name: string;
  /** Its group (grid) for the setting, null for a camera in no grid (the defaults). */
  groupId: string | null;
  groupName: string | null;
  /** The stream its tile plays: what an acknowledgement names. */
  stream: CameraStream;
}

export interface LossAlarm extends LossCamera {
  /** When the tile went offline, and when the alarm was raised (delay later). */
  offlineSince: number;
  raisedAt: number;
  /** Back to playing since; null while still dark. */
  recoveredAt: number | null;
  ack: { by: string; at: number } | null;
}

interface Watch {
  camera: LossCamera;
  offlineSince: number | null;
  /** May alarm: false from its alarm until it plays again. */
  armed: boolean;
}

export interface LossState {
  watches: ReadonlyMap<string, Watch>;
  /** Newest first; acknowledged ones are kept (who/when) up to HISTORY_MAX. */
  alarms: readonly LossAlarm[];
}

/** Acknowledged alarms kept for the record on this console, at most. */
export const HISTORY_MAX = 50;

export const emptyLossState: LossState = { watches: new Map(), alarms: [] };

export type LossEvent =
  /** A tile's health (or the camera's details) as the wall sees it now. */
  | { type: 'health'; camera: LossCamera; state: TileState }
  /** The camera left the wall: no more watching (an alarm already raised stays until acknowledged). */
  | { type: 'removed'; cameraId: string }
  /** Time passes: raise the alarms that are due. */
  | { type: 'tick' }
  /** The hub recorded an acknowledgement of the camera's alarm (here or on another console). */
  | { type: 'acked'; cameraId: string; by: string; at: number };

export type SettingOf = (groupId: string | null) => LossSetting;

const isOpen = (a: LossAlarm) => a.ack === null;

function trimHistory(alarms: LossAlarm[]): LossAlarm[] {
  let acked = 0;
  return alarms.filter((a) => isOpen(a) || ++acked <= HISTORY_MAX);
}

function recover(alarms: readonly LossAlarm[], cameraId: string, now: number): readonly LossAlarm[] {
  if (!alarms.some((a) => a.cameraId === cameraId && isOpen(a) && a.recoveredAt === null)) return alarms;
  return alarms.map((a) =>
    a.cameraId === cameraId && isOpen(a) && a.recoveredAt === null ? { ...a, recoveredAt: now } : a,
  );
}

export function lossReduce(state: LossState, event: LossEvent, now: number, settingOf: SettingOf): LossState {
  switch (event.type) {
    case 'health': {
      const { camera } = event;
      const watch = state.watches.get(camera.cameraId) ?? { camera, offlineSince: null, armed: true };
      const offline = event.state === 'offline';
      const playing = event.state === 'playing';
      const next: Watch = {
        camera,
        offlineSince: offline ? (watch.offlineSince ?? now) : null,
        armed: watch.armed || playing,
      };
      const watches = new Map(state.watches);
      watches.set(camera.cameraId, next);
      const after = { watches, alarms: playing ? recover(state.alarms, camera.cameraId, now) : state.alarms };
      return offline ? lossReduce(after, { type: 'tick' }, now, settingOf) : after;
    }
    case 'removed': {
      if (!state.watches.has(event.cameraId)) return state;
      const watches = new Map(state.watches);
      watches.delete(event.cameraId);
      return { ...state, watches };
    }
    case 'tick': {
      let watches: Map<string, Watch> | null = null;
      const raised: LossAlarm[] = [];
      for (const [id, w] of state.watches) {
        if (w.offlineSince === null || !w.armed) continue;
        const setting = settingOf(w.camera.groupId);
        if (!setting.enabled || now - w.offlineSince < setting.delayMs) continue;
        watches ??= new Map(state.watches);
        watches.set(id, { ...w, armed: false });
        raised.push({ ...w.camera, offlineSince: w.offlineSince, raisedAt: now, recoveredAt: null, ack: null });
      }
      if (!watches) return state;
      return { watches, alarms: trimHistory([...raised, ...state.alarms]) };
    }
    case 'acked': {
      const hit = (a: LossAlarm) => isOpen(a) && a.cameraId === event.cameraId;
      const watch = state.watches.get(event.cameraId);
      // Dark here too but not yet alarmed: the acknowledgement covers this outage.
      const disarm = watch !== undefined && watch.armed && watch.offlineSince !== null;
      if (!state.alarms.some(hit) && !disarm) return state;
      let { watches } = state;
      if (disarm) {
        const next = new Map(watches);
        next.set(event.cameraId, { ...watch, armed: false });
        watches = next;
      }
      const alarms = state.alarms.map((a) => (hit(a) ? { ...a, ack: { by: event.by, at: event.at } } : a));
      return { watches, alarms: trimHistory(alarms) };
    }
  }
}

/** The alarms waiting for an operator, newest first. */
export function openAlarms(state: LossState): LossAlarm[] {
  return state.alarms.filter(isOpen);
}

/** Whether the tone should sound: an open alarm whose camera is still dark. */
export function sounding(state: LossState): boolean {
  return state.alarms.some((a) => isOpen(a) && a.recoveredAt === null);
}
