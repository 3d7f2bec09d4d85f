/**
 * Desktop notifications (the OS's own, seen even when the console is behind another window).
 * Permission is asked once, on the operator's first click or key press, as browsers require.
 */
export function askNotificationPermissionOnGesture(): () => void {
  if (typeof Notification === 'undefined' || Notification.permission !== 'default') return () => undefined;
  const ask = () => {
    remove();
    if (Notification.permission === 'default') void Notification.requestPermission();
  };
  const remove = () => {
    window.removeEventListener('pointerdown', ask, true);
    window.removeEventListener('keydown', ask, true);
  };
  window.addEventListener('pointerdown', ask, true);
  window.addEventListener('keydown', ask, true);
  return remove;
}

export function showDesktopNotification(
  tag: string,
  title: string,
  body: string,
  urgent: boolean,
  onClick: () => void,
): void {
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
  try {
    const n = new Notification(title, { body, tag, requireInteraction: urgent, icon: './icon.svg' });
    n.onclick = () => {
      window.focus();
      onClick();
      n.close();
    };
  } catch {
    // Some shells refuse page-created notifications; the in-console alert still shows.
  }
}
