import { DAY_MS } from '../../common/domain/time';
import type { Db } from '../../main/db/connection';
import type { Hub } from '../../main/hub';
import { hashToken } from '../../main/services/auth/sessions-repo';
import { DEMO_PASSWORD, DEMO_USERS } from '../../main/services/users/bootstrap';
import { fakeSpawner } from './fake-ingest';
import { connection, demoHub, ok, testClock, type TestConnection } from './hub';
import type { FieldValues } from './zod-arbitrary';
import { PNG_1x1 } from './attachment-samples';
import { fieldValues, Learned } from './fuzz-values';

/*
 * The contract fuzz's hubs: a demo hub with a few objects of each kind, a journal of every write
 * the hub's connection makes, the domain values fuzzed inputs draw from, and callers that stay
 * signed in as their demo user whatever a fuzzed call did to their session or account.
 */

export interface Write {
  table: string;
  op: string;
}

/**
 * TEMP triggers recording every INSERT/UPDATE/DELETE of the hub's own connection on its tables. A
 * TEMP trigger fires only for that connection, and its journal row rolls back with the transaction
 * it ran in: a write that was rolled back leaves no trace, exactly as it leaves no data.
 */
function writeJournal(db: Db): { take(): Write[] } {
  db.exec('CREATE TEMP TABLE fuzz_writes (tbl TEXT NOT NULL, op TEXT NOT NULL)');
  const tables = db
    .prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .all() as { name: string; sql: string }[];
  // Virtual (FTS) tables and their shadow tables take no triggers; they change only with their
  // base tables (orders, duty_log_entries), whose writes are recorded.
  const virtual = tables.filter((t) => /^CREATE VIRTUAL/i.test(t.sql)).map((t) => t.name);
  for (const { name } of tables) {
    if (virtual.some((v) => name === v || name.startsWith(`${v}_`))) continue;
    for (const op of ['INSERT', 'UPDATE', 'DELETE']) {
      db.exec(
        `CREATE TEMP TRIGGER "fuzz_${name}_${op}" AFTER ${op} ON main."${name}"
         BEGIN INSERT INTO fuzz_writes VALUES ('${name}', '${op}'); END`,
      );
    }
  }
  const read = db.prepare('SELECT tbl AS "table", op FROM fuzz_writes');
  const clear = db.prepare('DELETE FROM fuzz_writes');
  return {
    take: () => {
      const rows = read.all() as Write[];
      clear.run();
      return rows;
    },
  };
}

export interface FuzzHub {
  hub: Hub;
  clock: ReturnType<typeof testClock>;
  /** The writes since the last take. */
  writes(): Write[];
  values: FieldValues;
  learn(value: unknown): void;
  /** Unexpected errors the router turned into E_INTERNAL, with their stacks, since the last take. */
  internal: { method: string; err: unknown }[];
  /** Each user's password hash as bootstrapped, to put back what a fuzzed call changed. */
  originalHash: Map<string, string>;
}

export async function signIn(hub: Hub, username: string): Promise<string> {
  // A fresh connection per sign-in: the per-connection sign-in limit must not refuse the harness.
  const tmp: TestConnection = { ...connection(`relogin-${username}`), remoteAddress: '10.255.0.1' };
  const grant = await ok(hub, tmp, 'auth.login', { username, password: DEMO_PASSWORD });
  return grant.token;
}

/** A demo hub with a few orders, cameras, a duty log entry and an attachment, so fuzzed ids find objects. */
export async function fuzzHub(start: number): Promise<FuzzHub> {
  const clock = testClock(start);
  const internal: { method: string; err: unknown }[] = [];
  const hub = await demoHub({
    clock,
    alertSweepMs: 0,
    dutySweepMs: 0,
    onInternalError: (method, err) => internal.push({ method, err }),
    // A fuzzed media.* call opens the fuzzed cameras' streams: the gateway's ffmpeg is a fake that
    // never runs, so no process is started and no camera address is dialled.
    gateway: { spawner: fakeSpawner().spawner },
  });
  const as = async (username: string) => {
    const conn = connection(`seed-${username}`);
    conn.token = await signIn(hub, username);
    return conn;
  };
  const hotline = await as('hotline');
  const admin = await as('admin');
  const chief = await as('chief');
  const order = {
    description: '向东村村口主路井盖缺失',
    categoryId: '0200201',
    workstationId: 'HQ-W-HQ01',
    address: '向东村村口',
    source: 'hotline',
    urgency: 'normal',
  } as const;
  for (const title of ['井盖缺失', '道路积水', '垃圾满溢'])
    await ok(hub, hotline, 'orders.create', { ...order, title });
  for (const name of ['合庆居委广场', '向东村口']) {
    const mainUrl = 'rtsp://camuser:Pa55word@127.0.0.1:1/main';
    await ok(hub, admin, 'cameras.create', { name, workstationId: 'HQ-W-HQ14', mainUrl });
  }
  await ok(hub, chief, 'duty.log.append', { kind: 'duty', text: '交接班正常' });
  const { uploadId } = await ok(hub, hotline, 'attachments.begin', { name: 'a.png', size: PNG_1x1.length });
  await ok(hub, hotline, 'attachments.chunk', { uploadId, index: 0, dataBase64: PNG_1x1.toString('base64') });
  await ok(hub, hotline, 'attachments.finish', { uploadId });
  const originalHash = new Map(
    (
      hub.db.prepare('SELECT username, password_hash AS hash FROM users').all() as { username: string; hash: string }[]
    ).map((u) => [u.username, u.hash]),
  );
  const journal = writeJournal(hub.db);
  const learned = new Learned();
  return {
    hub,
    clock,
    writes: () => journal.take(),
    values: fieldValues(hub.db, clock, learned),
    learn: (value) => learned.take(value),
    internal,
    originalHash,
  };
}

