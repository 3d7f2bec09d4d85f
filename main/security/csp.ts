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
