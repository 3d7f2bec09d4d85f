import { apiError } from '../../../common/contract';

/** The place fields of a new order, whichever path files it (console, snapshot, Open311). */
export interface OrderPlace {
  workstationId: string | null;
  address: string;
  lat: number | null;
  lng: number | null;
}

const ZH = '请填写问题位置：村居工作站、地图点位或地址至少一项';
const EN = 'Give the place: a village/residential workstation, a map point or an address';

/**
 * An order must say where: a workstation, a map point (both coordinates) or an
 * address — a 特急 order with none cannot be dispatched to anyone's area. The error names the
 * workstation field, where the intake form shows it.
 */
export function requirePlace(place: OrderPlace): void {
  const point = place.lat !== null && place.lng !== null;
  if (place.workstationId !== null || point || place.address.trim() !== '') return;
  throw apiError('E_INVALID', ZH, EN, {
    field: 'workstationId',
    issues: [{ field: 'workstationId', message: EN, zh: ZH }],
  });
}
