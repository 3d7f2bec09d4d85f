import type { MethodOutput } from '../../../../common/contract';

export type OrderAlert = MethodOutput<'orders.alerts.list'>[number];
export type AlertKind = OrderAlert['kind'];

const SEVERITY: Record<AlertKind, number> = { yellow: 1, red: 2, critical: 3 };

/** The most serious kind among the alerts, or null when there are none. */
export function worstKind(alerts: readonly OrderAlert[]): AlertKind | null {
  let worst: AlertKind | null = null;
  for (const a of alerts) if (worst === null || SEVERITY[a.kind] > SEVERITY[worst]) worst = a.kind;
  return worst;
}

/** Red and 特急 alerts sound again until someone acknowledges them. */
export function repeats(kind: AlertKind): boolean {
  return kind !== 'yellow';
}
