import { useMemo } from 'react';
import type { IncidentSummary } from '../../../../common/contract';
import type { ResponseLevel } from '../../../../common/domain/orders/states';
import { useCurrentIncidents } from '../../incidents/data';

export interface IncidentIntake {
  /** 联动响应 while any incident (or drill) runs, else the everyday 巡查响应. */
  responseLevel: ResponseLevel;
  /** The real incident the hub links new orders to, if one is running. */
  linkTo: IncidentSummary | null;
  /** Only drills are running: the default changes, nothing is linked. */
  drillOnly: boolean;
}

/** What incident mode changes in the intake form. */
export function useIncidentIntake(): IncidentIntake {
  const current = useCurrentIncidents();
  return useMemo(() => {
    const incidents = current.data?.incidents ?? [];
    const linkTo = incidents.find((i) => !i.drill) ?? null;
    return {
      responseLevel: incidents.length > 0 ? 'linkage' : 'patrol',
      linkTo,
      drillOnly: incidents.length > 0 && linkTo === null,
    };
  }, [current.data]);
}
