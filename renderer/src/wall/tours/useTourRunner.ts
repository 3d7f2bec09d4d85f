import { useEffect } from 'react';
import { tourPage, tourStepCount } from '../../../../common/domain/wall/tours';
import { LAYOUTS } from '../layouts';
import { place, showCells, useWallStore } from '../store';
import { useTourStore, stepTour, type TourRun } from './tourStore';

/**
 * Shows a step of a tour. 'wall': the step's page of cameras on the tour's layout. 'tile': the
 * step's camera on the tour's tile; a camera already showing on another tile is passed over (it
 * would otherwise swap places with the tour's picture), up to a full round.
 */
function show(run: TourRun): void {
  const { tour } = run;
  if (tour.mode === 'wall') {
    const layoutId = tour.layout ?? useWallStore.getState().layoutId;
    showCells(layoutId, tourPage(tour, run.step, LAYOUTS[layoutId].slots.length));
    return;
  }
  if (run.slot === null) return;
  const { cells } = useWallStore.getState();
  const steps = tourStepCount(tour, 1);
  for (let i = 0; i < steps; i += 1) {
    const camera = tourPage(tour, run.step + i, 1)[0];
    if (camera === undefined) return;
    const at = cells.indexOf(camera);
    if (at === -1 || at === run.slot) {
      place(run.slot, camera, { select: false });
      return;
    }
  }
}

/**
 * Runs this window's tour: shows each step, then waits its dwell time and steps on (forever, until
 * stopped). Pausing holds the current step; resuming gives it a full dwell again.
 */
export function useTourRunner(): void {
  const run = useTourStore((s) => s.run);
  const showing = run ? `${run.tourId}:${run.step}:${run.slot ?? ''}` : '';

  useEffect(() => {
    const current = useTourStore.getState().run;
    if (current) show(current);
  }, [showing]);

  useEffect(() => {
    if (!run || run.paused) return;
    const timer = setTimeout(() => {
      stepTour(1);
    }, run.tour.dwellSeconds * 1000);
    return () => {
      clearTimeout(timer);
    };
  }, [run]);
}
