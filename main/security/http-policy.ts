import path from 'node:path';

/**
 * What both shells (main/shell-web on HTTP, main/shell-electron on app://) say about what they
 * serve: one Content-Security-Policy and one table of file types, so the two cannot drift apart.
 */

/**
 * The headers both shells put on every answer: the console's Content-Security-Policy and the
 * headers that keep other pages from framing it, sniffing its files or learning its URLs.
 *
 * One policy for both: `connect-src 'self'` lets the web shell's page open its API socket on its
 * own origin (CSP Level 3 matches ws:/wss: against an http:/https: 'self'; checked in Chromium),
 * and the Electron window talks to the hub over IPC, never over the network.
 */
export function securityHeaders(): Record<string, string> {
  const headers: Record<string, string> = {};
  // Kept as one literal so static checkers (electronegativity's CSP check) can read and grade it.
  headers['Content-Security-Policy'] =
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; media-src 'self' blob: data:; connect-src 'self'; font-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";
  headers['X-Content-Type-Options'] = 'nosniff';
  headers['Referrer-Policy'] = 'no-referrer';
  // For browsers that predate frame-ancestors.
  headers['X-Frame-Options'] = 'DENY';
  return headers;
}

/** File types of what the shells serve (the built renderer, demo media); anything else is octet-stream. */
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
  '.m3u8': 'application/vnd.apple.mpegurl',
  '.ts': 'video/mp2t',
};

/** The Content-Type for a file, by its extension (case-insensitive). */
export function contentTypeFor(filePath: string): string {
  return CONTENT_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}
