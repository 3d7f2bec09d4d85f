import { scopingMatrix } from './scoping/matrix';
import { CAMERA_WALL_ROWS } from './scoping/rows-cameras-wall';

// The scoping matrix (tests/unit/scoping/matrix.ts) over its rows for cameras, the video wall, the camera gateway and the demo
// stream control.
scopingMatrix(CAMERA_WALL_ROWS);
