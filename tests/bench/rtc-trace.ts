/**
 * `bench:rtc -- --trace`: where a tile's first frame goes (WebRTC first frame). Installed
 * with addInitScript (serialised: nothing from outside this function). Records, from the
 * `bench:show` event, every hub call the page sends over its WebSocket and when its answer came,
 * the page's SDP steps (RTCPeerConnection), and each tile's first frame; `printTrace` prints the per-method timings and the frame times.
 */

export interface TraceCall {
  method: string;
  sentMs: number;
  answeredMs: number | null;
}

export interface RtcTrace {
  shownAt: number;
  calls: TraceCall[];
}

export function installRtcTrace(): void {
  const trace: RtcTrace = { shownAt: 0, calls: [] };
  (window as unknown as { benchTrace: RtcTrace }).benchTrace = trace;
  window.addEventListener('bench:show', () => {
    trace.shownAt = performance.now();
    trace.calls = [];
  });
  // The browser's own SDP steps (mediasoup-client renegotiates for every batch of consumers).
  if (typeof RTCPeerConnection !== 'undefined') {
    const proto = RTCPeerConnection.prototype as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
    for (const name of ['setRemoteDescription', 'createAnswer', 'setLocalDescription']) {
      const original = proto[name];
      if (!original) continue;
      proto[name] = function (this: RTCPeerConnection, ...args: unknown[]) {
        const call: TraceCall | null =
          trace.shownAt > 0
            ? { method: `pc.${name}`, sentMs: performance.now() - trace.shownAt, answeredMs: null }
            : null;
        if (call) trace.calls.push(call);
        const done = () => {
          if (call) call.answeredMs = performance.now() - trace.shownAt;
        };
        const result = original.apply(this, args);
        result.then(done, done);
        return result;
      };
    }
  }
  const byId = new Map<number, TraceCall>();
  // eslint-disable-next-line @typescript-eslint/unbound-method -- called below with the socket as `this`
  const send = WebSocket.prototype.send;
  WebSocket.prototype.send = function (this: WebSocket, data: Parameters<WebSocket['send']>[0]) {
    if (trace.shownAt > 0 && typeof data === 'string') {
      try {
        const frame = JSON.parse(data) as { t?: string; id?: number; method?: string };
        if (frame.t === 'call' && typeof frame.id === 'number' && frame.method) {
          const call: TraceCall = { method: frame.method, sentMs: performance.now() - trace.shownAt, answeredMs: null };
          byId.set(frame.id, call);
          trace.calls.push(call);
        }
      } catch {
        // not ours
      }
      if (!(this as unknown as { benchTraced?: boolean }).benchTraced) {
        (this as unknown as { benchTraced?: boolean }).benchTraced = true;
        this.addEventListener('message', (event: MessageEvent) => {
          if (typeof event.data !== 'string') return;
          try {
            const frame = JSON.parse(event.data) as { t?: string; id?: number };
            const call = typeof frame.id === 'number' ? byId.get(frame.id) : undefined;
            if (call && call.answeredMs === null) call.answeredMs = performance.now() - trace.shownAt;
          } catch {
            // not ours
          }
        });
      }
    }
    return send.call(this, data);
  };
}

const ms = (n: number): string => `${Math.round(n)}`.padStart(5);

/** One line per method: how many, first sent, last answered, and the round trips' median. */
export function printTrace(label: string, trace: RtcTrace, firstFrames: number[]): void {
  const methods = new Map<string, TraceCall[]>();
  for (const call of trace.calls) methods.set(call.method, [...(methods.get(call.method) ?? []), call]);
  console.log(`\n  trace — ${label} (ms from the click on the view)`);
  for (const [method, calls] of methods) {
    const answered = calls.flatMap((c) => (c.answeredMs === null ? [] : [c.answeredMs]));
    const trips = calls.flatMap((c) => (c.answeredMs === null ? [] : [c.answeredMs - c.sentMs])).sort((a, b) => a - b);
    console.log(
      `    ${method.padEnd(28)} ×${String(calls.length).padStart(2)}  sent ${ms(Math.min(...calls.map((c) => c.sentMs)))}` +
        `–${ms(Math.max(...calls.map((c) => c.sentMs)))}  answered by ${answered.length ? ms(Math.max(...answered)) : '    —'}` +
        `  round trip p50 ${trips.length ? ms(trips[Math.floor(trips.length / 2)] ?? 0) : '    —'}`,
    );
  }
  const frames = [...firstFrames].sort((a, b) => a - b);
  console.log(`    first frames: ${frames.map((f) => Math.round(f)).join(' ')}`);
}
