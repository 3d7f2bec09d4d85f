import { resolveOnOrigin } from './origin';

/**
 * Rewrites an upstream playlist so every URI in it (segment and playlist lines, and URI="…" in
 * tags such as EXT-X-MAP, EXT-X-KEY, EXT-X-MEDIA, EXT-X-PART) becomes a signed proxied ref, which
 * the console resolves next to the playlist's own proxied path. A URI that leaves the camera's
 * origin makes the whole playlist refused (null): the proxy fetches from that origin only.
 */
export function rewritePlaylist(
  text: string,
  playlistUrl: URL,
  origin: string,
  sign: (pathAndQuery: string) => string,
): string | null {
  const found = { offOrigin: false };
  const proxied = (uri: string): string => {
    const url = resolveOnOrigin(origin, playlistUrl, uri.trim());
    if (!url) {
      found.offOrigin = true;
      return '';
    }
    return sign(`${url.pathname}${url.search}`);
  };
  const lines = text.split(/\r?\n/).map((line) => {
    if (line.startsWith('#')) return line.replace(/URI="([^"]*)"/g, (_all, uri: string) => `URI="${proxied(uri)}"`);
    return line.trim() === '' ? line : proxied(line);
  });
  return found.offOrigin ? null : lines.join('\n');
}

/** The body looks like a playlist (it starts with #EXTM3U, after an optional BOM and spaces). */
export function isPlaylist(body: Buffer): boolean {
  return /^\uFEFF?\s*#EXTM3U/.test(body.subarray(0, 64).toString('utf8'));
}
