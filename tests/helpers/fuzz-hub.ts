import * as fc from 'fast-check';
import { CAMERA_COLUMN_KEYS } from '../../common/domain/cameras/columns';
import { formatShanghai } from '../../common/domain/time';
import type { Db } from '../../main/db/connection';
import type { Hub } from '../../main/hub';
import { hashToken } from '../../main/services/auth/sessions-repo';
import { DEMO_PASSWORD, DEMO_USERS } from '../../main/services/users/bootstrap';
import { fakeSpawner } from './fake-ingest';
import { connection, demoHub, ok, testClock, type TestConnection } from './hub';
import type { FieldValues } from './zod-arbitrary';

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

/** Strings that break naive code: SQL, LIKE and FTS syntax, odd Unicode, paths, formats. */
const NASTY = [
  '',
  ' ',
  "'",
  '"',
  "' OR 1=1 --",
  '%',
  '_',
  '%_%',
  '\\',
  '*',
  '"unterminated',
  'a OR',
  'OR',
  'NEAR(',
  'NOT x',
  'AND',
  '(',
  ')',
  '^',
  '-',
  '+',
  ':',
  'col:x',
  'title:井盖',
  'NULL',
  'null',
  'undefined',
  '__proto__',
  'constructor',
  '0',
  '-1',
  '1e308',
  'NaN',
  '../../etc/passwd',
  'C:\\Windows',
  '<script>alert(1)</script>',
  '😀',
  '👨‍👩‍👧',
  'é',
  '\u200b',
  '\u2028',
  '\ufeff',
  '\ufffd',
  '𠮷野家',
  '井盖缺失',
  '井盖 OR 积水',
  '"井盖"',
  '2026-11-26',
  '2026-02-30',
  '2026-13-01',
  '0000-00-00',
  '9999-12-31',
  '08:00',
  '24:00',
  '25:61',
];

/**
 * Camera addresses fuzzed into cameras.*: loopback only, on port 1 where nothing listens — and the
 * fuzz hubs' gateway runs no ffmpeg at all (fuzzHub) — so a fuzz run never reaches the network.
 */
const URLS = [
  'rtsp://127.0.0.1:1/main',
  'rtsp://camuser:Pa55word@127.0.0.1:1/main?token=x',
  'rtsp://u:p%40ss@[::1]:1/x',
  'rtsp://',
  'rtsp://:@/',
  'http://127.0.0.1:8787/media/demo/index.m3u8',
  'https://localhost:1/live.flv',
  'rtmp://127.0.0.1:1/live/x',
  'ws://127.0.0.1:1/x',
  'file:///etc/passwd',
  'javascript:alert(1)',
  'gb28181://34020000001320000001',
  'not a url',
];

const PNG_1x1 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

const DAY = 86_400_000;

/** Ids, codes and tokens that calls answered, by the name of the field they came in. */
class Learned {
  private readonly strings = new Map<string, string[]>();
  private readonly numbers: number[] = [];

  take(value: unknown, depth = 0): void {
    if (depth > 6 || value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      for (const v of value.slice(0, 20)) this.take(v, depth + 1);
      return;
    }
    for (const [key, v] of Object.entries(value)) {
      if (/^(id|code|token|nextCursor)$|(Id|Code)$/.test(key)) {
        if (typeof v === 'string' && v.length <= 512) {
          const list = this.strings.get(key) ?? [];
          if (list.length < 100 && !list.includes(v)) list.push(v);
          this.strings.set(key, list);
        }
        if (typeof v === 'number' && this.numbers.length < 300 && !this.numbers.includes(v)) this.numbers.push(v);
      }
      this.take(v, depth + 1);
    }
  }

  stringsOf(key: string): readonly string[] {
    return this.strings.get(key) ?? [];
  }

  ids(): readonly number[] {
    return this.numbers;
  }
}

/** One element of a list that may change while the run goes on (read when a value is drawn). */
function pick<T>(list: () => readonly T[], fallback: T): fc.Arbitrary<T> {
  return fc.nat().map((i) => {
    const items = list();
    return items.length > 0 ? (items[i % items.length] ?? fallback) : fallback;
  });
}

