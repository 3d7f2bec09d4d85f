import type { WallUser } from '../../services/wall';
import type { HandlerContext } from '../handler-types';

/** The caller as the wall's services check it (views, tours, windows, pushes). */
export function wallActorOf(ctx: HandlerContext): WallUser {
  const { user } = ctx.requireSession();
  return { id: user.id, roles: user.roles, displayName: user.displayName, orgUnitId: user.orgUnitId };
}
