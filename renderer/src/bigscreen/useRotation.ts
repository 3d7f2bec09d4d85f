import { useState } from 'react';
import { bigScreenPanels, panelAt, rotationFor, type BigScreenPanel, type Rotation } from './rotation';

/**
 * The panel to show at `now` (the page's ticking clock): the rotation starts over when the panels
 * change — an incident starting puts its panel first at once.
 */
export function useRotation(
  incidentActive: boolean,
  now: number,
  dwellMs: number,
): { panels: BigScreenPanel[]; panel: BigScreenPanel } {
  const panels = bigScreenPanels(incidentActive);
  const [rotation, setRotation] = useState<Rotation>(() => rotationFor(null, panels, now));
  const next = rotationFor(rotation, panels, now);
  // A new list of panels: adjusted while rendering (React's pattern for state derived from props).
  if (next !== rotation) setRotation(next);
  return { panels, panel: panelAt(panels, next, now, dwellMs) };
}
