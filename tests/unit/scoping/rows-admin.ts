// The scoping matrix's rows (checked by matrix.ts) for administration: users, API keys, the address book
// (通讯录) and the audit log.
import { adminUserInput, contactInput } from './inputs';
import type { Row } from './matrix';

export const ADMIN_ROWS: Row[] = [
  // Administration: administrators only.
  ...(['admin.users.update', 'admin.users.setDisabled', 'admin.users.resetPassword'] as const).map((method): Row => ({
    method,
    covers: ['id'],
    other: (w) => adminUserInput(method, w.users.spare),
    center: (w) => adminUserInput(method, w.users.chief),
    denied: 'E_FORBIDDEN',
    owner: (w) => ({ as: 'admin', input: adminUserInput(method, w.users.spare) }),
  })),
  {
    method: 'admin.apiKeys.revoke',
    covers: ['id'],
    other: (w) => ({ id: w.apiKey }),
    center: (w) => ({ id: w.apiKey }),
    denied: 'E_FORBIDDEN',
    owner: (w) => ({ as: 'admin', input: { id: w.apiKey } }),
  },
  {
    method: 'contacts.save',
    covers: ['id', 'parentId', 'userId'],
    other: (w) => contactInput(w.contacts.s2Person, w.contacts.s2Dept, w.users.station2),
    center: (w) => contactInput(w.contacts.s2Person, w.contacts.centerDept, w.users.chief),
    denied: 'E_FORBIDDEN',
    owner: (w) => ({ as: 'admin', input: contactInput(w.contacts.s2Person, w.contacts.s2Dept, w.users.station2) }),
  },
  {
    method: 'contacts.delete',
    covers: ['id'],
    other: (w) => ({ id: w.contacts.s2Spare }),
    center: (w) => ({ id: w.contacts.centerDept }),
    denied: 'E_FORBIDDEN',
    owner: (w) => ({ as: 'admin', input: { id: w.contacts.s2Spare } }),
  },
  {
    method: 'audit.list',
    covers: ['beforeId'],
    other: () => ({ beforeId: 1000 }),
    center: () => ({ beforeId: 1 }),
    denied: 'E_FORBIDDEN',
    owner: () => ({ as: 'admin', input: { beforeId: 1000 } }),
  },
];
