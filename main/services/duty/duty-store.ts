import type { Db } from '../../db/connection';
import { AttachmentsRepo } from '../attachments/attachments-repo';
import { cameraRefs, type CameraRef } from '../cameras/camera-refs';
import { openOrdersOverview, type OpenOrdersOverview } from '../orders/order-handover';
import { orderRefs, type OrderRef } from '../orders/order-refs';
import { UsersRepo } from '../users/users-repo';
import { ChecklistRepo } from './checklist-repo';
import { DutyLogRepo } from './duty-log-repo';
import { HandoverRepo } from './handover-repo';
import { LedgerRepo } from './ledger-repo';
import { RosterRepo } from './roster-repo';
import { SealRepo } from './seal-repo';

/**
 * The duty domain's repositories, built once per database (main/hub-services.ts) and handed to
 * its services and to the functions of handover, summary, sealing and checking (their statements
 * are prepared once and kept), with the reads of other domains they need: attachments (hashed into
 * a seal), the people on the roster and at a handover, the orders and cameras a log entry links
 * (orders/order-refs.ts, cameras/camera-refs.ts) and the open orders a handover summary counts
 * (orders/order-handover.ts).
 */
export interface DutyStore {
  log: DutyLogRepo;
  handovers: HandoverRepo;
  roster: RosterRepo;
  seals: SealRepo;
  ledger: LedgerRepo;
  checklists: ChecklistRepo;
  attachments: AttachmentsRepo;
  users: UsersRepo;
  /** The code and title of each existing order among `ids` (no visibility check: see order-refs.ts). */
  orderRefs: (ids: readonly number[]) => Map<number, OrderRef>;
  /** The name of each existing camera among `ids`. */
  cameraRefs: (ids: readonly string[]) => Map<string, CameraRef>;
  /** The unfinished orders of the center (station null) or of a station at `now`, each list at most `max`. */
  openOrders: (stationId: string | null, now: number, max: number) => OpenOrdersOverview;
}

export function dutyStore(db: Db): DutyStore {
  return {
    log: new DutyLogRepo(db),
    handovers: new HandoverRepo(db),
    roster: new RosterRepo(db),
    seals: new SealRepo(db),
    ledger: new LedgerRepo(db),
    checklists: new ChecklistRepo(db),
    attachments: new AttachmentsRepo(db),
    users: new UsersRepo(db),
    orderRefs: (ids) => orderRefs(db, ids),
    cameraRefs: (ids) => cameraRefs(db, ids),
    openOrders: (stationId, now, max) => openOrdersOverview(db, stationId, now, max),
  };
}
