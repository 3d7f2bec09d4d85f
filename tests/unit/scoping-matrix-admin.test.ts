import { scopingMatrix } from './scoping/matrix';
import { ADMIN_ROWS } from './scoping/rows-admin';

// The scoping matrix (tests/unit/scoping/matrix.ts) over its rows for administration: users, API keys, the address book (通讯录)
// and the audit log.
scopingMatrix(ADMIN_ROWS);
