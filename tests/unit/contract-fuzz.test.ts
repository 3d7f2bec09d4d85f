import * as fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { $ZodType } from 'zod/v4/core';
import { contract, ERROR_CODES, type ApiResult, type MethodName } from '../../common/contract';
import { DEMO_USERS } from '../../main/services/users/bootstrap';
import { fuzzHub, ready, type Caller, type FuzzHub, type Write } from '../helpers/fuzz-hub';
import { anyJson, arbitraryFor, type ArbitraryMode } from '../helpers/zod-arbitrary';

/*
 * Property-based fuzz of the whole contract: every method, as every demo user and as
 * nobody, with inputs built from the method's own zod schema ('valid': accepted by it, so the call
 * reaches the handler; 'hostile': wrong types, missing or unknown keys, out of bounds, control
 * characters, far too long) and with arbitrary JSON. Properties:
 *   1. the answer is `ok` or a known error code, never E_INTERNAL (and the call never throws);
 *   2. an error answer wrote nothing but what the design writes on failure (allowedOnError).
 *
 * Reproduce a failure with CONTRACT_FUZZ_SEED=<the printed seed>; the runs depend on the seed and on
 * what ran before in the file (the database state), so rerun the whole file.
 * CONTRACT_FUZZ_STATS=1 prints the answers per method, to see how many calls reached the handlers;
 * CONTRACT_FUZZ_TRACE=<method> prints each input of that method and its answer.
 */
const SEED = Number(process.env.CONTRACT_FUZZ_SEED ?? 20261202);
/** CONTRACT_FUZZ_SCALE=n multiplies the runs and lifts the time budget, for a longer hunt by hand. */
const SCALE = Number(process.env.CONTRACT_FUZZ_SCALE ?? 1);
/** Runs per method × caller, by input kind, for callers the role check lets through. */
const RUNS: Record<InputKind, number> = { valid: 8, hostile: 3, json: 2 };
/**
 * Methods that check or hash a password (scrypt, ~50 ms each) or render a PDF run less, so the
 * file stays well inside CI's time.
 */
const SLOW: ReadonlySet<MethodName> = new Set<MethodName>([
  'auth.login',
  'auth.changePassword',
  'duty.handover.sign',
  'duty.handover.report',
  'incidents.export',
  'reports.generate',
  'admin.users.create',
  'admin.users.resetPassword',
]);
const SLOW_RUNS: Record<InputKind, number> = { valid: 2, hostile: 1, json: 1 };
/** A caller the role check refuses: once per kind is enough (the check comes before anything else). */
const DENIED_RUNS: Record<InputKind, number> = { valid: 1, hostile: 0, json: 1 };
/**
 * A safety net, not the bound (the run counts are): past this much time in the file, later methods
 * run once per caller so that a slow CI machine still finishes.
 */
const BUDGET_MS = SCALE > 1 ? Infinity : 70_000;
/** Thu 2026-11-26 10:00 Shanghai, the center's day shift; the clock moves 1 s per call. */
const START = Date.UTC(2026, 10, 26, 2, 0, 0);

type InputKind = ArbitraryMode | 'json';

/** Methods whose failure counts a wrong password toward the account's lockout. */
const PASSWORD_CHECKERS: ReadonlySet<MethodName> = new Set<MethodName>([
  'auth.login',
  'auth.changePassword',
  'duty.handover.sign',
]);

/** The writes a failed call makes by design; any other write on an error answer is a bug. */
function allowedOnError(method: MethodName, write: Write): boolean {
  // The router audits a failed writing call in one row, outside the rolled-back transaction.
  if (write.table === 'audit_log' && write.op === 'INSERT') return contract[method].writes;
  // A wrong password counts toward the lockout (users.failed_logins / locked_until).
  if (write.table === 'users' && write.op === 'UPDATE') return PASSWORD_CHECKERS.has(method);
  return false;
}

function allowed(method: MethodName, username: string | null): boolean {
  const access = contract[method].access;
  // Partner systems' methods: no console user may call them (an API key is tested in open311-post.test.ts).
  if (access === 'apiKey') return false;
  if (access === 'public') return true;
  if (username === null) return false;
  if (access === 'authenticated') return true;
  const roles = DEMO_USERS.find((u) => u.username === username)?.roles ?? [];
  return access.some((r) => roles.includes(r));
}

/** As a WebSocket or IPC frame carries it: JSON (undefined fields dropped). */
function overTheWire(value: unknown): unknown {
  // JSON.stringify answers undefined for undefined, whatever its declared type says.
  const text = JSON.stringify(value) as string | undefined;
  return text === undefined ? undefined : (JSON.parse(text) as unknown);
}

function shown(input: unknown): string {
  const text = (JSON.stringify(input) as string | undefined) ?? 'undefined';
  return text.length > 400 ? `${text.slice(0, 400)}… (${text.length} chars)` : text;
}

/** Answers per method (ok or error code). */
const outcomes: Partial<Record<MethodName, Record<string, number>>> = {};
let calls = 0;

