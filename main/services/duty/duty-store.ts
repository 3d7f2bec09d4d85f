import type { Db } from '../../db/connection';
import { AttachmentsRepo } from '../attachments/attachments-repo';
import { openOrdersOverview, type OpenOrdersOverview } from '../orders/order-handover';
import { DutyLogRepo } from './duty-log-repo';
import { HandoverRepo } from './handover-repo';
import { LedgerRepo } from './ledger-repo';
import { RosterRepo } from './roster-repo';
import { SealRepo } from './seal-repo';

/**
 * The duty domain's repositories, built once per database and handed to the functions of
 * handover, summary, sealing and checking (their statements are prepared once and kept), with
 * the reads of other domains they need: attachments (hashed into a seal) and the open orders a
 * handover summary counts (orders/order-handover.ts).
 */
export interface DutyStore {
  log: DutyLogRepo;
  handovers: HandoverRepo;
  roster: RosterRepo;
  seals: SealRepo;
  ledger: LedgerRepo;
  attachments: AttachmentsRepo;
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
    attachments: new AttachmentsRepo(db),
    openOrders: (stationId, now, max) => openOrdersOverview(db, stationId, now, max),
  };
}
