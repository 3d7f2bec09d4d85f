import os from 'node:os';

/**
 * Which `Host` and `Origin` headers the web shell answers.
 *
 * Host (every request): a DNS-rebinding page reaches the hub under the attacker's own name, so the
 * hub answers only names it is known by — the loopback names and the listening address on the
 * listening port, this machine's own addresses when it listens on every interface, and the names
 * an administrator configures (any port, for a reverse proxy in front of the hub).
 *
 * Origin (WebSocket upgrade): browsers send it on every WebSocket, so a foreign page is refused
 * before the socket opens. Accepted: the console's own pages (an origin whose host passes the Host
 * rule) and the origins an administrator configures. A request without Origin comes from a program
 * (our tests, scripts), never from a web page — a page cannot leave it out — and is accepted.
 */
export interface AccessPolicyOptions {
  /** The address the server listens on (--host). */
  listenHost: string;
  /** Extra host names, lower case, without port (--allowed-host). */
  allowedHosts?: readonly string[];
  /** Extra origins, as `new URL(x).origin` gives them (--allowed-origin). */
  allowedOrigins?: readonly string[];
}

export interface AccessPolicy {
  /** `host` is the Host header; `port` the port the server listens on. */
  hostAllowed(host: string | undefined, port: number): boolean;
  originAllowed(origin: string | undefined, port: number): boolean;
}

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'];
const WILDCARDS = new Set(['0.0.0.0', '::', '[::]']);

/** IPv6 literals appear bracketed in Host headers and URLs. */
function bracketed(host: string): string {
  const lower = host.toLowerCase();
  return lower.includes(':') && !lower.startsWith('[') ? `[${lower}]` : lower;
}

/** Splits a Host header into its name and port (80 when absent); null when malformed. */
export function parseHostHeader(host: string): { name: string; port: number } | null {
  const match = /^(\[[0-9a-f:.]+\]|[^[\]:/@\s]+)(?::(\d{1,5}))?$/i.exec(host);
  if (!match?.[1]) return null;
  const port = match[2] === undefined ? 80 : Number(match[2]);
  if (port < 1 || port > 65535) return null;
  return { name: match[1].toLowerCase(), port };
}

/** This machine's addresses, for a hub listening on every interface. */
function ownAddresses(): Set<string> {
  const names = new Set<string>();
  for (const list of Object.values(os.networkInterfaces())) {
    for (const info of list ?? []) names.add(bracketed(info.address.replace(/%.*$/, '')));
  }
  return names;
}

export function createAccessPolicy(options: AccessPolicyOptions): AccessPolicy {
  const listen = bracketed(options.listenHost);
  const onPort = new Set([...LOOPBACK_NAMES, listen]);
  const anyPort = new Set((options.allowedHosts ?? []).map(bracketed));
  const origins = new Set(options.allowedOrigins ?? []);

  const nameAndPortAllowed = (name: string, hostPort: number, port: number): boolean => {
    if (anyPort.has(name)) return true;
    if (hostPort !== port) return false;
    // Read at request time: an address handed out after start-up (DHCP) still counts.
    return onPort.has(name) || (WILDCARDS.has(listen) && ownAddresses().has(name));
  };

  return {
    hostAllowed(host, port) {
      const parsed = host === undefined ? null : parseHostHeader(host);
      return parsed !== null && nameAndPortAllowed(parsed.name, parsed.port, port);
    },
    originAllowed(origin, port) {
      if (origin === undefined) return true;
      if (origins.has(origin)) return true;
      let url: URL;
      try {
        url = new URL(origin);
      } catch {
        return false; // 'null' (sandboxed frames, file:) and anything else that is not an origin
      }
      if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
      const hostPort = url.port === '' ? (url.protocol === 'https:' ? 443 : 80) : Number(url.port);
      return nameAndPortAllowed(url.hostname.toLowerCase(), hostPort, port);
    },
  };
}
