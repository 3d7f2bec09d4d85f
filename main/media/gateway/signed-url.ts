import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Signed media paths (docs/wall-player.md#the-camera-gateway-hub-side): a console's player cannot send the session
 * token with each playlist and segment request, so `media.open` answers a path that carries its own
 * authorisation:
 *
 *   /media/s/<token>/<scope>/<file>      scope = demo/<key>/<stream> | live/<cameraId>/<stream>
 *
 * The token names the session (the hash of its token — never the token: the hash opens nothing, the
 * sessions table is looked up by hashing a presented token), the one camera stream it is good for,
 * and an expiry; an HMAC with the hub's media key (hub-keys.ts) binds them. Each request also checks
 * that the session is still live, so signing out or a disabled account ends playback at the next
 * segment. Relative URIs in playlists inherit the token path.
 */

export const SIGNED_MEDIA_BASE = '/media/s';

export interface MediaGrant {
  /** sessions.token_hash of the session the path was handed to. */
  session: string;
  /** `demo/<key>/<stream>` or `live/<cameraId>/<stream>` (cameraId percent-encoded). */
  scope: string;
  /** Epoch ms after which the path is refused. */
  expiresAt: number;
}

const MAC_BYTES = 16;

function mac(key: Buffer, body: string): Buffer {
  return createHmac('sha256', key).update(`cityops media/1 ${body}`).digest().subarray(0, MAC_BYTES);
}

export function signMediaToken(key: Buffer, grant: MediaGrant): string {
  const body = Buffer.from(JSON.stringify({ s: grant.session, p: grant.scope, e: grant.expiresAt })).toString(
    'base64url',
  );
  return `${body}.${mac(key, body).toString('base64url')}`;
}

/** The grant in a token if its MAC is right and it has not expired; null otherwise. */
export function verifyMediaToken(key: Buffer, token: string, now: number): MediaGrant | null {
  if (token.length > 1024) return null;
  const [body, sig, extra] = token.split('.');
  if (body === undefined || sig === undefined || extra !== undefined) return null;
  if (!/^[A-Za-z0-9_-]+$/.test(body) || !/^[A-Za-z0-9_-]+$/.test(sig)) return null;
  const given = Buffer.from(sig, 'base64url');
  const expected = mac(key, body);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  const { s, p, e } = parsed as Record<string, unknown>;
  if (typeof s !== 'string' || typeof p !== 'string' || typeof e !== 'number') return null;
  if (!(e > now)) return null;
  return { session: s, scope: p, expiresAt: e };
}

/** The scope of a camera stream's live HLS from the gateway. */
export function liveScope(cameraId: string, stream: string): string {
  return `live/${encodeURIComponent(cameraId)}/${stream}`;
}

/** The scope of an HLS camera on another server, played through the hub's proxy (hls-proxy/). */
export function extScope(cameraId: string, stream: string): string {
  return `ext/${encodeURIComponent(cameraId)}/${stream}`;
}

export function demoScope(key: string, stream: string): string {
  return `demo/${key}/${stream}`;
}

/** The signed path of a file in a scope (the playlist by default). */
export function signedMediaPath(token: string, scope: string, file = 'index.m3u8'): string {
  return `${SIGNED_MEDIA_BASE}/${token}/${scope}/${file}`;
}
