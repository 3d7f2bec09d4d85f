/**
 * The console's own origin. The renderer is served from `app://console/` (see protocol.ts);
 * navigation, permissions and IPC are allowed for this origin and nothing else.
 * No `electron` import here, so the rule can be read (and reused) without the runtime.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'console';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** What the console window loads. */
export const APP_START_URL = `${APP_ORIGIN}/`;

/**
 * True when `url` parses to our scheme and host. Compared by protocol and host (not `origin`,
 * which the WHATWG parser reports as "null" for non-special schemes such as `app:`).
 */
export function isAppUrl(url: string | null | undefined): boolean {
  if (typeof url !== 'string' || url === '') return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.host.toLowerCase() === APP_HOST &&
    parsed.username === '' &&
    parsed.password === ''
  );
}
