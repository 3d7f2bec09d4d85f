import type { apikeysMessagesZh } from './apikeys.zh';

/** Open311 API keys — English; spread into en.ts. */
export const apikeysMessagesEn: typeof apikeysMessagesZh = {
  apiKeys: {
    title: 'Open311 API keys',
    create: 'New key',
    refresh: 'Refresh',
    count: '{{count}} keys, {{active}} active',
    intro:
      '12345 hotline bridges and village reporting apps file requests and follow them through the Open311 GeoReport v2 API, each with a key issued here by an administrator (parameter api_key). Listing services needs no key.',
    endpoint: 'Endpoint: ',
    endpointElectron: 'The hub’s web shell (npm run web) serves the API at <hub address>/open311/v2/.',
    never: 'Never used',
    column: {
      name: 'Name',
      prefix: 'Prefix',
      createdBy: 'Issued by',
      createdAt: 'Issued at',
      lastUsed: 'Last used',
      state: 'State',
    },
    state: {
      active: 'Active',
      revoked: 'Revoked',
    },
    revokedAt: 'Revoked {{at}}',
    revoke: 'Revoke',
    confirmRevoke: 'Revoke the key “{{name}}”? Apps using it can no longer file or read requests, at once.',
    revoked: 'Revoked the key {{name}}',
    created: 'Issued the key {{name}}',
    form: {
      title: 'New Open311 API key',
      name: 'Name',
      namePlaceholder: 'e.g. 12345 hotline bridge',
      nameHint: 'Name the app that will use the key, 2–60 characters; the audit log records its calls under this name.',
      submit: 'Issue',
      required: 'Required',
      length: '2–60 characters',
    },
    secret: {
      title: 'Key issued: {{name}}',
      warning:
        'The key is shown this once and cannot be displayed again after you close this dialog. Copy it now and hand it over safely; if it is lost, revoke it and issue a new one.',
      label: 'Key',
      copy: 'Copy',
      copied: 'Copied to the clipboard',
      copyFailed: 'Could not write to the clipboard; select the key and copy it by hand',
      manualCopy: 'Select the key above and copy it by hand.',
      usage: 'Pass it as the api_key parameter, for example:',
      done: 'I have saved it',
    },
  },
};
