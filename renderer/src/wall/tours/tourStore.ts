import { create } from 'zustand';
import type { WallTour } from '../../../../common/contract';
import type { WallTourContent } from '../../../../common/domain/wall/tours';
import { useWallStore } from '../store';

/** A tour running on this window's wall: which step it shows, and whether it waits. */
export interface TourRun {
  tourId: number;
  tour: WallTourContent;
  /** The tile of a 'tile' tour; null for a 'wall' tour. */
  slot: number | null;
  step: number;
  paused: boolean;
}

export const useTourStore = create<{ run: TourRun | null }>(() => ({ run: null }));

export function startTour(tourId: number, tour: WallTourContent, slot: number | null): void {
  useTourStore.setState({ run: { tourId, tour, slot: tour.mode === 'tile' ? slot : null, step: 0, paused: false } });
}

export function stopTour(): void {
  useTourStore.setState({ run: null });
}

export function setTourPaused(paused: boolean): void {
  useTourStore.setState((s) => (s.run ? { run: { ...s.run, paused } } : s));
}

/** One step on (or back, with -1); the dwell starts again from the new step. */
export function stepTour(delta: number): void {
  useTourStore.setState((s) => (s.run ? { run: { ...s.run, step: s.run.step + delta } } : s));
}

/** Starts a saved tour on this wall: a 'tile' tour on the selected tile. */
export function runTour(tour: WallTour): void {
  const { id, name, mode, layout, cameras, dwellSeconds } = tour;
  startTour(id, { name, mode, layout, cameras, dwellSeconds }, useWallStore.getState().selected);
}
