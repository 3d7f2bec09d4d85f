import type { wallAlarmZh } from './wall-alarm.zh';

/** English strings of the alarm windows' sound. */
export const wallAlarmEn: typeof wallAlarmZh = {
  sound: {
    mute: 'Mute',
    unmute: 'Unmute',
    muted: 'Alarms on this window are muted',
    hint: 'An alarm not yet acknowledged sounds every few seconds; muting applies to this window only and is remembered',
  },
};
