/**
 * Which upstream URLs the hub's HLS proxy may fetch (docs/architecture.md#security-posture): only http and
 * https, and only the origin (scheme, host, port) of the URL the administrator registered for the
 * camera. Everything a playlist or a redirect names is resolved against the URL it came from and
 * checked again, so the proxy is never an open proxy: no other host, no userinfo tricks
 * (`http://cam@evil/`), no file: or data:.
 */

export interface Upstream {
  /** The registered URL without its credentials and fragment. */
  url: URL;
  /** Its origin, as URL.origin normalises it (case, default port, punycode). */
  origin: string;
  /** `Basic …` from the registered URL's user and password; null when it has none. */
  authorization: string | null;
}

const WEB = new Set(['http:', 'https:']);

function decoded(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

/** The upstream of a registered stream URL, or null when it is not an http(s) URL. */
export function upstreamOf(registered: string): Upstream | null {
  let url: URL;
  try {
    url = new URL(registered);
  } catch {
    return null;
  }
  if (!WEB.has(url.protocol) || url.hostname === '') return null;
  const authorization =
    url.username || url.password
      ? `Basic ${Buffer.from(`${decoded(url.username)}:${decoded(url.password)}`, 'utf8').toString('base64')}`
      : null;
  url.username = '';
  url.password = '';
  url.hash = '';
  return { url, origin: url.origin, authorization };
}

function hasControl(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) if (text.charCodeAt(i) < 0x20 || text.charCodeAt(i) === 0x7f) return true;
  return false;
}

/**
 * `ref` (a playlist URI or a redirect's Location) resolved against `base`, when it stays on
 * `origin` and names no credentials of its own; null otherwise.
 */
export function resolveOnOrigin(origin: string, base: URL, ref: string): URL | null {
  // Control characters (a line break smuggled into a URI) are never part of a good one.
  if (ref.length > 4096 || hasControl(ref)) return null;
  let url: URL;
  try {
    url = new URL(ref, base);
  } catch {
    return null;
  }
  if (!WEB.has(url.protocol) || url.username !== '' || url.password !== '') return null;
  if (url.origin !== origin) return null;
  url.hash = '';
  return url;
}
