/**
 * The digital-urban-management KPIs (issue 14), as pure functions over OrderFacts — the one
 * definition the overview, the dashboard and the reports share. Every ratio carries its numerator
 * and denominator and is null when the denominator is 0 (shown as "—").
 */
export * from './chief-breakdown';
export * from './chief-score';
export * from './cohorts';
export * from './day-parts';
export * from './deadline-kpis';
export * from './derive-facts';
export * from './handling-time';
export * from './order-facts';
export * from './ratio';
export * from './satisfaction';
export * from './volume-kpis';
export * from './kpi-format';
