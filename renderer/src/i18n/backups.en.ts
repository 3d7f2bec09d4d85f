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
      restore: 'Restore command',
    },
    kind: {
      daily: 'Daily',
      weekly: 'Weekly',
      monthly: 'Monthly',
      'pre-upgrade': 'Before upgrade',
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
      'The console cannot restore a running hub. Stop the desktop console or the web shell, then run the backup’s restore command on the hub’s computer. After the restore, everything entered after the backup was made (orders, duty log entries, audit rows …) is no longer in the database; the replaced database is kept, renamed, in the data folder, never deleted. The key file hub.key is not in the backup: keep it separately.',
  },
};
