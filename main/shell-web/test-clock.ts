import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { offsetClock, type OffsetClock } from '../clock';
import { ConfigError, isLoopback } from '../config';
import { readBoundedBody } from './bounded-body';

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
/** A body past the limit is read on (and dropped) up to this, so the client sees the 413. */
const DRAIN_LIMIT_BYTES = 64 * 1024;

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

function answer(reply: FastifyReply, status: number, body: unknown): FastifyReply {
  return reply
    .code(status)
    .header('content-type', 'application/json; charset=utf-8')
    .header('cache-control', 'no-store')
    .send(JSON.stringify(body));
}

function refuse(reply: FastifyReply, r: Refusal): FastifyReply {
  return answer(reply, r.status, { error: { code: r.code, message: { zh: r.zh, en: r.en } } });
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

async function move(request: FastifyRequest, reply: FastifyReply, control: TestClockControl): Promise<FastifyReply> {
  // JSON only: a page of another site cannot send it without a preflight, which is never answered.
  if (!/^application\/json\s*(;|$)/i.test(request.headers['content-type'] ?? '')) {
    return refuse(reply, { status: 415, code: 'E_INVALID', zh: '请求须为 JSON', en: 'send application/json' });
  }
  const body = await readBoundedBody(request.raw, request.headers['content-length'], MAX_BODY_BYTES, DRAIN_LIMIT_BYTES);
  if (body.kind === 'too_large') {
    return refuse(reply, {
      status: 413,
      code: 'E_INVALID',
      zh: '请求过大',
      en: `the body is over ${MAX_BODY_BYTES} bytes`,
    });
  }
  const advanceMs = parseMove(body.data.toString('utf8'));
  if (typeof advanceMs !== 'number') return refuse(reply, advanceMs);
  const now = control.clock.advance(advanceMs);
  control.onMove?.(now);
  return answer(reply, 200, { now, offsetMs: control.clock.offset() });
}

/**
 * TEST_CLOCK_PATH on the web shell, answered whether the clock is on or not (off: 404). GET: the
 * hub's time and how far it has been moved. POST {"advanceMs": n}: moves it n ms forward.
 * `originAllowed` is the web shell's own rule for pages (a console's page may call it; another
 * site's may not).
 */
export function registerTestClock(
  app: FastifyInstance,
  control: TestClockControl | undefined,
  originAllowed: (origin: string | undefined) => boolean,
): void {
  app.all(TEST_CLOCK_PATH, async (request, reply) => {
    if (!control) return refuse(reply, NOT_FOUND);
    const from = request.raw.socket.remoteAddress?.replace(/^::ffff:/, '') ?? '';
    if (!isLoopback(from) || !originAllowed(request.headers.origin)) {
      return refuse(reply, { status: 403, code: 'E_FORBIDDEN', zh: '不允许从此处拨动测试时钟', en: 'not from here' });
    }
    if (request.method === 'GET' || request.method === 'HEAD') {
      return answer(reply, 200, { now: control.clock(), offsetMs: control.clock.offset() });
    }
    if (request.method === 'POST') return move(request, reply, control);
    reply.header('allow', 'GET, HEAD, POST');
    return refuse(reply, { status: 405, code: 'E_INVALID', zh: '方法不允许', en: 'GET or POST' });
  });
}

/**
 * After a move: the hub's time-driven sweeps (deadline alerts, missed check-ins, incident report
 * deadlines, the low-disk alert's repeat) run at once, finding what their timers (every 15, 30 and 5 s) would find at their next
 * tick, so a test that moved the clock past a deadline does not wait for a timer; then each console
 * refetches its unit's on-duty view — what it does by its own clock at a shift's end, which in a
 * test's browser has not come.
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
  sweepAlerts(): number;
  sweepDuty(): number;
  sweepIncidents(): number;
  sweepDisk(): void;
}): void {
  hub.sweepAlerts();
  hub.sweepDuty();
  hub.sweepIncidents();
  hub.sweepDisk();
  for (const { id } of hub.services.org.units()) {
    hub.bus.publish('duty.changed', { orgUnitId: id, what: 'roster' }, { orgUnitIds: [id] });
  }
}
