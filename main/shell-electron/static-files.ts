import path from 'node:path';
import { securityHeaders as sharedSecurityHeaders } from '../security/http-policy';

/**
 * Pure path and header rules for serving the built renderer over `app://console/`.
 * Kept free of `electron` so the path-traversal rules stay small and easy to check.
 */

/** Strict CSP on every response. antd's CSS-in-JS needs inline styles; nothing else is inline. */
export function securityHeaders(contentType: string): Record<string, string> {
  // The policy is shared with the web shell (main/security/http-policy.ts, also scanned by electronegativity).
  const headers: Record<string, string> = { 'Content-Type': contentType, ...sharedSecurityHeaders() };
  headers['Cross-Origin-Opener-Policy'] = 'same-origin';
  headers['Cross-Origin-Resource-Policy'] = 'same-origin';
  headers['Cache-Control'] = 'no-cache';
  return headers;
}

export type StaticTarget =
  /** A file path inside the root (it may not exist); `route` is true for extension-less paths. */
  | { kind: 'path'; filePath: string; route: boolean }
  /** Undecodable, NUL/backslash-bearing or escaping paths. */
  | { kind: 'bad-request' };

/**
 * Map a URL pathname (still percent-encoded, as `new URL().pathname` gives it) to a file under
 * `rootDir`. Never returns a path outside `rootDir`. `/` maps to `index.html`.
 */
export function resolveStaticPath(rootDir: string, pathname: string): StaticTarget {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return { kind: 'bad-request' };
  }
  // Backslashes are separators on Windows and never appear in our built asset names.
  if (decoded.includes('\0') || decoded.includes('\\')) return { kind: 'bad-request' };
  // Normalizing against "/" collapses every "..": the result cannot climb above the root.
  const normalized = path.posix.normalize(`/${decoded}`);
  const relative = normalized.replace(/^\/+/, '');
  const root = path.resolve(rootDir);
  const filePath = path.resolve(root, relative === '' ? 'index.html' : relative);
  if (!isInside(root, filePath)) return { kind: 'bad-request' };
  return { kind: 'path', filePath, route: relative !== '' && path.posix.extname(normalized) === '' };
}

/** True when `candidate` is `root` itself or below it (both absolute). */
export function isInside(root: string, candidate: string): boolean {
  const rel = path.relative(root, candidate);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
}
