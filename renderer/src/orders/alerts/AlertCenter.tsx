import { useEffect } from 'react';
import { useInbox, useInboxSync } from '../inbox/useInbox';
import { beep, unlockAudio } from './beep';
import { askNotificationPermissionOnGesture } from './desktop';
import { repeats, worstKind } from './types';
import { useAlerts } from './useAlerts';
import { useFreshAlertSignals, useFreshInboxSignals } from './useFreshSignals';

const REPEAT_MS = 10_000;

/**
 * What tells an operator something needs them, without covering their work:
 * a sound and a desktop notification for each new deadline alert and each new 待办 item, and one
 * compact toast in the status bar; the list itself waits in the alert drawer (AlertBadge). Red and
 * 特急 sound again every 10 s until acknowledged.
 */
export function AlertCenter() {
  useInboxSync();
  const { alerts, loaded } = useAlerts();
  const inbox = useInbox();

  useEffect(() => askNotificationPermissionOnGesture(), []);
  useEffect(() => {
    window.addEventListener('pointerdown', unlockAudio, { capture: true, once: true });
    window.addEventListener('keydown', unlockAudio, { capture: true, once: true });
    return () => {
      window.removeEventListener('pointerdown', unlockAudio, { capture: true });
      window.removeEventListener('keydown', unlockAudio, { capture: true });
    };
  }, []);

  useFreshAlertSignals(loaded ? alerts : undefined);
  useFreshInboxSignals(inbox.data?.items);

  // Red and 特急 keep sounding while any stays unacknowledged.
  const worstRepeating = worstKind(alerts.filter((a) => repeats(a.kind)));
  useEffect(() => {
    if (!worstRepeating) return;
    const timer = setInterval(() => {
      beep(worstRepeating);
    }, REPEAT_MS);
    return () => {
      clearInterval(timer);
    };
  }, [worstRepeating]);

  return null;
}
