import type { Readable } from 'node:stream';

/**
 * A request body read by the route that wants it, never more than it allows. The web shell leaves
 * every body unread (server.ts); Open311's POST and the test clock read theirs here.
 */
export type BoundedBody = { kind: 'ok'; data: Buffer } | { kind: 'too_large' };

/**
 * Reads `stream` up to `limit` bytes. A larger body is read on (and dropped) up to `drainLimit`, so
 * the client, still sending, gets to read the refusal; past that, or declared past it, reading stops
 * at once and the refusal is answered.
 */
export function readBoundedBody(
  stream: Readable,
  declaredLength: string | undefined,
  limit: number,
  drainLimit: number,
): Promise<BoundedBody> {
  const declared = Number(declaredLength ?? NaN);
  if (Number.isFinite(declared) && declared > drainLimit) return Promise.resolve({ kind: 'too_large' });
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
      else if (size > drainLimit) {
        stream.removeAllListeners('data');
        stream.pause();
        resolve({ kind: 'too_large' });
      }
    });
    stream.on('end', () => resolve(size > limit ? { kind: 'too_large' } : { kind: 'ok', data: Buffer.concat(chunks) }));
    stream.on('error', reject);
  });
}
