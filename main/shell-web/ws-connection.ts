import { randomUUID } from 'node:crypto';
import type { WebSocket } from 'ws';
import { apiError, type ApiErrorBody } from '../../common/contract';
import type { ClientFrame, ServerFrame } from '../../common/contract/wire';
import type { Connection } from '../api/connection';
import type { HubPort } from '../hub-types';

// Enough of a frame's start to answer an oversize call under its own id.
const ID_PREFIX = /^\s*\{\s*"t"\s*:\s*"call"\s*,\s*"id"\s*:\s*(\d{1,15})\b/;

function parseFrame(text: string): ClientFrame | ApiErrorBody {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return apiError('E_INVALID', '消息不是有效的 JSON', 'Frame is not valid JSON').toBody();
  }
  if (
    typeof data !== 'object' ||
    data === null ||
    (data as { t?: unknown }).t !== 'call' ||
    !Number.isSafeInteger((data as { id?: unknown }).id) ||
    typeof (data as { method?: unknown }).method !== 'string'
  ) {
    return apiError(
      'E_INVALID',
      '消息格式应为 {t:"call", id, method, input}',
      'Frame must be {t:"call", id, method, input}',
    ).toBody();
  }
  return data as ClientFrame;
}

/** Serves one WebSocket: each text frame is one call; events are pushed as they happen. */
export function serveSocket(ws: WebSocket, hub: HubPort, maxFrameBytes: number, remoteAddress?: string): void {
  const send = (frame: ServerFrame) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(frame));
  };
  const conn: Connection = {
    id: `ws-${randomUUID()}`,
    remoteAddress,
    token: null,
    push: (event, payload) => send({ t: 'event', event, payload }),
  };
  const detach = hub.attach(conn);
  ws.on('close', detach);
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
      send({
        t: 'error',
        id: null,
        error: apiError('E_INVALID', '只接受文本消息', 'Only text frames are accepted').toBody(),
      });
      return;
    }
    const frame = parseFrame(text);
    if (!('t' in frame)) {
      send({ t: 'error', id: null, error: frame });
      return;
    }
    void hub.call(conn, frame.method, frame.input).then((result) => send({ t: 'result', id: frame.id, result }));
  });
}
