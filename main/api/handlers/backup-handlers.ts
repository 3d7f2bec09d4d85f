import { apiError, RESTORE_CONFIRM_WORD } from '../../../common/contract';
import type { Clock } from '../../clock';
import type { Db } from '../../db/connection';
import { MIGRATIONS } from '../../db/migrations';
import type { Restorer } from '../../hub-restore';
import { backupWords } from '../../services/audit/notes-ops';
import { backupFileName, parseBackupName } from '../../services/backups/backup-names';
import type { BackupService } from '../../services/backups/backup-service';
import { checkedSchema } from '../../services/backups/restore';
import { restoreLosses } from '../../services/backups/restore-preview';
import type { Handler } from '../handler-types';

export interface BackupHandlerDeps {
  backups: BackupService;
  db: Db;
  clock: Clock;
  restorer: Restorer;
}

/** A backup in the folder, fit to restore: listed by name, intact (integrity_check), not newer than this code. */
function restorable(backups: BackupService, name: string) {
  const file = backups.fileOf(name);
  const schemaVersion = checkedSchema(file);
  // The contract's pattern is the file names' own: a listed name always parses.
  const at = parseBackupName(name)?.at ?? 0;
  return { file, schemaVersion, at };
}

/**
 * The administrators' 备份与恢复 page: the backups' state, "back up now", a check of one backup, and a
 * restore — what it would discard, then the restore itself, which the host performs once this call has answered
 * (main/hub-restore.ts).
 */
export function backupHandlers({ backups, db, clock, restorer }: BackupHandlerDeps) {
  const status: Handler<'admin.backups.status'> = () => backups.status();

  const run: Handler<'admin.backups.run'> = async (ctx) => {
    ctx.audit.target = 'backup';
    const entry = await backups.run();
    ctx.audit.target = `backup:${entry.name}`;
    Object.assign(ctx.audit, backupWords('backup.run', entry.name));
    return entry;
  };

  const verify: Handler<'admin.backups.verify'> = (ctx, { name }) => {
    ctx.audit.target = `backup:${name}`;
    Object.assign(ctx.audit, backupWords('backup.verify', name));
    return backups.verify(name);
  };

  const restorePreview: Handler<'admin.backups.restorePreview'> = (_ctx, { name }) => {
    const { file, schemaVersion, at } = restorable(backups, name);
    const currentSchemaVersion = MIGRATIONS.at(-1)?.version ?? 0;
    return { name, at, schemaVersion, currentSchemaVersion, lost: restoreLosses(db, file) };
  };

  const restore: Handler<'admin.backups.restore'> = (ctx, { name, confirm }) => {
    ctx.audit.target = `backup:${name}`;
    Object.assign(ctx.audit, backupWords('backup.restore', name));
    const session = ctx.requireSession();
    if (confirm.trim() !== name && confirm.trim() !== RESTORE_CONFIRM_WORD) {
      throw apiError(
        'E_INVALID',
        `请输入备份名称或“${RESTORE_CONFIRM_WORD}”以确认恢复`,
        `Type the backup's name or “${RESTORE_CONFIRM_WORD}” to confirm the restore`,
        { restore: 'confirm' },
      );
    }
    if (restorer.busy()) {
      throw apiError('E_CONFLICT', '正在恢复备份，请稍候', 'A restore is under way; wait for it', { restore: 'busy' });
    }
    const { file, schemaVersion, at } = restorable(backups, name);
    const requestedAt = clock();
    const preRestore = backupFileName(requestedAt, 'pre-restore');
    backups.checkCanStart(preRestore);
    const actor = { id: session.user.id, name: session.user.username };
    ctx.afterSuccess(() =>
      restorer.request({ name, file, at, schemaVersion, requestedAt, preRestore, actor, connId: ctx.conn.id }),
    );
    return { name, at, schemaVersion, preRestore };
  };

  return {
    'admin.backups.status': status,
    'admin.backups.run': run,
    'admin.backups.verify': verify,
    'admin.backups.restorePreview': restorePreview,
    'admin.backups.restore': restore,
  };
}
