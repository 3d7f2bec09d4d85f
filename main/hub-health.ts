import fs from 'node:fs';
import type { HubHealth } from '../common/contract/health';
import type { EventBus } from './api/event-bus';
import type { Clock } from './clock';
import type { Db } from './db/connection';
import type { HubSweeps } from './hub-sweeps';
import type { CameraGateway } from './media/gateway';
import { APP_VERSION } from './version';

export interface HealthDeps {
  db: Db;
  dataDir: string;
  clock: Clock;
  gateway: CameraGateway;
  bus: EventBus;
}

/** The hub's health (GET /healthz and admin.health): counts, flags and times, never a path or a name. */
export class HubHealthProbe {
  private readonly startedAt: number;
  private readonly lastRun: Partial<Record<keyof HubSweeps, number>> = {};

  constructor(private readonly deps: HealthDeps) {
    this.startedAt = deps.clock();
  }

  /** A sweep's timer ran it (hub-sweeps.ts). */
  sweepRan(name: keyof HubSweeps): void {
    this.lastRun[name] = this.deps.clock();
  }

  read(): HubHealth {
    const writable = this.writable();
    const sweeps: Record<string, number | null> = {};
    for (const name of SWEEP_NAMES) sweeps[name] = this.lastRun[name] ?? null;
    return {
      ok: writable,
      version: APP_VERSION,
      uptimeSeconds: Math.max(0, Math.floor((this.deps.clock() - this.startedAt) / 1000)),
      database: { writable },
      disk: { freeBytes: this.freeBytes() },
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

  private freeBytes(): number | null {
    try {
      const s = fs.statfsSync(this.deps.dataDir);
      return s.bavail * s.bsize;
    } catch {
      return null;
    }
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
];
