import type {
  ApiResult,
  EventName,
  EventPayload,
  MethodInput,
  MethodName,
  MethodOutput,
} from '../../../common/contract';
import { WS_CLOSE_SIGN_IN_TIMEOUT, type ClientFrame, type ServerFrame } from '../../../common/contract/wire';
import { connectionError, type ApiCallError, type ClientErrorBody } from './errors';
import { Emitter, ObservableValue } from './observable';
import type { ConnectionState, TokenStore, Transport } from './types';

export interface WsTransportOptions {
  /** A call sent but unanswered this long fails instead of spinning forever. */
  callTimeoutMs?: number;
  /** A call waiting for the link this long fails, so the operator learns the hub is away. */
  queueTimeoutMs?: number;
  /** Reconnect delays: first retry, then doubling up to the cap. */
  retryBaseMs?: number;
  retryMaxMs?: number;
  /** For tests: a WebSocket constructor other than the global one. */
  createSocket?: (url: string) => WebSocket;
}

interface Pending {
  resolve: (result: ApiResult<unknown>) => void;
  reject: (error: ApiCallError) => void;
  timer: ReturnType<typeof setTimeout> | undefined;
}

interface Queued extends Pending {
  method: string;
  input: unknown;
}

/**
 * The WebSocket link to a hub (web shell or remote hub). It keeps one socket open forever:
 * calls made while it is (re)connecting wait in a queue; after every reconnect it re-binds the
 * saved session with auth.resume before releasing them, because the hub binds sessions per socket.
 */
export class WsTransport implements Transport {
  readonly connectionState = new ObservableValue<ConnectionState>('connecting');

  private readonly options: Required<Omit<WsTransportOptions, 'createSocket'>>;
  private readonly createSocket: (url: string) => WebSocket;
  private readonly sessionLost = new Emitter<ClientErrorBody>();
  private readonly listeners = new Map<string, Set<(payload: unknown) => void>>();
  private readonly inflight = new Map<number, Pending>();
  private queue: Queued[] = [];
  private socket: WebSocket | null = null;
  /** Open and, when a session exists, re-bound: calls may go straight out. */
  private ready = false;
  private everConnected = false;
  private attempt = 0;
  private nextId = 1;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private closed = false;

  constructor(
    private readonly url: string,
    private readonly tokens: TokenStore,
    options: WsTransportOptions = {},
  ) {
    this.options = {
      callTimeoutMs: options.callTimeoutMs ?? 30_000,
      queueTimeoutMs: options.queueTimeoutMs ?? 15_000,
      retryBaseMs: options.retryBaseMs ?? 500,
      retryMaxMs: options.retryMaxMs ?? 5_000,
    };
    this.createSocket = options.createSocket ?? ((u) => new WebSocket(u));
    window.addEventListener('online', this.retryNow);
    this.connect();
  }

  invoke<M extends MethodName>(method: M, input: MethodInput<M>): Promise<ApiResult<MethodOutput<M>>> {
    if (this.closed) return Promise.reject(connectionError('closed'));
    const socket = this.socket;
    if (this.ready && socket) return this.send(socket, method, input) as Promise<ApiResult<MethodOutput<M>>>;
    return new Promise<ApiResult<unknown>>((resolve, reject) => {
      const entry: Queued = { method, input, resolve, reject, timer: undefined };
      entry.timer = setTimeout(() => {
        this.queue = this.queue.filter((q) => q !== entry);
        reject(connectionError('unavailable'));
      }, this.options.queueTimeoutMs);
      this.queue.push(entry);
    }) as Promise<ApiResult<MethodOutput<M>>>;
  }