function column(db: Db, sql: string): () => string[] {
  const statement = db.prepare(sql).pluck();
  return () => statement.all() as string[];
}

/** The domain values of `FieldValues` for one hub: what exists in its database and what it answered. */
function fieldValues(db: Db, clock: () => number, learned: Learned): FieldValues {
  const units = (kind: string) => column(db, `SELECT id FROM org_units WHERE kind = '${kind}'`);
  const cameras = column(db, 'SELECT id FROM cameras');
  const categories = column(db, 'SELECT id FROM categories');
  const domains = column(db, 'SELECT id FROM categories WHERE level = 1');
  const departments = column(db, 'SELECT id FROM departments');
  const orgUnits = column(db, 'SELECT id FROM org_units');
  const usernames = column(db, 'SELECT username FROM users');
  const ymd = (offsetDays: number) => formatShanghai(clock() + offsetDays * DAY).slice(0, 10);
  const text = fc.oneof(
    fc.constantFrom(...NASTY),
    fc.string({ unit: 'grapheme', maxLength: 30 }),
    fc.constantFrom('井盖缺失', '道路积水', '交接班正常', '垃圾满溢', '向东村村口'),
  );
  const learnedOr = (key: string, fallback: fc.Arbitrary<string>) =>
    fc.oneof({ weight: 3, arbitrary: pick(() => learned.stringsOf(key), 'x') }, { weight: 1, arbitrary: fallback });
  const importDoc = fc
    .array(
      fc.array(fc.oneof(text, fc.constantFrom(...URLS), pick(units('workstation'), 'HQ-W-HQ01')), {
        minLength: CAMERA_COLUMN_KEYS.length,
        maxLength: CAMERA_COLUMN_KEYS.length,
      }),
      { maxLength: 4 },
    )
    .chain((rows) =>
      fc.constantFrom(
        [CAMERA_COLUMN_KEYS.join(','), ...rows.map((r) => r.map((c) => `"${c.replaceAll('"', '""')}"`).join(','))].join(
          '\n',
        ),
        JSON.stringify(rows.map((r) => Object.fromEntries(CAMERA_COLUMN_KEYS.map((k, i) => [k, r[i]])))),
      ),
    );
  const strings: [RegExp, fc.Arbitrary<string>][] = [
    [/^categoryId$/, pick(categories, '0200201')],
    [/^domainId$/, pick(domains, '02')],
    [/^workstationId$/, pick(units('workstation'), 'HQ-W-HQ01')],
    [/^stationId$/, pick(units('station'), 'HQ-S1')],
    [/^gridId$/, pick(units('grid'), 'HQ-G01')],
    // Mostly the units that have users, rosters and duty logs: the center and the stations.
    [
      /^orgUnitId$/,
      fc.oneof(
        { weight: 3, arbitrary: fc.constantFrom('HQ-C', 'HQ-S1') },
        { weight: 2, arbitrary: pick(units('station'), 'HQ-S1') },
        { weight: 1, arbitrary: pick(orgUnits, 'HQ-C') },
      ),
    ],
    [/^departmentId$/, pick(departments, 'x')],
    [/^(cameraId|cameraIds|cameras|slots)$/, pick(cameras, 'CAM-0001')],
    // GB/T 28181 device codes are 20 digits; camera ids letters, digits, _ . -
    [
      /^code$/,
      fc.oneof(
        fc.stringMatching(/^\d{20}$/),
        pick(() => learned.stringsOf('code'), 'x'),
      ),
    ],
    [/^tags$/, fc.constantFrom('路口', '广场', 'north', 'a,b', '')],
    [
      /^id$/,
      fc.oneof(
        fc.stringMatching(/^CAM-\d{4,6}$/),
        pick(cameras, 'CAM-0001'),
        pick(departments, 'x'),
        pick(orgUnits, 'HQ-C'),
        learnedOr('id', text),
      ),
    ],
    [/^(username|actor)$/, pick(usernames, 'chief')],
    [/^(password|currentPassword)$/, fc.constantFrom(DEMO_PASSWORD, 'Wrong#2026x', 'a')],
    [/^newPassword$/, fc.constantFrom('Fuzz#2026a', 'Fuzz#2026b', DEMO_PASSWORD, 'short1')],
    [
      /^(date|fromMonday)$/,
      fc.oneof(
        { weight: 4, arbitrary: fc.integer({ min: -40, max: 40 }).map(ymd) },
        {
          weight: 1,
          arbitrary: fc.constantFrom(
            '1970-01-01',
            '1969-12-29',
            '1900-01-01',
            '2000-02-29',
            '2100-12-27',
            '9999-12-31',
          ),
        },
      ),
    ],
    // Opaque page cursors: ones the hub answered, and forged ones (base64url JSON of any shape).
    [
      /^cursor$/,
      fc.oneof(
        pick(() => learned.stringsOf('nextCursor'), 'x'),
        fc
          .record({
            o: fc.constantFrom('created_desc', 'created_asc', 'deadline_asc', 'updated_desc', 'x'),
            f: fc.constantFrom(0, 1, 2),
            s: fc.integer({ min: -2, max: 5 }),
            k: fc.option(fc.array(fc.oneof(fc.integer(), fc.double(), fc.string()), { maxLength: 3 })),
            t: fc.oneof(fc.nat(), fc.constant(-1)),
          })
          .map((c) => Buffer.from(JSON.stringify(c)).toString('base64url')),
      ),
    ],
    [
      /^(start|end)$/,
      fc
        .tuple(fc.integer({ min: 0, max: 25 }), fc.constantFrom(0, 30, 59, 60))
        .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`),
    ],
    [/^(uploadId|windowId|token|shiftCode|postCode)$/, fc.string()],
    [/^(mainUrl|subUrl)$/, fc.constantFrom(...URLS)],
    [
      /^dataBase64$/,
      fc.oneof(
        fc.constant(PNG_1x1.toString('base64')),
        fc.uint8Array({ maxLength: 64 }).map((b) => Buffer.from(b).toString('base64')),
        fc.constant('!!not base64!!'),
      ),
    ],
    [/^text$/, fc.oneof(text, importDoc)],
    [/^method$/, fc.constantFrom('auth.login', 'orders.create', 'x')],
  ];
  const numbers: [RegExp, fc.Arbitrary<number>][] = [
    [
      /^(id|.*Id|.*Ids)$/,
      fc.oneof(
        pick(() => learned.ids(), 1),
        fc.integer({ min: 1, max: 30 }),
      ),
    ],
    [
      /^(from|to|at|createdFrom|createdTo|supervisionDueAt)$/,
      fc.integer({ min: -40 * DAY, max: 40 * DAY }).map((d) => clock() + d),
    ],
    [/^year$/, fc.integer({ min: 1969, max: 2101 })],
    [/^month$/, fc.integer({ min: 0, max: 13 })],
    [/^lat$/, fc.double({ min: 30.9, max: 31.5, noNaN: true })],
    [/^lng$/, fc.double({ min: 121.4, max: 122, noNaN: true })],
    [/^(minutes|dwellSeconds|extensionHours|limit|offset|size|index|weeks|slot)$/, fc.integer({ min: 0, max: 100 })],
  ];
  const byKey = <T>(table: [RegExp, fc.Arbitrary<T>][], key: string) => table.find(([re]) => re.test(key))?.[1];
  return {
    strings: (key) => {
      const hinted = byKey(strings, key);
      if (/^(shiftCode|postCode)$/.test(key)) {
        // Shift and post codes come back as `code` of patterns and as these fields of rosters.
        const codes = () => [...learned.stringsOf('code'), ...learned.stringsOf(key)];
        return fc.oneof({ weight: 3, arbitrary: pick(codes, 'x') }, { weight: 1, arbitrary: text });
      }
      if (/^(uploadId|windowId|token)$/.test(key)) return learnedOr(key, hinted ?? text);
      return hinted;
    },
    numbers: (key) => byKey(numbers, key),
    anyString: fc.oneof(text, pick(orgUnits, 'HQ-C'), pick(categories, '0200201')),
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
    .run(caller.fuzz.clock() + DAY, hashToken(token));
  if (await intact(hub, conn, caller.username)) return conn;
  caller.token = conn.token = await signIn(hub, caller.username);
  return conn;
}
