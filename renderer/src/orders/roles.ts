import type { Role } from '../../../common/domain/roles';

export { ORDER_INTAKE, ORDER_OPERATORS } from '../../../common/contract/orders';

export function hasAnyRole(roles: readonly Role[], allowed: readonly Role[]): boolean {
  return roles.some((r) => allowed.includes(r));
}
