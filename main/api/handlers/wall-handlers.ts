import type { wallMethods } from '../../../common/contract';
import type { WallServices } from '../../services/wall';
import type { EventBus } from '../event-bus';
import type { Handler } from '../handler-types';
import { wallPushHandlers } from './wall-push-handlers';
import { wallViewHandlers } from './wall-view-handlers';
import { wallWindowHandlers, windowAudiences } from './wall-window-handlers';

export type WallDeps = WallServices;

/** The incident's wall is answered beside these, from the incidents (wall-incident-handlers.ts). */
type WallHandlers = {
  [M in Exclude<keyof typeof wallMethods, 'wall.incident.current' | 'wall.alarm.pending'>]: Handler<M>;
};

/**
 * The video wall's saved views, tours and wall windows. Saves, deletes
 * and pushes are writing calls: the router audits them with the summaries set here.
 */
export function wallHandlers(deps: WallDeps): WallHandlers {
  return { ...wallViewHandlers(deps), ...wallWindowHandlers(deps), ...wallPushHandlers(deps) };
}

/**
 * Call when the hub detaches a connection: its wall window (if it was one) closes, and the consoles
 * that list it refetch.
 */
export function closeWallWindow(deps: Pick<WallDeps, 'windows'>, bus: EventBus, connId: string): void {
  const entry = deps.windows.detach(connId);
  if (!entry) return;
  for (const audience of windowAudiences(entry)) bus.publish('wall.changed', { what: 'windows' }, audience);
}
