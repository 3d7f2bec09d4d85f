import type http from 'node:http';
import { offsetClock, type OffsetClock } from '../clock';
import { ConfigError, isLoopback } from '../config';

/**
 * Test-only: with CITYOPS_TEST_CLOCK=1 the hub runs on a clock the end-to-end tests move forward
 * (past a shift's end, say) through TEST_CLOCK_PATH instead of sleeping. Unset, the path is refused
 * like any unknown API. It takes no secret, so it is allowed only on a hub bound to loopback.
 */
export const TEST_CLOCK_ENV = 'CITYOPS_TEST_CLOCK';
export const TEST_CLOCK_PATH = '/__test/clock';

/** The farthest one move goes: past a shift or a deadline is hours; a week is plenty. */
export const MAX_ADVANCE_MS = 7 * 24 * 3_600_000;
const MAX_BODY_BYTES = 1024;

export interface TestClockControl {
  clock: OffsetClock;
  /** After each move: tell the consoles, whose own clocks did not move, to refetch what time changed. */
  onMove?: (now: number) => void;
}

/** The movable clock when CITYOPS_TEST_CLOCK=1, else null; refuses to start a hub on another host with it. */
export function testClockFrom(env: NodeJS.ProcessEnv, host: string): OffsetClock | null {
  const value = env[TEST_CLOCK_ENV];
  if (value === undefined || value === '' || value === '0') return null;
  if (value !== '1') throw new ConfigError(`${TEST_CLOCK_ENV} must be 1 or unset, got "${value.slice(0, 40)}"`);
  if (!isLoopback(host)) {
    throw new ConfigError(
      `${TEST_CLOCK_ENV}=1 is for tests on one machine: the hub must listen on loopback, not ${host}`,
    );
  }
  return offsetClock();
}

type Refusal = { status: number; code: string; zh: string; en: string };

const NOT_FOUND: Refusal = {
  status: 404,
  code: 'E_NOT_FOUND',
  zh: '测试时钟未启用',
  en: `the test clock is off (${TEST_CLOCK_ENV} is not set)`,
};

function answer(res: http.ServerResponse, status: number, body: unknown, extra: http.OutgoingHttpHeaders = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...extra });
  res.end(JSON.stringify(body));
}

function refuse(res: http.ServerResponse, r: Refusal, extra: http.OutgoingHttpHeaders = {}): void {
  answer(res, r.status, { error: { code: r.code, message: { zh: r.zh, en: r.en } } }, extra);
}

function invalid(en: string, zh = '请求无效'): Refusal {
  return { status: 400, code: 'E_INVALID', zh, en };
}

/** The requested move in ms, or why it is refused. */
function parseMove(body: string): number | Refusal {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return invalid('the body is not JSON');
  }
  const advanceMs = (parsed as { advanceMs?: unknown } | null)?.advanceMs;
  if (typeof advanceMs !== 'number' || !Number.isInteger(advanceMs) || advanceMs <= 0 || advanceMs > MAX_ADVANCE_MS) {
    return invalid(
      `advanceMs must be a whole number of ms from 1 to ${MAX_ADVANCE_MS}`,
      '时钟只能向前拨动，且一次不超过 7 天',
    );
  }
  return advanceMs;
}

function readBody(req: http.IncomingMessage, done: (body: string | null) => void): void {
  const chunks: Buffer[] = [];
  let size = 0;
  req.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size <= MAX_BODY_BYTES) chunks.push(chunk);
  });
  req.on('end', () => done(size <= MAX_BODY_BYTES ? Buffer.concat(chunks).toString('utf8') : null));
  req.on('error', () => req.destroy());
}

function move(req: http.IncomingMessage, res: http.ServerResponse, control: TestClockControl): void {
  // JSON only: a page of another site cannot send it without a preflight, which is never answered.
  if (!/^application\/json\s*(;|$)/i.test(req.headers['content-type'] ?? '')) {
    refuse(res, { status: 415, code: 'E_INVALID', zh: '请求须为 JSON', en: 'send application/json' });
    return;
  }
  readBody(req, (body) => {
    if (body === null) {
      refuse(res, { status: 413, code: 'E_INVALID', zh: '请求过大', en: `the body is over ${MAX_BODY_BYTES} bytes` });
      return;
    }
    const advanceMs = parseMove(body);
    if (typeof advanceMs !== 'number') return refuse(res, advanceMs);
    const now = control.clock.advance(advanceMs);
    control.onMove?.(now);
    answer(res, 200, { now, offsetMs: control.clock.offset() });
  });
}

/**
 * Answers TEST_CLOCK_PATH and returns true; false for any other path. GET: the hub's time and how far
 * it has been moved. POST {"advanceMs": n}: moves it n ms forward. `originAllowed` is the web shell's
 * own rule for pages (a console's page may call it; another site's may not).
 */
export function handleTestClock(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  control: TestClockControl | undefined,
  originAllowed: (origin: string | undefined) => boolean,
): boolean {
  if (new URL(req.url ?? '/', 'http://localhost').pathname !== TEST_CLOCK_PATH) return false;
  if (!control) {
    refuse(res, NOT_FOUND);
    return true;
  }
  if (!isLoopback(req.socket.remoteAddress?.replace(/^::ffff:/, '') ?? '') || !originAllowed(req.headers.origin)) {
    refuse(res, { status: 403, code: 'E_FORBIDDEN', zh: '不允许从此处拨动测试时钟', en: 'not from here' });
    return true;
  }
  if (req.method === 'GET' || req.method === 'HEAD') {
    answer(res, 200, { now: control.clock(), offsetMs: control.clock.offset() });
  } else if (req.method === 'POST') {
    move(req, res, control);
  } else {
    refuse(res, { status: 405, code: 'E_INVALID', zh: '方法不允许', en: 'GET or POST' }, { allow: 'GET, HEAD, POST' });
  }
  return true;
}

/**
 * After a move, each console refetches its unit's on-duty view — what it does by its own clock at a
 * shift's end, which in a test's browser has not come.
 */
export function announceClockMove(hub: {
  bus: {
    publish(
      event: 'duty.changed',
      payload: { orgUnitId: string; what: 'roster' },
      audience: { orgUnitIds: string[] },
    ): void;
  };
  services: { org: { units(): { id: string }[] } };
}): void {
  for (const { id } of hub.services.org.units()) {
    hub.bus.publish('duty.changed', { orgUnitId: id, what: 'roster' }, { orgUnitIds: [id] });
  }
}
