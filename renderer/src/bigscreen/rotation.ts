/**
 * The big screen's panels and their rotation: pure, on an injected clock, so the rule is tested
 * without a browser and the page only asks "which panel now?" on each tick.
 */

export const BIGSCREEN_PANELS = ['incident', 'situation', 'kpis', 'trends', 'domains'] as const;
export type BigScreenPanel = (typeof BIGSCREEN_PANELS)[number];

/** The panels to rotate through: the incident first while one is active, else the room's four. */
export function bigScreenPanels(incidentActive: boolean): BigScreenPanel[] {
  return BIGSCREEN_PANELS.filter((p) => p !== 'incident' || incidentActive);
}

/** Where the rotation started, and for which list of panels. */
export interface Rotation {
  key: string;
  startedAt: number;
}

/**
 * The rotation for `panels` at `now`: the same one while the list is unchanged; a new list (an
 * incident starting or ending) starts over at its first panel — the incident, when one starts.
 */
export function rotationFor(previous: Rotation | null, panels: readonly BigScreenPanel[], now: number): Rotation {
  const key = panels.join(',');
  return previous?.key === key ? previous : { key, startedAt: now };
}

/** The panel shown at `now`: one per dwell, in order, round and round. */
export function panelAt(
  panels: readonly BigScreenPanel[],
  rotation: Rotation,
  now: number,
  dwellMs: number,
): BigScreenPanel {
  if (panels.length === 0) return 'situation';
  const steps = Math.floor(Math.max(0, now - rotation.startedAt) / Math.max(1, dwellMs));
  return panels[steps % panels.length] ?? 'situation';
}
