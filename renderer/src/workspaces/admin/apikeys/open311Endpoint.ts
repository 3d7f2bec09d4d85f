/** Where the web shell serves Open311 (main/shell-web/open311-routes.ts: OPEN311_BASE). */
export const OPEN311_PATH = '/open311/v2/';

/**
 * The Open311 base URL as clients reach it, when this page came from the web shell itself (same
 * origin). Under the desktop console's app:// scheme there is no HTTP origin to show: null.
 */
export function open311BaseUrl(location: Pick<Location, 'protocol' | 'origin'> = window.location): string | null {
  if (location.protocol !== 'http:' && location.protocol !== 'https:') return null;
  return `${location.origin}${OPEN311_PATH}`;
}
