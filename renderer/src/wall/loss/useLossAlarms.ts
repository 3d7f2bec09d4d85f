import { useEffect } from 'react';
import { beep, unlockAudio } from '../../orders/alerts/beep';
import { useApi, useApiQuery } from '../../api';
import { ALARM_REPEAT_MS } from '../takeover/useAlarmSound';
import { sounding } from './lossRules';
import { ackedLoss, lossTick, setLossSettings, useLossStore } from './lossStore';

/** How often the alarms' delays are checked: an alarm sounds at most this late. */
const TICK_MS = 1_000;

/**
 * The video-loss alarm of a wall (the console's, or a wall window's): the groups' settings from the
 * hub, the clock that raises the alarms that are due, the hub's acknowledgements from any console,
 * and the tone — the wall alarm's 特急 pattern, again every ALARM_REPEAT_MS while an alarm is
 * unacknowledged and its camera still dark. `muted`: a wall window's 静音 silences this tone too
 * (the card still shows and still needs 确认).
 */
export function useLossAlarms(muted = false): void {
  const api = useApi();
  const settings = useApiQuery('wall.lossAlarms.list', {});
  useEffect(() => api.subscribe('wall.lossAcked', ackedLoss), [api]);
  useEffect(() => {
    const data = settings.data;
    if (!data) return;
    setLossSettings(new Map(data.rows.map((r) => [r.gridId, { enabled: r.enabled, delayMs: r.delayS * 1000 }])), {
      enabled: data.defaults.enabled,
      delayMs: data.defaults.delayS * 1000,
    });
  }, [settings.data]);

  useEffect(() => {
    const timer = setInterval(lossTick, TICK_MS);
    return () => {
      clearInterval(timer);
    };
  }, []);

  const sound = useLossStore((s) => sounding(s.state)) && !muted;
  useEffect(() => {
    window.addEventListener('pointerdown', unlockAudio, { capture: true, once: true });
    return () => {
      window.removeEventListener('pointerdown', unlockAudio, { capture: true });
    };
  }, []);
  useEffect(() => {
    if (!sound) return;
    beep('critical');
    const timer = setInterval(() => {
      beep('critical');
    }, ALARM_REPEAT_MS);
    return () => {
      clearInterval(timer);
    };
  }, [sound]);
}
