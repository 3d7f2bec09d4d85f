import type { HandlerRef, OrderDetail } from '../../../../common/contract';
import {
  isOutsideJurisdiction,
  targetStationOf,
  type JurisdictionUnit,
} from '../../../../common/domain/orders/jurisdiction';

/** What the confirm names: 「海塘村属第二联勤站，确定派往第一联勤站？」 */
export interface OutsideJurisdiction {
  place: string;
  owner: string;
  target: string;
}

/**
 * The names for the warning when `handler` is outside the order's jurisdiction (the hub's rule,
 * common/domain/orders/jurisdiction.ts), else null. Departments are never outside.
 */
export function outsideJurisdiction(
  order: Pick<OrderDetail, 'jurisdiction' | 'workstationName'>,
  handler: HandlerRef,
  unit: (id: string) => JurisdictionUnit | undefined,
): OutsideJurisdiction | null {
  const owner = order.jurisdiction;
  const target = targetStationOf(handler, unit);
  if (!owner?.stationName || !isOutsideJurisdiction(owner, target)) return null;
  const handlerUnit = unit(handler.id);
  return {
    place: order.workstationName ?? owner.gridName,
    owner: owner.stationName,
    target: handlerUnit?.name ?? handler.id,
  };
}
