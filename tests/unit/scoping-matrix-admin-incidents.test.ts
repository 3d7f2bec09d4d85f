import { scopingMatrix } from './scoping/matrix';
import { ADMIN_ROWS } from './scoping/rows-admin';
import { INCIDENT_ROWS } from './scoping/rows-incidents';

// The scoping matrix (tests/unit/scoping/matrix.ts) over its rows for administration (users, API keys, the address
// book 通讯录, the audit log) and then incident mode, which notifies the address book's contacts, in one world.
scopingMatrix([...ADMIN_ROWS, ...INCIDENT_ROWS]);
