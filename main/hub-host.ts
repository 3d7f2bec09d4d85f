import { apiError, type ApiResult, type HubHealth } from '../common/contract';
import type { Connection } from './api/connection';
import type { Hub, HubOptions } from './hub';
import { performRestore, type RestoreHost, type RestorePlan, type Restorer } from './hub-restore';
import type { MediaRequest } from './media/media-routes';

/** Opens one hub on the data folder's database (main/hub.ts openHubInstance). */
export type OpenHubInstance = (options: HubOptions, restorer: Restorer) => Promise<Hub>;

/** How long a restore waits for the calls already running to end before it gives up (nothing changed then). */
const DRAIN_MS = 30_000;

interface Attached {
  conn: Connection;
  /** Its detach from the hub in use; null while it is on none (during a restore). */
  detach: (() => void) | null;
}

const RESTORING = () =>
  apiError('E_CONFLICT', '正在从备份恢复数据，请稍候', 'The hub is restoring a backup; wait a moment', {
    restore: 'in-progress',
  }).toBody();

const DOWN = () =>
  apiError(
    'E_STORAGE',
    '恢复失败且原数据库无法重新打开，请重启中枢（详见中枢输出）',
    "A restore failed and the old database could not be opened again: restart the hub (see the hub's output)",
    { cause: 'io' },
  ).toBody();

/**
 * The hub the shells hold: every property and call goes to the hub in use, which a restore from the console
 * replaces by one opened on the restored database (main/hub-restore.ts). It holds the consoles' connections so
 * they move to that hub, counts the calls in flight so a restore starts when they have ended, and refuses
 * calls while one runs — the old hub's state (sweeps, media, subscriptions) goes with it, none is carried over.
 */
class HubHost implements Hub, RestoreHost {
  current!: Hub;
  private state: 'open' | 'restoring' | 'down' = 'open';
  private pending: RestorePlan | null = null;
  private readonly attached = new Set<Attached>();
  private inFlight = 0;
  private drained: (() => void) | null = null;
  private lastHealth: HubHealth | null = null;
  readonly restorer: Restorer = {
    busy: () => this.state !== 'open' || this.pending !== null,
    request: (plan) => {
      this.pending = plan;
    },
  };

  constructor(
    readonly options: HubOptions,
    private readonly openInstance: OpenHubInstance,
  ) {}

  open(): Promise<Hub> {
    return this.openInstance(this.options, this.restorer);
  }

  get db() {
    return this.current.db;
  }
  get router() {
    return this.current.router;
  }
  get bus() {
    return this.current.bus;
  }
  get bootstrap() {
    return this.current.bootstrap;
  }
  get dataDir() {
    return this.current.dataDir;
  }
  get services() {
    return this.current.services;
  }
  get keys() {
    return this.current.keys;
  }
  get wallAlarms() {
    return this.current.wallAlarms;
  }
  get backups() {
    return this.current.backups;
  }
  get reports() {
    return this.current.reports;
  }
  get gateway() {
    return this.current.gateway;
  }
  sweepAlerts = () => this.current.sweepAlerts();
  sweepDuty = () => this.current.sweepDuty();
  sweepIncidents = () => this.current.sweepIncidents();
  sweepWallAlarms = () => this.current.sweepWallAlarms();
  sweepBackups = () => this.current.sweepBackups();
  sweepDisk = () => this.current.sweepDisk();
  sweepReports = () => this.current.sweepReports();
  routeMedia = (request: MediaRequest) => this.current.routeMedia(request);

  health = (): HubHealth => {
    if (this.state === 'open' && this.current.health) return (this.lastHealth = this.current.health());
    if (!this.lastHealth) throw new Error('the hub is not open');
    return { ...this.lastHealth, ok: false, database: { writable: false } };
  };

  async call(conn: Connection, method: string, input: unknown): Promise<ApiResult<unknown>> {
    if (this.state === 'restoring') return { ok: false, error: RESTORING() };
    if (this.state === 'down') return { ok: false, error: DOWN() };
    this.inFlight += 1;
    let result: ApiResult<unknown>;
    try {
      result = await this.current.call(conn, method, input);
    } finally {
      this.inFlight -= 1;
      if (this.inFlight === 0) this.drained?.();
    }
    const plan = this.pending;
    if (!plan || plan.connId !== conn.id || method !== 'admin.backups.restore' || !result.ok) return result;
    this.pending = null;
    return this.restore(plan);
  }

  private async restore(plan: RestorePlan): Promise<ApiResult<unknown>> {
    this.state = 'restoring';
    this.lastHealth = this.current.health?.() ?? null;
    try {
      const result = await performRestore(plan, this);
      this.state = 'open';
      return result;
    } catch (err) {
      // Even the old database could not be opened again: nothing answers until the hub is restarted.
      console.error('[restore] the hub could not be opened again after a failed restore:', err);
      this.state = 'down';
      return { ok: false, error: DOWN() };
    }
  }

  callsDrained(): Promise<boolean> {
    if (this.inFlight === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.drained = null;
        resolve(false);
      }, DRAIN_MS);
      this.drained = () => {
        clearTimeout(timer);
        this.drained = null;
        resolve(true);
      };
    });
  }

  attach(conn: Connection): () => void {
    const entry: Attached = { conn, detach: this.state === 'open' ? this.current.attach(conn) : null };
    this.attached.add(entry);
    return () => {
      this.attached.delete(entry);
      entry.detach?.();
      entry.detach = null;
    };
  }

  detachAll(): void {
    for (const entry of this.attached) {
      entry.detach?.();
      entry.detach = null;
    }
  }

  attachAll(hub: Hub, signedOut: boolean): void {
    for (const entry of this.attached) {
      const { conn } = entry;
      const wasSignedIn = conn.token !== null;
      // Back on the same database (a restore undone) a session is still live there: the bus learns whose.
      if (signedOut) conn.token = null;
      entry.detach = hub.attach(conn);
      if (signedOut && wasSignedIn) conn.push('session.ended', { reason: 'restored' });
    }
  }

  close(): void {
    if (this.state !== 'down') this.current.close();
  }
}

/** The hub the shells use: `open` makes the hub in use, and again after a restore from the console. */
export async function hostHub(options: HubOptions, open: OpenHubInstance): Promise<Hub> {
  const host = new HubHost(options, open);
  host.current = await host.open();
  return host;
}
