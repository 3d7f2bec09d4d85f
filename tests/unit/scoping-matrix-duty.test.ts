import { scopingMatrix } from './scoping/matrix';
import { DUTY_ROWS } from './scoping/rows-duty';

// The scoping matrix (tests/unit/scoping/matrix.ts) over its rows for the duty log, the handover and the roster.
scopingMatrix(DUTY_ROWS);
