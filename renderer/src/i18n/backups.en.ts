import type { backupsMessagesZh } from './backups.zh';

/** Backups (administrators) — English; spread into en.ts. */
export const backupsMessagesEn: typeof backupsMessagesZh = {
  backups: {
    title: 'Backups',
    runNow: 'Back up now',
    done: 'Backed up: {{name}}',
    refresh: 'Refresh',
    status: {
      lastSuccess: 'Last success',
      nextRun: 'Next scheduled backup',
      schedule: 'Schedule',
      scheduleDaily:
        'Daily at {{time}} (Beijing time), keeping {{daily}} daily, {{weekly}} weekly and {{monthly}} monthly backups',
      scheduleOff: 'No scheduled backups',
      none: 'None yet',
      running: 'Backing up…',
      folder: 'Backups folder',
    },
    failure: 'Backup failed at {{at}}: {{reason}}',
    failureOld: 'Last failure: {{at}}, {{reason}} (a backup has succeeded since)',
    column: {
      at: 'Made at',
      kind: 'Kind',
      size: 'Size',
      verified: 'Integrity check',
      restore: 'Restore',
    },
    kind: {
      daily: 'Daily',
      weekly: 'Weekly',
      monthly: 'Monthly',
      'pre-upgrade': 'Before upgrade',
      'pre-restore': 'Before a restore',
    },
    verifiedAt: 'Passed ({{at}})',
    unverified: 'Not checked',
    verify: 'Check again',
    verifiedOk: 'Backup {{name}} passed its check',
    empty: 'No backups yet',
    health: {
      title: 'Hub health',
      notWritable: 'The database takes no writes',
      version: 'Version',
      uptime: 'Running for',
      uptimeValue: '{{hours}} h {{minutes}} min',
      database: 'Database',
      fault: {
        full: 'disk full',
        readonly: 'data folder read-only',
        io: 'disk I/O error',
        corrupt: 'database file damaged',
      },
      notWritableBecause: 'The database takes no writes ({{cause}})',
      writable: 'Writable',
      diskFree: 'Free disk of the data folder',
      backupsDiskFree: 'Free disk of the backups folder',
      low: 'low',
      lowDiskData:
        "The data folder's disk is low on space: once it is full the hub cannot save anything. Free space or add disk soon.",
      lowDiskBackups:
        "The backups folder's disk is low on space: once it is full backups fail. Free space or add disk soon.",
      unknown: 'Unknown',
      sweeps: 'Periodic checks last ran',
      never: 'Not yet',
      gateway: 'Camera ingests',
      gatewayValue: '{{live}} live, {{connecting}} connecting, {{offline}} offline',
      consoles: 'Console windows connected',
      probe: 'A monitoring program may read GET /healthz without signing in (no paths, no user details).',
    },
    restoreTitle: 'How to restore',
    restoreHelp:
      'Press “Restore this backup” on a backup: the hub first backs up the current database as a “before a restore” backup (restore that one to undo), then puts the chosen backup in place; every console then signs in again. Everything entered after the backup was made (orders, duty log entries, audit rows …) is no longer in the database; the replaced database is kept, renamed, in the data folder, never deleted. If the restore fails the hub stays on its database. With the hub stopped, the restore command in the table does the same on the hub’s computer. The key file hub.key is not in the backup: keep it separately.',
    restore: {
      open: 'Restore this backup',
      title: 'Restore backup {{name}}',
      ok: 'Restore',
      warning: 'A restore discards what was written after the backup was made, and every console signs in again.',
      at: 'Backup made at',
      lost: {
        ordersCreated: 'New orders lost',
        ordersChanged: 'Orders set back to their state at the backup',
        dutyLogEntries: 'Duty log entries lost',
        auditRows: 'Audit rows lost',
      },
      schema: 'Database version',
      upgrade: 'The backup is version {{from}}; it is upgraded to {{to}} after the restore',
      after:
        'Before the restore the hub backs up the current database as a “before a restore” backup; the replaced database file is kept in the data folder too. Attachments are not deleted.',
      typeToConfirm: 'Type the backup’s name {{name}} or “{{word}}” to confirm.',
    },
  },
};
