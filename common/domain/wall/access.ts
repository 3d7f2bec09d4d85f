import type { Role } from '../roles';

/** A personal view or tour is its owner's alone; a shared one is in every wall user's list. */
export const WALL_SCOPES = ['personal', 'shared'] as const;
export type WallScope = (typeof WALL_SCOPES)[number];

/**
 * Who looks after the shared views and tours of the room besides their creators: the duty chiefs
 * (they set the wall up for a shift or an incident) and administrators.
 */
export const WALL_SHARED_EDITORS = ['duty_chief', 'admin'] as const satisfies readonly Role[];

export interface WallItemOwner {
  scope: WallScope;
  ownerId: number;
}

export interface WallActor {
  id: number;
  roles: readonly Role[];
}

/** Whether the actor sees the item at all: shared ones, and their own personal ones. */
export function canSeeWallItem(item: WallItemOwner, actor: WallActor): boolean {
  return item.scope === 'shared' || item.ownerId === actor.id;
}

/** Whether the actor may change or delete the item as it is now. */
export function canChangeWallItem(item: WallItemOwner, actor: WallActor): boolean {
  if (item.ownerId === actor.id) return true;
  return item.scope === 'shared' && actor.roles.some((r) => (WALL_SHARED_EDITORS as readonly Role[]).includes(r));
}

/**
 * Whether the actor may give an existing item the scope `next`. Making an item personal hands it to
 * its owner's private list, so only the owner may do it: a chief tidying up someone's shared view
 * must not make it vanish into (or out of) another person's list.
 */
export function canRescopeWallItem(item: WallItemOwner, next: WallScope, actor: WallActor): boolean {
  if (!canChangeWallItem(item, actor)) return false;
  return next === item.scope || item.ownerId === actor.id;
}

/**
 * Chiefs may push to every wall window of their org unit (the center's, or their station's), e.g. to
 * put an incident's cameras on the big wall; everyone else only to the windows they opened.
 */
export const WALL_WINDOW_SUPERVISORS = ['duty_chief', 'station_chief'] as const satisfies readonly Role[];

export interface WallWindowOwner {
  userId: number;
  orgUnitId: string;
}

export function canPushToWallWindow(window: WallWindowOwner, actor: WallActor & { orgUnitId: string }): boolean {
  if (window.userId === actor.id) return true;
  return (
    window.orgUnitId === actor.orgUnitId &&
    actor.roles.some((r) => (WALL_WINDOW_SUPERVISORS as readonly Role[]).includes(r))
  );
}
