import type { Role } from '../../../common/domain/roles';

/** Who is acting, as the order rules see them. */
export interface OrderActor {
  id: number | null;
  name: string;
  roles: readonly Role[];
  orgUnitId: string;
  /** Set for users of a joint-duty station: they see and act on their station's orders only. */
  stationId: string | null;
}

/** Roles that call reporters back and so see phone numbers unmasked. */
const SEES_PHONES: readonly Role[] = ['hotline_officer', 'grid_officer', 'duty_chief'];

export function maskPhone(phone: string | null, actor: OrderActor): string | null {
  if (phone === null || actor.roles.some((r) => SEES_PHONES.includes(r))) return phone;
  const digits = phone.replace(/\D/g, '');
  if (digits.length < 7) return '****';
  return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
}
