import type { OrderSource } from '../../../../common/domain/orders/states';
import type { Role } from '../../../../common/domain/roles';

/** Where a role's reports usually come from; the operator can still change it. */
const SOURCE_BY_ROLE: readonly [Role, OrderSource][] = [
  ['hotline_officer', 'hotline'],
  ['grid_officer', 'grid'],
  ['video_monitor', 'video'],
  ['station_chief', 'patrol'],
];

export function defaultSource(roles: readonly Role[]): OrderSource {
  return SOURCE_BY_ROLE.find(([role]) => roles.includes(role))?.[1] ?? 'hotline';
}

/** Sources an operator may enter by hand (Open311 reports arrive by themselves). */
export const INTAKE_SOURCES = [
  'hotline',
  'grid',
  'video',
  'village',
  'patrol',
] as const satisfies readonly OrderSource[];

/** Mirrors the contract's reporterPhone rule so the operator hears about it before a round trip. */
export const PHONE_PATTERN = /^[0-9+\-\s]{3,20}$/;
