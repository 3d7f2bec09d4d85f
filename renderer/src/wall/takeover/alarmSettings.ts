import { isLayoutId, type LayoutId } from '../layouts';

/**
 * A wall window's own alarm settings: marked for alarms, the layout its alarms use ('auto' fits),
 * and whether its alarm sound is muted (this window only).
 */
export interface AlarmSettings {
  alarm: boolean;
  layout: LayoutId | 'auto';
  muted: boolean;
}

const key = (n: number) => `cityops.wall.alarmWindow.${n}`;

/**
 * Kept per window number in localStorage: "墙窗口 2" opened again tomorrow is still the room's alarm
 * window. The hub holds the mark for the live connection; this is what the window registers with.
 */
export function readAlarmSettings(n: number): AlarmSettings {
  try {
    const raw: unknown = JSON.parse(localStorage.getItem(key(n)) ?? 'null');
    if (typeof raw !== 'object' || raw === null) return { alarm: false, layout: 'auto', muted: false };
    const { alarm, layout, muted } = raw as Record<string, unknown>;
    return {
      alarm: alarm === true,
      layout: typeof layout === 'string' && isLayoutId(layout) ? layout : 'auto',
      muted: muted === true,
    };
  } catch {
    return { alarm: false, layout: 'auto', muted: false };
  }
}

export function writeAlarmSettings(n: number, settings: AlarmSettings): void {
  try {
    localStorage.setItem(key(n), JSON.stringify(settings));
  } catch {
    // Storage disabled: the mark lasts as long as the connection.
  }
}
