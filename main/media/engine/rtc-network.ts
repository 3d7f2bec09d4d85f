import net from 'node:net';
import os from 'node:os';

/**
 * Where WebRTC media reaches the hub, for both engines: a UDP port range a
 * firewall can open, the addresses announced to consoles (a hub behind NAT, or one with several
 * interfaces), and ICE over TCP for networks that drop UDP.
 */
export interface RtcNetwork {
  /** UDP (and, with `tcp`, TCP) ports for consoles' media, inclusive; any free port when absent. */
  portRange?: [number, number];
  /** Addresses put in the ICE candidates; empty: this machine's IPv4 interfaces and 127.0.0.1. */
  announcedAddresses: string[];
  /** Also offer ICE-TCP (passive) candidates on a port from the same range. */
  tcp: boolean;
}

/**
 * The fewest ports a range may hold: each console window's transport takes one per announced address
 * (the embedded engine one in all), plus one while a window replaces its transport.
 */
export const MIN_RTC_PORTS = 16;

export class RtcNetworkError extends Error {}

/** "40000-40199" → [40000, 40199]; `source` names the flag or variable in the error. */
export function parsePortRange(source: string, raw: string): [number, number] {
  const m = /^\s*(\d{1,5})\s*-\s*(\d{1,5})\s*$/.exec(raw);
  if (!m) throw new RtcNetworkError(`${source}: "${raw}" is not a port range such as 40000-40199`);
  const min = Number(m[1]);
  const max = Number(m[2]);
  if (min < 1024 || max > 65535) {
    throw new RtcNetworkError(`${source}: ports must lie between 1024 and 65535, got ${raw}`);
  }
  if (min > max) throw new RtcNetworkError(`${source}: the range ${raw} is reversed (write ${max}-${min})`);
  if (max - min + 1 < MIN_RTC_PORTS) {
    throw new RtcNetworkError(
      `${source}: ${raw} holds ${max - min + 1} ports; at least ${MIN_RTC_PORTS} are needed (one per console window and announced address)`,
    );
  }
  return [min, max];
}

/** IP addresses only: a browser resolves no host names in ICE candidates. */
export function parseAnnounced(source: string, values: readonly string[]): string[] {
  return values.map((value) => {
    if (net.isIP(value) === 0 || value === '0.0.0.0' || value === '::') {
      throw new RtcNetworkError(
        `${source}: "${value}" is not an IP address consoles can reach, such as 10.0.0.5 or 203.0.113.7`,
      );
    }
    return value;
  });
}

/** The addresses announced when none are configured: every IPv4 interface, loopback first. */
export function defaultAnnouncedAddresses(
  interfaces: NodeJS.Dict<os.NetworkInterfaceInfo[]> = os.networkInterfaces(),
): string[] {
  const found = Object.values(interfaces)
    .flatMap((list) => list ?? [])
    .filter((i) => i.family === 'IPv4' && !i.internal)
    .map((i) => i.address);
  return [...new Set(['127.0.0.1', ...found])];
}

/** The configured addresses, or the default ones. */
export function announcedAddresses(network: RtcNetwork | undefined): string[] {
  return network && network.announcedAddresses.length > 0
    ? [...network.announcedAddresses]
    : defaultAnnouncedAddresses();
}

/** One line for the hub's log: what consoles on other machines need to reach. */
export function describeRtcNetwork(network: RtcNetwork): string {
  const ports = network.portRange ? `ports ${network.portRange[0]}-${network.portRange[1]}` : 'any port';
  const protocols = network.tcp ? 'UDP + TCP' : 'UDP';
  const addresses = announcedAddresses(network).join(', ');
  return `${protocols}, ${ports}, announced ${addresses}${network.announcedAddresses.length > 0 ? '' : ' (this machine)'}`;
}
