import type { Audience, EventName, EventPayload } from '../../../common/contract';
import type { Role } from '../../../common/domain/roles';
import type { OrgRepo } from './org-repo';

/**
 * Who hears of something that happened in an org unit. The center watches every unit (its duty
 * log, roster, handovers and the orders of every station), so "this unit" always means "this unit
 * plus the center": one rule, kept here, for every event and system entry of a unit.
 */

/** Sends an event to an audience (the hub's EventBus.publish; a recorder in tests). */
export type Publish = <E extends EventName>(event: E, payload: EventPayload<E>, audience?: Audience) => void;

/** Where a service sends its events: the hub's EventBus, or a recorder in tests. */
export interface EventSink {
  publish: Publish;
}

const given = (unitIds: readonly (string | null | undefined)[]): string[] =>
  unitIds.filter((id): id is string => typeof id === 'string');

/** The center's units, then the given ones (null/undefined skipped), each once: whose duty log gets an entry. */
export function withCenter(org: Pick<OrgRepo, 'centerIds'>, unitIds: readonly (string | null | undefined)[]): string[] {
  return [...new Set([...org.centerIds(), ...given(unitIds)])];
}

/**
 * The consoles of these units and of the center, optionally only those with one of `roles`. The
 * units come first, then the center's (the order means nothing to delivery; tests pin it).
 */
export function unitAndCenter(
  org: Pick<OrgRepo, 'centerIds'>,
  unitIds: string | readonly (string | null | undefined)[],
  roles?: readonly Role[],
): Audience {
  const units = typeof unitIds === 'string' ? [unitIds] : given(unitIds);
  const orgUnitIds = [...new Set([...units, ...org.centerIds()])];
  return roles ? { orgUnitIds, roles } : { orgUnitIds };
}
