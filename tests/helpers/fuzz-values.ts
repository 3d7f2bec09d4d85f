import * as fc from 'fast-check';
import { CAMERA_COLUMN_KEYS } from '../../common/domain/cameras/columns';
import { formatShanghai } from '../../common/domain/time';
import type { Db } from '../../main/db/connection';
import { DEMO_PASSWORD } from '../../main/services/users/bootstrap';
import { PNG_1x1 } from './attachment-samples';
import type { FieldValues } from './zod-arbitrary';

/* The values the contract fuzz draws per field: hostile text, and what exists in the hub or it answered. */

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

const DAY = 86_400_000;

/** Ids, codes and tokens that calls answered, by the name of the field they came in. */
export class Learned {
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
export function fieldValues(db: Db, clock: () => number, learned: Learned): FieldValues {
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
