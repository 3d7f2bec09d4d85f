import path from 'node:path';
import { apiError, ApiError, type ApiResult, type RestoreResult } from '../common/contract';
import type { Hub, HubOptions } from './hub';
import { backupWords } from './services/audit/notes-ops';
import { SessionsRepo } from './services/auth/sessions-repo';
import { putBackupInPlace, undoRestore } from './services/backups/restore';

/** A restore an administrator confirmed (admin.backups.restore), handed from the router to the host. */
export interface RestorePlan {
  /** The backup's name and path in the backups folder (checked by the handler). */
  name: string;
  file: string;
  at: number;
  schemaVersion: number;
  /** The hub's time at the request: the pre-restore backup's name (`…-pre-restore.sqlite`). */
  requestedAt: number;
  preRestore: string;
  actor: { id: number; name: string };
  /** The connection whose call asked for it: it hears the outcome. */
  connId: string;
}

/** The hub's side of a console restore (the handlers see only this). */
export interface Restorer {
  /** A restore is under way (a second one is refused). */
  busy(): boolean;
  /** Runs `plan` once the call that asked for it has answered in the router (hub-host.ts). */
  request(plan: RestorePlan): void;
}

/** What the restore needs of the host: the hub now in use, its connections, and opening a hub on the folder. */
export interface RestoreHost {
  readonly options: HubOptions;
  current: Hub;
  /** Resolves once no other call is in flight; false when some still are after the wait. */
  callsDrained(): Promise<boolean>;
  /** Takes every console's connection off the hub (before it closes). */
  detachAll(): void;
  /** Puts every console's connection on `hub`; `signedOut`: each is told its session ended (restored). */
  attachAll(hub: Hub, signedOut: boolean): void;
  open(): Promise<Hub>;
}

const log = (line: string) => console.log(`[restore] ${line}`);

/** The answer of a restore that did not happen; `what` is the stable detail (`details.restore`). */
function refused(err: unknown, what: string): ApiResult<never> {
  const reason = err instanceof ApiError ? err.bilingual : { zh: String(err), en: String(err) };
  return {
    ok: false,
    error: apiError(
      'E_CONFLICT',
      `恢复未完成（${reason.zh}），中枢仍在使用原数据库，未做任何更改。`,
      `The restore did not happen (${reason.en}); the hub is still on its database, unchanged.`,
      { restore: what },
    ).toBody(),
  };
}

/** One audit row written by the host itself (no call is in progress): the restore's outcome, in `hub`'s database. */
function auditOutcome(hub: Hub, plan: RestorePlan, ok: boolean, errorCode: string | null): void {
  const words = ok
    ? backupWords('backup.restored', plan.name, plan.preRestore)
    : backupWords('backup.restoreFailed', plan.name, plan.preRestore);
  hub.services.audit.append({
    at: hub.services.clock(),
    actorId: plan.actor.id,
    actorName: plan.actor.name,
    method: 'admin.backups.restore',
    target: `backup:${plan.name}`,
    summary: words.summary,
    detail: words.detail,
    ok,
    errorCode,
  });
}

/** On the restored database: no session from the time of the backup comes back, and the restore is on record. */
function settle(hub: Hub, plan: RestorePlan): void {
  new SessionsRepo(hub.db).endAll(hub.services.clock(), 'restored');
  auditOutcome(hub, plan, true, null);
}

/**
 * The console's restore (README, "Backup and restore"), with the hub's calls held off by the host: the
 * database as it is now backed up (`…-pre-restore.sqlite`); the hub closed; the backup put in place by
 * restore.ts (the replaced file kept aside); a hub opened on it (an older schema upgraded as at any start);
 * every session ended. Any failure before the new hub is in use puts the old database back and opens the hub
 * on it again: the folder and the hub end on the old database or on the backup, never between.
 */
export async function performRestore(plan: RestorePlan, host: RestoreHost): Promise<ApiResult<RestoreResult>> {
  if (!(await host.callsDrained())) {
    return refused(apiError('E_CONFLICT', '其他操作仍在进行', 'other calls are still running'), 'busy');
  }
  try {
    await host.current.backups.backUpBeforeRestore(plan.requestedAt);
  } catch (err) {
    auditOutcome(host.current, plan, false, 'E_CONFLICT');
    return refused(err, 'pre-restore-backup');
  }
  const old = host.current;
  host.detachAll();
  old.close();
  await old.gateway.close();
  const { dataDir } = host.options;
  let keptAside: string[] = [];
  try {
    keptAside = putBackupInPlace(plan.file, dataDir, plan.requestedAt).keptAside;
    const next = await host.open();
    try {
      settle(next, plan);
    } catch (err) {
      next.close();
      throw err;
    }
    host.current = next;
    host.attachAll(next, true);
    log(`已从 ${plan.name} 恢复 / restored ${plan.name}; 原数据库 / the replaced file: ${keptAside.join(', ')}`);
    const { name, at, schemaVersion, preRestore } = plan;
    return { ok: true, value: { name, at, schemaVersion, preRestore } };
  } catch (err) {
    console.error(`[restore] ${plan.name} failed; putting the old database back:`, err);
    undoRestore(dataDir, keptAside);
    return rollBack(plan, host, err);
  }
}

/** After a failed swap: the hub opened again on its old database (put back), its consoles still signed in. */
async function rollBack(plan: RestorePlan, host: RestoreHost, cause: unknown): Promise<ApiResult<RestoreResult>> {
  const reopened = await host.open();
  host.current = reopened;
  host.attachAll(reopened, false);
  auditOutcome(reopened, plan, false, 'E_CONFLICT');
  log(`回到原数据库 / back on the old database in ${path.join(host.options.dataDir)}`);
  return refused(cause, 'failed');
}
