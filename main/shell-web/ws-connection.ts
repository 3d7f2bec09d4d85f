import { randomUUID } from 'node:crypto';
import type { WebSocket } from 'ws';
import { apiError, type ApiErrorBody } from '../../common/contract';
import { WS_CLOSE_SIGN_IN_TIMEOUT, type ClientFrame, type ServerFrame } from '../../common/contract/wire';
import type { Connection } from '../api/connection';
import type { HubPort } from '../hub-types';
import { systemScheduler, type Scheduler } from '../media/ingest/scheduler';

// Enough of a frame's start to answer an oversize call under its own id.
const ID_PREFIX = /^\s*\{\s*"t"\s*:\s*"call"\s*,\s*"id"\s*:\s*(\d{1,15})\b/;

// Built once: a peer flooding junk frames costs the hub a serialisation per frame, nothing more.
const NOT_JSON = apiError('E_INVALID', '消息不是有效的 JSON', 'Frame is not valid JSON').toBody();
const NOT_A_CALL = apiError(
  'E_INVALID',
  '消息格式应为 {t:"call", id, method, input}',
  'Frame must be {t:"call", id, method, input}',
).toBody();
const NOT_TEXT = apiError('E_INVALID', '只接受文本消息', 'Only text frames are accepted').toBody();

function parseFrame(text: string): ClientFrame | ApiErrorBody {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return NOT_JSON;
  }
  if (
    typeof data !== 'object' ||
    data === null ||
    (data as { t?: unknown }).t !== 'call' ||
    !Number.isSafeInteger((data as { id?: unknown }).id) ||
    typeof (data as { method?: unknown }).method !== 'string'
  ) {
    return NOT_A_CALL;
  }
  return data as ClientFrame;
}

export interface SocketLimits {
  /** Text frames beyond this are answered with E_INVALID (the socket stays open). */
  maxFrameBytes: number;
  /**
   * Answers and events queued for a peer that does not read them: past this the connection is
   * dropped, so a stalled console cannot make the hub hold unbounded memory.
   */
  maxBufferedBytes: number;
  /** Calls being worked on for one connection; past this its socket is not read until one ends. */
  maxCallsInFlight: number;
  /**
   * A connection without a session this long is closed (WS_CLOSE_SIGN_IN_TIMEOUT), so sockets that
   * never sign in cannot hold connection slots forever (default 30 s).
   */
  signInTimeoutMs?: number;
}

export interface SocketPeer {
  remoteAddress?: string | undefined;
  /** One line per connection that ends badly (protocol error, stalled reader). */
  warn: (message: string) => void;
  /** Time for the sign-in deadline (default the system clock). */
  scheduler?: Scheduler;
}

/**
 * Closes `ws` (WS_CLOSE_SIGN_IN_TIMEOUT) when it has no session at a deadline. Checked every period,
 * not once: a console that signs out and stays at the sign-in page is closed too (it reconnects
 * quietly). A call in flight (a sign-in being checked) earns one more period, once, so a password
 * submitted at the last moment is not cut off.
 */
function watchSignIn(
  ws: WebSocket,
  conn: Connection,
  busy: () => boolean,
  scheduler: Scheduler,
  signInTimeoutMs: number,
): void {
  let graceUsed = false;
  let cancelDeadline = (): void => undefined;
  const checkSignedIn = () => {
    if (conn.token === null && (!busy() || graceUsed)) {
      ws.close(WS_CLOSE_SIGN_IN_TIMEOUT, 'sign-in timeout');
      return;
    }
    graceUsed = conn.token === null;
    cancelDeadline = scheduler.after(signInTimeoutMs, checkSignedIn);
  };
  cancelDeadline = scheduler.after(signInTimeoutMs, checkSignedIn);
  ws.on('close', () => cancelDeadline());
}

/** Serves one WebSocket: each text frame is one call; events are pushed as they happen. */
export function serveSocket(ws: WebSocket, hub: HubPort, limits: SocketLimits, peer: SocketPeer): void {
  const { maxFrameBytes } = limits;
  const conn: Connection = {
    id: `ws-${randomUUID()}`,
    remoteAddress: peer.remoteAddress,
    token: null,
    push: (event, payload) => send({ t: 'event', event, payload }),
  };
  let warned = false;
  const warnOnce = (reason: string) => {
    if (warned) return;
    warned = true;
    peer.warn(`${conn.id} from ${peer.remoteAddress ?? '?'}: ${reason}`);
  };
  /** False (and the socket dropped) when the peer has stopped reading what it is sent. */
  function keepsUp(): boolean {
    if (ws.bufferedAmount <= limits.maxBufferedBytes) return true;
    warnOnce(`closed: ${ws.bufferedAmount} bytes unread by the client (limit ${limits.maxBufferedBytes})`);
    // A close frame would only queue behind the data this peer is not reading: drop the socket
    // now so its buffers are freed.
    ws.terminate();
    return false;
  }
  function send(frame: ServerFrame): void {
    if (ws.readyState === ws.OPEN && keepsUp()) ws.send(JSON.stringify(frame));
  }

  const detach = hub.attach(conn);
  ws.on('close', detach);
  // Protocol errors (bad opcode, RSV bits, unmasked or oversized frames, invalid UTF-8, bad close
  // codes): ws has already sent the matching close code (1002/1007/1009) and closes the socket.
  ws.on('error', (err: Error & { code?: string }) => warnOnce(`closed: ${err.message} (${err.code ?? 'error'})`));

  let inFlight = 0;
  watchSignIn(ws, conn, () => inFlight > 0, peer.scheduler ?? systemScheduler, limits.signInTimeoutMs ?? 30_000);

  const callEnded = () => {
    inFlight -= 1;
    if (inFlight < limits.maxCallsInFlight && ws.isPaused) ws.resume();
  };
  const callStarted = () => {
    inFlight += 1;
    if (inFlight >= limits.maxCallsInFlight && !ws.isPaused) ws.pause();
  };

  ws.on('message', (raw, isBinary) => {
    const buf = Buffer.isBuffer(raw) ? raw : Array.isArray(raw) ? Buffer.concat(raw) : Buffer.from(raw);
    const bytes = buf.byteLength;
    const text = isBinary ? '' : buf.toString('utf8');
    if (bytes > maxFrameBytes) {
      const id = ID_PREFIX.exec(text.slice(0, 64))?.[1];
      send({
        t: 'error',
        id: id ? Number(id) : null,
        error: apiError(
          'E_INVALID',
          `消息过大（${bytes} 字节，上限 ${maxFrameBytes}）`,
          `Frame too large (${bytes} bytes, limit ${maxFrameBytes})`,
        ).toBody(),
      });
      return;
    }
    if (isBinary) {
      send({ t: 'error', id: null, error: NOT_TEXT });
      return;
    }
    const frame = parseFrame(text);
    if (!('t' in frame)) {
      send({ t: 'error', id: null, error: frame });
      return;
    }
    callStarted();
    void hub
      .call(conn, frame.method, frame.input)
      .then(
        (result) => send({ t: 'result', id: frame.id, result }),
        (err: unknown) => {
          // The router answers every failure itself; this is a bug, but never a reason to stop the hub.
          console.error(`[web] ${frame.method} failed outside the router:`, err);
          const error = apiError('E_INTERNAL', '内部错误', 'Internal error').toBody();
          send({ t: 'result', id: frame.id, result: { ok: false, error } });
        },
      )
      .finally(callEnded);
  });
}
