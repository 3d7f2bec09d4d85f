/** "2:03:15" for a running incident, "1天 2:03:15" / "1d 2:03:15" past a day. Never negative. */
export function elapsedText(ms: number, dayUnit: string): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const days = Math.floor(total / 86_400);
  const rest = total % 86_400;
  const hms = `${Math.floor(rest / 3600)}:${pad(Math.floor((rest % 3600) / 60))}:${pad(rest % 60)}`;
  return days > 0 ? `${days}${dayUnit} ${hms}` : hms;
}

/**
 * Time left to a deadline: "04:59", "1:04:59" beyond an hour, "-01:20" once it has passed (a missed
 * report keeps counting, so the operator sees how late it is).
 */
export function countdownText(msLeft: number): string {
  const late = msLeft < 0;
  // Count down in whole seconds that have not yet passed: 4 999 ms left shows 00:05, not 00:04.
  const total = late ? Math.floor(-msLeft / 1000) : Math.ceil(msLeft / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const text = h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${pad(m)}:${pad(s)}`;
  return late ? `-${text}` : text;
}

/** Five minutes before a report is due the banner and the alert call it out (the hub's 'soon'). */
export const SOON_MS = 5 * 60_000;

export type DueState = 'ok' | 'soon' | 'due';

export function dueState(dueAt: number, now: number): DueState {
  if (now >= dueAt) return 'due';
  return dueAt - now <= SOON_MS ? 'soon' : 'ok';
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
