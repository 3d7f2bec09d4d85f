import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The proxied URIs a rewritten playlist hands the console: `<path and query, base64url>.<mac>`,
 * the MAC binding them to the stream's scope with the hub's media key. A console can only fetch
 * what the upstream's own playlists named — not any path of the camera's server (which the hub
 * would fetch with the camera's credentials).
 */

const MAC_BYTES = 16;
const REF = /^([A-Za-z0-9_-]{1,3000})\.([A-Za-z0-9_-]{22})$/;

function mac(key: Buffer, scope: string, target: string): Buffer {
  return createHmac('sha256', key).update(`cityops hls-proxy/1 ${scope}\n${target}`).digest().subarray(0, MAC_BYTES);
}

/** `target`: the path and query of an upstream URL on the stream's origin. */
export function signRef(key: Buffer, scope: string, target: string): string {
  return `${Buffer.from(target, 'utf8').toString('base64url')}.${mac(key, scope, target).toString('base64url')}`;
}

/** The path and query a ref names, when its MAC is right for `scope`; null otherwise. */
export function verifyRef(key: Buffer, scope: string, ref: string): string | null {
  const [, body, sig] = REF.exec(ref) ?? [];
  if (!body || !sig) return null;
  const target = Buffer.from(body, 'base64url').toString('utf8');
  const given = Buffer.from(sig, 'base64url');
  const expected = mac(key, scope, target);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return target.startsWith('/') ? target : null;
}
