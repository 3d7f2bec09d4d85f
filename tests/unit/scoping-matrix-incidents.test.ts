import { scopingMatrix } from './scoping/matrix';
import { INCIDENT_ROWS } from './scoping/rows-incidents';

// The scoping matrix (tests/unit/scoping/matrix.ts) over its rows for incident mode: notifications, the incident itself, its
// report, its orders and the plans.
scopingMatrix(INCIDENT_ROWS);
