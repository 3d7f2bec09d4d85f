import { backupWords } from '../../services/audit/notes-ops';
import type { BackupService } from '../../services/backups/backup-service';
import type { Handler } from '../handler-types';

/** The administrators' 备份与恢复 page: the backups' state, "back up now" and a check of one backup. */
export function backupHandlers(backups: BackupService) {
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

  return { 'admin.backups.status': status, 'admin.backups.run': run, 'admin.backups.verify': verify };
}