/** One call and its checks; throws (for fast-check) when a property fails. */
async function probe(caller: Caller, method: MethodName, generated: unknown): Promise<void> {
  const fuzz = caller.fuzz;
  const conn = await ready(caller);
  const input = overTheWire(generated);
  fuzz.writes();
  fuzz.internal.length = 0;
  let result: ApiResult<unknown>;
  try {
    result = await fuzz.hub.call(conn, method, input);
  } catch (err) {
    throw new Error(`the call threw: ${String(err)}`);
  }
  const writes = fuzz.writes();
  calls++;
  // Time moves on between calls: rate limits refill and shifts change over the file.
  fuzz.clock.advance(1000);
  if (process.env.CONTRACT_FUZZ_TRACE === method) {
    console.info(caller.label, shown(input), '→', result.ok ? 'ok' : `${result.error.code} ${result.error.message.en}`);
  }
  const tally = (outcomes[method] ??= {});
  const outcome = result.ok ? 'ok' : result.error.code;
  tally[outcome] = (tally[outcome] ?? 0) + 1;
  if (result.ok) {
    fuzz.learn(result.value);
    return;
  }
  const { code, message } = result.error;
  if (code === 'E_INTERNAL' || !(ERROR_CODES as readonly string[]).includes(code)) {
    const causes = fuzz.internal.map(({ err }) => (err instanceof Error ? (err.stack ?? err.message) : String(err)));
    throw new Error(`${code} (${message.en}); cause: ${causes.join(' | ') || 'not reported'}`);
  }
  const unexpected = writes.filter((w) => !allowedOnError(method, w));
  const audits = writes.filter((w) => w.table === 'audit_log').length;
  if (unexpected.length > 0 || audits > 1) {
    throw new Error(
      `answered ${code} (${message.en}) but wrote: ${writes.map((w) => `${w.op} ${w.table}`).join(', ')}`,
    );
  }
}

const methods = Object.keys(contract) as MethodName[];
let staff: FuzzHub;
let admins: FuzzHub;
let callers: Caller[] = [];
const started = Date.now();

beforeAll(async () => {
  console.info(`contract fuzz: seed ${SEED} (CONTRACT_FUZZ_SEED=${SEED} reruns it)`);
  // The administrator fuzzes on a hub of its own: disabling, re-rolling and resetting users there
  // does not keep changing the accounts the other roles are tested with.
  staff = await fuzzHub(START);
  admins = await fuzzHub(START);
  callers = [
    { label: 'anonymous', username: null, fuzz: staff, conn: null, token: null },
    ...DEMO_USERS.map((u) => ({
      label: u.username,
      username: u.username,
      fuzz: u.roles.includes('admin') ? admins : staff,
      conn: null,
      token: null,
    })),
  ];
}, 60_000);

afterAll(() => {
  console.info(`contract fuzz: ${calls} calls in ${Math.round((Date.now() - started) / 1000)} s (seed ${SEED})`);
  if (process.env.CONTRACT_FUZZ_STATS) {
    for (const [method, tally] of Object.entries(outcomes)) console.info(method.padEnd(28), JSON.stringify(tally));
  }
  staff.hub.close();
  admins.hub.close();
});

describe('contract fuzz: never E_INTERNAL, and no write on an error answer, for every method and caller', () => {
  methods.forEach((method, m) => {
    it(
      method,
      async () => {
        const failures: string[] = [];
        const schema = contract[method].input as $ZodType;
        for (const [c, caller] of callers.entries()) {
          const counts = !allowed(method, caller.username) ? DENIED_RUNS : SLOW.has(method) ? SLOW_RUNS : RUNS;
          const late = Date.now() - started > BUDGET_MS;
          for (const kind of ['valid', 'hostile', 'json'] as const) {
            const numRuns = late ? Math.min(counts[kind], 1) : counts[kind] * SCALE;
            if (numRuns === 0) continue;
            const values = caller.fuzz.values;
            const arbitrary =
              kind === 'json' ? fc.oneof(anyJson, fc.constant(undefined)) : arbitraryFor(schema, kind, values);
            const seed = SEED + m * 1000 + c * 10 + ['valid', 'hostile', 'json'].indexOf(kind);
            const details = await fc.check(
              fc.asyncProperty(arbitrary, (input) => probe(caller, method, input)),
              // No shrinking: each run changes the database, so a shrunk input would meet another state.
              { seed, numRuns, endOnFailure: true },
            );
            if (details.failed) {
              const input = shown(details.counterexample?.[0]);
              failures.push(
                `${method} as ${caller.label} (${kind}, seed ${seed}): ${String(details.errorInstance)}\n  input: ${input}`,
              );
            }
          }
        }
        expect(failures).toEqual([]);
      },
      120_000 * SCALE,
    );
  });
});

/** What the fuzz found, pinned: each of these was E_INTERNAL before its fix. */
describe('contract fuzz findings stay fixed', () => {
  const found: { user: string; method: MethodName; input: unknown; field: string }[] = [
    // A week of 1970 starts in 1969: shift times before the epoch failed the output schema.
    { user: 'chief', method: 'duty.roster.week', input: { orgUnitId: 'HQ-C', date: '1970-01-01' }, field: 'date' },
    { user: 'chief', method: 'duty.roster.month', input: { orgUnitId: 'HQ-C', year: 1970, month: 1 }, field: 'year' },
    {
      user: 'chief',
      method: 'duty.roster.assign',
      input: { orgUnitId: 'HQ-C', date: '1969-12-31', shiftCode: 'D', postCode: 'chief', userId: 2 },
      field: 'date',
    },
    {
      user: 'chief',
      method: 'duty.roster.copyWeek',
      input: { orgUnitId: 'HQ-C', fromMonday: '1969-12-29', weeks: 1 },
      field: 'fromMonday',
    },
  ];
  for (const { user, method, input, field } of found) {
    it(`${method} ${JSON.stringify(input)} is E_INVALID on ${field}`, async () => {
      const caller = callers.find((c) => c.username === user);
      if (!caller) throw new Error(`no caller ${user}`);
      const result = await caller.fuzz.hub.call(await ready(caller), method, input);
      expect(result.ok ? 'ok' : result.error.code).toBe('E_INVALID');
      expect(result.ok ? null : result.error.details).toMatchObject({ field });
    });
  }
});