/** Someone calling: a demo user, or nobody signed in (username null: a fresh connection per call). */
export interface Caller {
  label: string;
  username: string | null;
  fuzz: FuzzHub;
  conn: TestConnection | null;
  /** The caller's own session, kept across calls that end or replace it. */
  token: string | null;
}

/**
 * Puts a demo user back as bootstrapped (password, enabled, unlocked, roles, unit) after a fuzzed
 * call changed it — a successful auth.changePassword, admin.users.* on that user, a lockout — so
 * the caller keeps testing as the role it stands for.
 */
function repairUser(fuzz: FuzzHub, username: string): void {
  const demo = DEMO_USERS.find((u) => u.username === username);
  const hash = fuzz.originalHash.get(username);
  if (!demo || !hash) throw new Error(`no demo user ${username}`);
  const db = fuzz.hub.db;
  db.transaction(() => {
    db.prepare(
      `UPDATE users SET password_hash = ?, disabled = 0, failed_logins = 0, locked_until = NULL,
         must_change_password = 0, org_unit_id = ? WHERE username = ?`,
    ).run(hash, demo.orgUnitId, username);
    const { id } = db.prepare('SELECT id FROM users WHERE username = ?').get(username) as { id: number };
    db.prepare('DELETE FROM user_roles WHERE user_id = ?').run(id);
    for (const role of demo.roles) db.prepare('INSERT INTO user_roles (user_id, role) VALUES (?, ?)').run(id, role);
  })();
}

/** Whether the connection acts as the caller's demo user, with that user's roles and unit. */
async function intact(hub: Hub, conn: TestConnection, username: string): Promise<boolean> {
  const demo = DEMO_USERS.find((u) => u.username === username);
  const me = await hub.call(conn, 'auth.me', {});
  if (!me.ok || !demo) return false;
  const user = me.value as { username: string; roles: string[]; orgUnitId: string; mustChangePassword: boolean };
  return (
    user.username === demo.username &&
    user.orgUnitId === demo.orgUnitId &&
    !user.mustChangePassword &&
    [...user.roles].sort().join() === [...demo.roles].sort().join()
  );
}

let anonymous = 0;

/**
 * The caller's connection, signed in as its demo user. A fuzzed call may have ended the session
 * (auth.logout, auth.changePassword, admin.users.setDisabled), bound the connection to another
 * user (auth.login or auth.resume with someone's credentials) or changed the user: then the user is
 * put back and the caller's own session revived in the database — a fresh sign-in costs a
 * password hash (~50 ms), too much to pay after every auth.logout.
 */
export async function ready(caller: Caller): Promise<TestConnection> {
  const { hub } = caller.fuzz;
  if (caller.username === null) return connection(`anon-${++anonymous}`);
  if (!caller.conn) {
    caller.conn = connection(`fuzz-${caller.username}`);
    hub.attach(caller.conn);
  }
  const conn = caller.conn;
  const token = (caller.token ??= await signIn(hub, caller.username));
  conn.events.length = 0;
  conn.token = token;
  if (await intact(hub, conn, caller.username)) return conn;
  repairUser(caller.fuzz, caller.username);
  hub.db
    .prepare('UPDATE sessions SET ended_at = NULL, end_reason = NULL, expires_at = ? WHERE token_hash = ?')
    .run(caller.fuzz.clock() + DAY_MS, hashToken(token));
  if (await intact(hub, conn, caller.username)) return conn;
  caller.token = conn.token = await signIn(hub, caller.username);
  return conn;
}
