import type { WallLayoutId } from '../../../../common/domain/wall/layouts';
import { showCells } from '../store';
import { stopTour, useTourStore } from '../tours/tourStore';

/** Puts a saved view on this wall; a whole-wall tour would overwrite it at its next step, so it stops. */
export function showView(view: { layout: WallLayoutId; slots: readonly (string | null)[] }): void {
  if (useTourStore.getState().run?.tour.mode === 'wall') stopTour();
  showCells(view.layout, view.slots);
}
