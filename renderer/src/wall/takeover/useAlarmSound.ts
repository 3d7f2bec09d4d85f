import { useEffect } from 'react';
import { beep, unlockAudio } from '../../orders/alerts/beep';
import { useTakeoverStore } from './takeoverStore';

/** How often an alarm not yet acknowledged sounds again. */
export const ALARM_REPEAT_MS = 5_000;

/** Whether this window has an alarm up (not an incident only). */
export function useAlarmUp(): boolean {
  return useTakeoverStore((s) => s.stack.some((l) => l.kind === 'alarm'));
}

/**
 * The alarm window's sound: the 特急 tone (the order alerts' Web Audio patterns)
 * when an alarm takes the window over, again every ALARM_REPEAT_MS until every alarm on it is
 * acknowledged — unless this window is muted. Browsers keep audio off until a gesture on the page:
 * the first click anywhere on the window turns it on.
 */
export function useAlarmSound(muted: boolean): void {
  const up = useAlarmUp();
  useEffect(() => {
    window.addEventListener('pointerdown', unlockAudio, { capture: true, once: true });
    return () => {
      window.removeEventListener('pointerdown', unlockAudio, { capture: true });
    };
  }, []);
  useEffect(() => {
    if (!up || muted) return;
    beep('critical');
    const timer = setInterval(() => {
      beep('critical');
    }, ALARM_REPEAT_MS);
    return () => {
      clearInterval(timer);
    };
  }, [up, muted]);
}