  subscribe<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
    let set = this.listeners.get(event);
    if (!set) {
      set = new Set();
      this.listeners.set(event, set);
    }
    const untyped = listener as (payload: unknown) => void;
    set.add(untyped);
    return () => {
      set.delete(untyped);
    };
  }

  onSessionLost(listener: (error: ClientErrorBody) => void): () => void {
    return this.sessionLost.on(listener);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    window.removeEventListener('online', this.retryNow);
    clearTimeout(this.retryTimer);
    const socket = this.socket;
    this.socket = null;
    this.ready = false;
    socket?.close();
    this.failInflight('closed');
    for (const q of this.queue.splice(0)) {
      clearTimeout(q.timer);
      q.reject(connectionError('closed'));
    }
    this.connectionState.set('disconnected');
  }

  private connect(): void {
    if (this.closed) return;
    let socket: WebSocket;
    try {
      socket = this.createSocket(this.url);
    } catch {
      this.scheduleReconnect();
      return;
    }
    this.socket = socket;
    socket.onopen = () => {
      void this.onOpen(socket);
    };
    socket.onmessage = (ev: MessageEvent) => {
      if (typeof ev.data === 'string') this.onFrame(ev.data);
    };
    socket.onclose = (ev: CloseEvent) => {
      this.onClose(socket, ev.code);
    };
    // A failed socket also fires close, which is where recovery happens.
    socket.onerror = null;
  }

  private async onOpen(socket: WebSocket): Promise<void> {
    this.attempt = 0;
    const token = this.tokens.get();
    // On the first connect the app resumes itself (it needs the user); afterwards we must.
    if (this.everConnected && token) {
      this.connectionState.set('connecting');
      let result: ApiResult<unknown>;
      try {
        result = await this.send(socket, 'auth.resume', { token });
      } catch {
        return; // The socket dropped during resume; onClose schedules the next attempt.
      }
      if (socket !== this.socket) return;
      if (result.ok) {
        const grant = result.value as MethodOutput<'auth.resume'>;
        this.tokens.set(grant.token);
      } else if (result.error.code === 'E_UNAUTHENTICATED') {
        this.tokens.clear();
        this.sessionLost.emit(result.error);
      }
      // Any other refusal: release the queue anyway; each call then reports its own error.
    }
    if (socket !== this.socket) return;
    this.everConnected = true;
    this.ready = true;
    this.connectionState.set('connected');
    for (const q of this.queue.splice(0)) {
      clearTimeout(q.timer);
      this.send(socket, q.method, q.input).then(q.resolve, q.reject);
    }
  }

  private onClose(socket: WebSocket, code: number): void {
    if (socket !== this.socket) return;
    this.socket = null;
    this.ready = false;
    this.failInflight('dropped');
    if (this.closed) return;
    if (code === WS_CLOSE_SIGN_IN_TIMEOUT) {
      // The hub closes sockets that stay without a session (the sign-in page left open): the hub
      // is there, so open a new socket at once; only if that fails is the link reported lost.
      this.connect();
      return;
    }
    this.connectionState.set('disconnected');
    this.scheduleReconnect();
  }

  private readonly retryNow = (): void => {
    if (this.closed || this.socket) return;
    clearTimeout(this.retryTimer);
    this.connect();
  };

  private scheduleReconnect(): void {
    const { retryBaseMs, retryMaxMs } = this.options;
    const backoff = Math.min(retryMaxMs, retryBaseMs * 2 ** this.attempt);
    // Jitter so a hub restart is not met by every console in the same millisecond.
    const delay = Math.min(retryMaxMs, backoff * (0.8 + Math.random() * 0.4));
    this.attempt += 1;
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => {
      this.connect();
    }, delay);
  }

  private send(socket: WebSocket, method: string, input: unknown): Promise<ApiResult<unknown>> {
    const id = this.nextId++;
    const frame: ClientFrame = { t: 'call', id, method, input };
    return new Promise<ApiResult<unknown>>((resolve, reject) => {
      const pending: Pending = { resolve, reject, timer: undefined };
      pending.timer = setTimeout(() => {
        this.inflight.delete(id);
        reject(connectionError('timeout'));
      }, this.options.callTimeoutMs);
      this.inflight.set(id, pending);
      try {
        socket.send(JSON.stringify(frame));
      } catch {
        this.inflight.delete(id);
        clearTimeout(pending.timer);
        reject(connectionError('dropped'));
      }
    });
  }

  private onFrame(data: string): void {
    let frame: ServerFrame;
    try {
      frame = JSON.parse(data) as ServerFrame;
    } catch {
      console.warn('cityops: unreadable frame from hub');
      return;
    }
    switch (frame.t) {
      case 'result':
        this.settle(frame.id, frame.result);
        break;
      case 'error':
        if (frame.id !== null && this.inflight.has(frame.id)) {
          this.settle(frame.id, { ok: false, error: frame.error });
        } else {
          console.warn('cityops: hub reported an error', frame.error);
        }
        break;
      case 'event':
        for (const listener of [...(this.listeners.get(frame.event) ?? [])]) {
          try {
            listener(frame.payload);
          } catch (error) {
            console.error('cityops: event listener failed', frame.event, error);
          }
        }
        break;
    }
  }

  private settle(id: number, result: ApiResult<unknown>): void {
    const pending = this.inflight.get(id);
    if (!pending) return; // Timed out already; the late answer has no one waiting.
    this.inflight.delete(id);
    clearTimeout(pending.timer);
    pending.resolve(result);
  }

  private failInflight(failure: 'dropped' | 'closed'): void {
    const pending = [...this.inflight.values()];
    this.inflight.clear();
    for (const p of pending) {
      clearTimeout(p.timer);
      p.reject(connectionError(failure));
    }
  }
}

/** ws(s)://<this page's host>/api/ws — the hub serves the page and the API on one origin. */
export function sameOriginWsUrl(path: string, location: Location = window.location): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}${path}`;
}
