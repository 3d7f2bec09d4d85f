import type { CameraLookup } from '../../../common/domain/wall';
import type { Clock } from '../../clock';
import type { Db } from '../../db/connection';
import type { CamerasService } from '../cameras/cameras-service';
import { WallRepo } from './wall-repo';
import { WallTours } from './wall-tours';
import { WallViews } from './wall-views';
import { WallWindows } from './wall-windows';

export { WallRepo } from './wall-repo';
export { WallTours, type WallTourSave } from './wall-tours';
export { WallViews, type WallViewSave } from './wall-views';
export { WallWindows, type WallWindowEntry } from './wall-windows';
export type { WallUser } from './wall-items';

export interface WallServices {
  views: WallViews;
  tours: WallTours;
  windows: WallWindows;
  /** The registry, for what is pushed to a wall window. */
  cameras: CamerasService;
  clock: Clock;
}

/** Finds a camera in the registry, answering its id as the registry spells it. */
export function cameraLookup(cameras: CamerasService): CameraLookup {
  return (id) => cameras.repo.byId(id)?.id;
}

/** Everything the wall's API needs, over the hub's database and camera registry. */
export function createWallServices(db: Db, cameras: CamerasService, clock: Clock): WallServices {
  const repo = new WallRepo(db);
  const lookup = cameraLookup(cameras);
  return {
    views: new WallViews(repo, clock, lookup),
    tours: new WallTours(repo, clock, lookup),
    windows: new WallWindows(clock),
    cameras,
    clock,
  };
}
