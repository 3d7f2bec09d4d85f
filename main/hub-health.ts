import type { HubHealth } from '../common/contract/health';
import type { EventBus } from './api/event-bus';
import type { Clock } from './clock';
import type { Db } from './db/connection';
import { storageFaultLog, type StorageFault } from './db/storage-errors';
import type { RouterDeps } from './api/router';
import type { HubSweeps } from './hub-sweeps';
import type { DiskWatch } from './services/system/disk-space';
import type { CameraGateway } from './media/gateway';
import { APP_VERSION } from './version';

export interface HealthDeps {
  db: Db;
  /** The data and backups folders' disks (main/services/system/disk-space.ts). */
  disk: Pick<DiskWatch, 'status'>;
  clock: Clock;
  gateway: CameraGateway;
  bus: EventBus;
}

/** The hub's health (GET /healthz and admin.health): counts, flags and times, never a path or a name. */
export class HubHealthProbe {
  private readonly startedAt: number;
  private readonly lastRun: Partial<Record<keyof HubSweeps, number>> = {};
  /** The store refused the latest write (the router's storage fault), until a write is stored again. */
  private refused: StorageFault | null = null;

  constructor(private readonly deps: HealthDeps) {
    this.startedAt = deps.clock();
  }

  /** A sweep's timer ran it (hub-sweeps.ts). */
  sweepRan(name: keyof HubSweeps): void {
    this.lastRun[name] = this.deps.clock();
  }

  /** The store refused a write (router.ts onStorageFault). */
  storageFault(fault: StorageFault): void {
    this.refused = fault;
  }

  /** A write was stored: the store takes writes again. */
  writeStored(): void {
    this.refused = null;
  }

  read(): HubHealth {
    const fault = this.refused ?? undefined;
    const writable = fault === undefined && this.writable();
    const sweeps: Record<string, number | null> = {};
    for (const name of SWEEP_NAMES) sweeps[name] = this.lastRun[name] ?? null;
    return {
      ok: writable,
      version: APP_VERSION,
      uptimeSeconds: Math.max(0, Math.floor((this.deps.clock() - this.startedAt) / 1000)),
      database: { writable, ...(fault ? { fault } : {}) },
      disk: this.disk(),
      sweeps,
      mediaGateway: this.deps.gateway.summary(),
      consoles: this.deps.bus.attachedCount,
    };
  }

  /** Takes the write lock and lets it go: fails on a read-only or closed database, writes nothing. */
  private writable(): boolean {
    const { db } = this.deps;
    if (!db.open) return false;
    try {
      db.exec('BEGIN IMMEDIATE');
      db.exec('ROLLBACK');
      return true;
    } catch {
      if (db.inTransaction) db.exec('ROLLBACK');
      return false;
    }
  }

  /** Free bytes and the low-disk flag of each folder's disk (no paths: /healthz answers without a session). */
  private disk(): HubHealth['disk'] {
    const folders = this.deps.disk.status();
    const data = folders.find((f) => f.folder === 'data');
    const backups = folders.find((f) => f.folder === 'backups');
    return {
      freeBytes: data?.reading?.freeBytes ?? null,
      low: data?.low ?? false,
      backupsFreeBytes: backups?.reading?.freeBytes ?? null,
      backupsLow: backups?.low ?? false,
    };
  }
}

export const SWEEP_NAMES: readonly (keyof HubSweeps)[] = [
  'sweepAlerts',
  'sweepDuty',
  'sweepIncidents',
  'sweepWallAlarms',
  'sweepViews',
  'sweepBackups',
  'sweepReports',
  'sweepClock',
  'sweepDisk',
];

/** The router's store hooks: the hub's output says each fault (at most once a minute), and the health follows the writes. */
export function storeHooks(
  health: HubHealthProbe,
  log = storageFaultLog(),
): Pick<RouterDeps, 'onStorageFault' | 'onWriteStored'> {
  return {
    onStorageFault: (method, fault, err) => {
      log(method, fault, err);
      health.storageFault(fault);
    },
    onWriteStored: () => health.writeStored(),
  };
}
