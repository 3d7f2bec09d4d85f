import { z } from 'zod';
import type { Role } from '../domain/roles';
import type { DASHBOARD_ROLES } from './dashboard';
import type { OVERVIEW_ROLES } from './overview';

/**
 * Who opens the big screen (大屏, issue 14 item 4) or pushes it to a wall window: whoever may read both
 * what it shows — the situation overview (overview.get) and the dashboard (dashboard.get). That is
 * the duty chief, the station chief (their station's screen) and the coordinator; not the
 * administrator (no overview) nor the video monitor (neither).
 */
export const BIGSCREEN_ROLES = [
  'duty_chief',
  'station_chief',
  'coordinator',
] as const satisfies readonly ((typeof OVERVIEW_ROLES)[number] & (typeof DASHBOARD_ROLES)[number])[];

/** Whether a user with these roles may see the big screen. */
export function canSeeBigScreen(roles: readonly Role[]): boolean {
  return roles.some((r) => (BIGSCREEN_ROLES as readonly Role[]).includes(r));
}

/** How long each panel stays before the next one (seconds): the default, and the bounds one may set. */
export const BIGSCREEN_DWELL_DEFAULT_S = 15;
export const BIGSCREEN_DWELL_MIN_S = 5;
export const BIGSCREEN_DWELL_MAX_S = 300;

export const bigScreenDwellSchema = z.number().int().min(BIGSCREEN_DWELL_MIN_S).max(BIGSCREEN_DWELL_MAX_S);
