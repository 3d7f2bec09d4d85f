// One row of the scoping matrix (matrix.ts), apart from the hub, so that the coverage test reads the rows alone.
import type { MethodName } from '../../../common/contract';
import type { Input } from './inputs';
import type { World } from './world';

export const MATRIX_TITLE = 'scoping matrix: the station chief of 第一联勤站 against 第二联勤站 and the center';

export interface Row {
  method: MethodName;
  /** The id keys of the method this row covers. */
  covers: string[];
  /** What the station user sends: against 第二联勤站's object and against the center's. */
  other: (w: World) => Input;
  center: (w: World) => Input;
  /** The refusal expected (default: E_NOT_FOUND). */
  denied?: string | string[];
  /** The owner's own call, which must succeed (or, with `ownerMayFail`, fail only for other reasons). */
  owner: (w: World) => { as: string; input: Input };
  ownerMayFail?: boolean;
}
