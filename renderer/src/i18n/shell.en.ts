import type { shellMessagesZh } from './shell.zh';

/** The console shell: app, common words, language, connection, sign-in, session, menu, status bar — English; spread into en.ts. */
export const shellMessagesEn: typeof shellMessagesZh = {
  app: {
    name: 'Heqing CityOps',
    fullName: 'Heqing Town Urban Operations Center',
    connecting: 'Connecting to the hub…',
    chunkFailed: 'This screen could not be loaded (the hub may have been updated). Please reload the page.',
    reload: 'Reload',
  },
  common: {
    ok: 'OK',
    cancel: 'Cancel',
    save: 'Save',
    search: 'Search',
    reset: 'Reset',
    actions: 'Actions',
    loadMore: 'Load more',
    loadFailed: 'Failed to load',
    none: '—',
    saved: 'Saved',
    close: 'Close',
  },
  language: {
    label: 'Language',
    zh: '中文',
    en: 'EN',
    saveFailed: 'The language preference was not saved: {{message}}',
  },
  connection: {
    connected: 'Connected',
    connecting: 'Connecting',
    disconnected: 'Disconnected',
    banner: 'The connection to the hub was lost; reconnecting automatically. New actions may fail until it is back.',
  },
  login: {
    username: 'Username',
    password: 'Password',
    submit: 'Sign in',
    usernameRequired: 'Enter your username',
    passwordRequired: 'Enter your password',
    demo: 'DEMO',
    demoAccounts: 'Demo accounts',
    demoHint: 'Click a row to fill in the account; every password is {{password}}',
    version: 'Version {{version}}',
    hubUnavailable: 'The hub cannot be reached right now: {{message}}',
  },
  session: {
    logout: 'Sign out',
    lost: 'After reconnecting, your session was no longer valid. Please sign in again.',
    ended: {
      logout: 'This session was signed out elsewhere. Please sign in again.',
      disabled: 'Your account has been disabled and the session has ended.',
      password_changed: 'Your password was changed. Please sign in with the new password.',
      expired: 'Your session has expired. Please sign in again.',
      restored:
        'An administrator restored the center’s data from a backup: every console signs in again. What was entered after that backup was made is no longer in the system.',
    },
  },
  nav: {
    duty: 'Duty ledger',
    incidents: 'Incidents',
    wall: 'Video wall',
    org: 'Organisation',
    account: 'My account',
    adminUsers: 'Users',
    adminCameras: 'Cameras',
    adminAudit: 'Audit log',
    orders: 'Work orders',
    intake: 'Intake',
    supervision: 'Supervision',
    adminSla: 'Time limits',
    adminApiKeys: 'Open311 API keys',
    adminBackups: 'Backups',
    contacts: 'Contacts',
  },
  status: {
    demoTitle: 'Demo mode: demo accounts and demo data are present',
    clockTitle: 'Beijing time (Asia/Shanghai)',
    clockOff: "This PC's clock is {{seconds}} s off",
    clockOffTitle:
      "This PC's clock is {{seconds}} s off the hub's (more than 30 s): times shown here may be wrong; ask an administrator to set the time. Deadlines and shifts follow the hub's clock.",
  },
  diskWarning: {
    lowTitle: 'Low disk space',
    recoveredTitle: 'Disk space back to normal',
    low: 'The disk of the {{folders}} has {{free}} free (alert below {{limit}}). Once it is full the hub cannot save data or backups: free space or add disk soon.',
    recovered: 'The disk of the {{folders}} has {{free}} free again.',
    folder: { data: 'data folder', backups: 'backups folder' },
    separator: ', ',
  },
  clockWarning: {
    title: 'Clock problem',
    hubJump:
      "The hub's clock jumped {{seconds}} s: deadlines, shifts and ledger seals depend on it — check its time synchronisation (NTP).",
    consoleSkew: "{{user}}'s console clock is {{seconds}} s off the hub's: set that PC's time.",
  },
};
