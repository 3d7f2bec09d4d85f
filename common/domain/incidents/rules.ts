/**
 * The one-active rule and the drill exclusion: a center runs one real
 * incident at a time; drills (演练) run beside it, are marked everywhere and count in no statistics.
 * The database holds the same rule as a partial unique index (migration 0150).
 */
export interface IncidentFlags {
  id: number;
  drill: boolean;
  closedAt: number | null;
}

export function isActive(i: Pick<IncidentFlags, 'closedAt'>): boolean {
  return i.closedAt === null;
}

/** The active real incident a new one would clash with, or null (drills never clash). */
export function activeConflict<T extends IncidentFlags>(existing: readonly T[], drill: boolean): T | null {
  if (drill) return null;
  return existing.find((i) => !i.drill && isActive(i)) ?? null;
}

/** Drills are excluded from every statistic of real work. */
export function countsInStatistics(i: Pick<IncidentFlags, 'drill'>): boolean {
  return !i.drill;
}

/** The incident new orders link to by themselves: the active real one; never a drill (see README). */
export function autoLinkTarget<T extends IncidentFlags>(active: readonly T[]): T | null {
  return active.find((i) => !i.drill && isActive(i)) ?? null;
}
