/*
 * Issue 9 item 4: every method that takes an id checks that the caller may see that object, with the
 * same rule as the list it came from. The station chief of 第一联勤站 (demo user `station`) asks for
 * objects of 第二联勤站 and of the center by id; each answer must be a refusal that carries none of
 * their data, and the owner asking the same must succeed (so a check that refuses everyone fails too).
 *
 * The rows are split by domain (rows-*.ts) and run in three test files (tests/unit/scoping-matrix-*.test.ts), each
 * on a world of its own; scoping-matrix-orders-duty.test.ts also checks that the rows together cover every id.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiResult, MethodName } from '../../../common/contract';
import type { Hub } from '../../../main/hub';
import { demoHub, testClock } from '../../helpers/hub';
import type { Input } from './inputs';
import { buildWorld, upload, type Conn, type World } from './world';

export const MATRIX_TITLE = 'scoping matrix: the station chief of 第一联勤站 against 第二联勤站 and the center';

/** Strings of the other units' objects that no refused answer may contain. */
const SECRETS = [
  '中心专用工单·井盖',
  '二站专用工单·路灯',
  '中心值班日志机密',
  '二站值班日志机密',
  '中心现场照片',
  '二站现场照片',
  '二站应急事件机密',
];

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

/** A file's hub and world, made before its first test. */
export interface MatrixContext {
  hub: Hub;
  w: World;
  run: (as: string, method: MethodName, input: Input) => Promise<ApiResult<unknown>>;
  upload: (conn: Conn, name: string) => Promise<number>;
}

/** Builds the world once for the calling file (before its first test) and closes its hub after the last. */
export function useWorld(): MatrixContext {
  const ctx: MatrixContext = {
    hub: undefined as unknown as Hub,
    w: undefined as unknown as World,
    run: (as, method, input) => ctx.hub.call(ctx.w.conns[as]!, method, input),
    upload: (conn, name) => upload(ctx.hub, conn, name),
  };
  beforeAll(async () => {
    // Wed 2026-11-25 09:00 Shanghai: the center's early shift and the stations' day shift are open.
    ctx.hub = await demoHub({ clock: testClock(Date.UTC(2026, 10, 25, 1, 0, 0)), alertSweepMs: 0 });
    ctx.w = await buildWorld(ctx.hub);
  }, 60_000);
  afterAll(() => ctx.hub.close());
  return ctx;
}

/** The matrix over these rows, in their order (a row may change the world the next one sees). */
export function scopingMatrix(rows: Row[]): MatrixContext {
  const ctx = useWorld();
  describe(MATRIX_TITLE, () => {
    for (const row of rows) it(`${row.method} ${row.covers.join(', ')}`, () => checkRow(ctx, row));
  });
  return ctx;
}

async function checkRow({ w, run }: MatrixContext, row: Row): Promise<void> {
  for (const [against, input] of [
    ['第二联勤站', row.other(w)],
    ['center', row.center(w)],
  ] as const) {
    const result = await run('station', row.method, input);
    const label = `${row.method} against ${against}: ${JSON.stringify(result).slice(0, 300)}`;
    const text = JSON.stringify(result);
    for (const secret of SECRETS) expect(text, label).not.toContain(secret);
    for (const o of [w.orders.center, w.orders.s2]) expect(text, label).not.toContain(o.code);
    const denied = row.denied ?? 'E_NOT_FOUND';
    if (denied === 'EMPTY') {
      expect(result.ok && (result.value as { rows: unknown[] }).rows, label).toEqual([]);
    } else if (denied === 'SHARED' || denied === 'NO_SECRETS') {
      expect(result.ok, label).toBe(true);
    } else {
      expect([denied].flat(), label).toContain(result.ok ? 'ok' : result.error.code);
    }
  }
  const owner = row.owner(w);
  const result = await run(owner.as, row.method, owner.input);
  const code = result.ok ? 'ok' : result.error.code;
  if (row.ownerMayFail) expect(['E_NOT_FOUND', 'E_FORBIDDEN'], `${row.method} as ${owner.as}`).not.toContain(code);
  else expect(code, `${row.method} as ${owner.as}: ${JSON.stringify(result).slice(0, 300)}`).toBe('ok');
}
