import type { ApiErrorBody, ApiResult } from './errors';

/**
 * Frames of the WebSocket transport (web shell, remote hub). Electron IPC carries the same
 * call/result pairs without the envelope.
 */
export type ClientFrame = { t: 'call'; id: number; method: string; input: unknown };

export type ServerFrame =
  | { t: 'result'; id: number; result: ApiResult<unknown> }
  | { t: 'event'; event: string; payload: unknown }
  /** A frame the server could not attribute to a call (malformed, oversize without an id). */
  | { t: 'error'; id: number | null; error: ApiErrorBody };

export const WS_PATH = '/api/ws';
/** Default limit for one client frame; oversize frames get E_INVALID and the socket stays open. */
export const DEFAULT_MAX_FRAME_BYTES = 1024 * 1024;
/**
 * Close code of a WebSocket that stayed without a session past the hub's sign-in deadline
 * (private-use range). The client reconnects at once without reporting the link as lost.
 */
export const WS_CLOSE_SIGN_IN_TIMEOUT = 4001;
