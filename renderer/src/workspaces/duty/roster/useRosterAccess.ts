import { useMemo } from 'react';
import type { OrgUnit } from '../../../../../common/contract';
import { useApiQuery } from '../../../api';
import { useUser } from '../../../stores/session';

export interface RosterAccess {
  /** The units whose roster the user may see: center users all of them, station users their own. */
  units: OrgUnit[];
  /** The user's own org unit (undefined while the reference data loads). */
  home: OrgUnit | undefined;
  loading: boolean;
  /** Duty chiefs of the center edit the center's roster, station chiefs their own station's. */
  canEditRoster: (unitId: string) => boolean;
  /** The pattern also by administrators, of any unit. */
  canEditPattern: (unitId: string) => boolean;
}

/**
 * The same rules the hub enforces (main/api/handlers/duty-roster-handlers.ts), used only to decide
 * what to show: the hub refuses anything else whatever the UI offers.
 */
export function useRosterAccess(): RosterAccess {
  const user = useUser();
  const units = useApiQuery('org.units.list', {}, { staleTime: 10 * 60_000 });
  return useMemo(() => {
    const all = (units.data ?? []).filter((u) => u.kind === 'center' || u.kind === 'station');
    const home = units.data?.find((u) => u.id === user.orgUnitId);
    const seesAll = user.roles.includes('admin') || home?.kind === 'center';
    const visible = all
      .filter((u) => seesAll || u.id === user.orgUnitId)
      .sort((a, b) => (a.kind === b.kind ? a.sort - b.sort || a.id.localeCompare(b.id) : a.kind === 'center' ? -1 : 1));
    const canEditRoster = (unitId: string): boolean => {
      const unit = all.find((u) => u.id === unitId);
      if (!unit || !home) return false;
      if (unit.kind === 'center') return user.roles.includes('duty_chief') && home.kind === 'center';
      return user.roles.includes('station_chief') && home.id === unit.id;
    };
    return {
      units: visible,
      home,
      loading: units.isPending,
      canEditRoster,
      canEditPattern: (unitId) => user.roles.includes('admin') || canEditRoster(unitId),
    };
  }, [units.data, units.isPending, user.orgUnitId, user.roles]);
}
