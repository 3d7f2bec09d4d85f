import type { CameraLookup } from '../../../common/domain/wall';
import type { Clock } from '../../clock';
import type { Db } from '../../db/connection';
import type { CamerasService } from '../cameras/cameras-service';
import { WallAlarms } from './wall-alarms';
import { WallRepo } from './wall-repo';
import { WallTours } from './wall-tours';
import { WallViews } from './wall-views';
import { WallWindows } from './wall-windows';

export { WallRepo } from './wall-repo';
export { WallTours, type WallTourSave } from './wall-tours';
export { WallViews, type WallViewSave } from './wall-views';
export { WallWindows, type WallWindowEntry } from './wall-windows';
export { WallAlarms, type NewAlarm, type PendingAlarm } from './wall-alarms';
export {
  WallAlarmRouter,
  type AlarmCause,
  type IncidentAlarm,
  type WallAlarmRouterDeps,
  type WallIncident,
} from './wall-alarm-router';
export type { WallUser } from './wall-items';

export interface WallServices {
  views: WallViews;
  tours: WallTours;
  windows: WallWindows;
  /** Alarms pushed to alarm windows and not yet acknowledged. */
  alarms: WallAlarms;
  /** Saved views and tours' storage (an incident plan's preset view is read from it). */
  repo: WallRepo;
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
    alarms: new WallAlarms(db),
    repo,
    cameras,
    clock,
  };
}
