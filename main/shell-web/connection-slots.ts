/**
 * How many WebSockets the web shell holds open: per remote address and in total. Each open socket
 * costs a file descriptor and buffers, so a hostile page or program opening thousands must be
 * refused at the upgrade, before ws allocates anything (docs/architecture.md#security-posture).
 */
export interface ConnectionSlotOptions {
  /** Open WebSockets from one address (a control-room seat opens a console and a few wall windows). */
  maxPerAddress: number;
  /** Open WebSockets from everyone. */
  maxTotal: number;
  now: () => number;
  /** One line per address per minute at most: a client retrying in a loop must not flood the log. */
  warn: (message: string) => void;
}

export interface ConnectionSlots {
  /** A slot for a new WebSocket from `address`: its release function (idempotent), or null when full. */
  take(address: string): (() => void) | null;
  /** Open sockets (for tests and diagnostics). */
  readonly total: number;
}

const WARN_INTERVAL_MS = 60_000;
/** Addresses remembered for log rate-limiting; past this old entries are dropped (bounded memory). */
const MAX_WARNED = 1_000;

/** `::ffff:10.0.0.5` (IPv4 on a dual-stack socket) and `10.0.0.5` are one client. */
export function addressKey(remoteAddress: string | undefined): string {
  if (remoteAddress === undefined || remoteAddress === '') return '?';
  return remoteAddress.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '').toLowerCase();
}

export function createConnectionSlots(options: ConnectionSlotOptions): ConnectionSlots {
  const open = new Map<string, number>();
  let total = 0;
  /** Per address (or '*' for the total): when its last line was written and refusals since. */
  const warned = new Map<string, { at: number; refused: number }>();

  function refused(key: string, line: string): null {
    const now = options.now();
    const entry = warned.get(key);
    if (entry && now - entry.at < WARN_INTERVAL_MS) {
      entry.refused += 1;
      return null;
    }
    if (warned.size >= MAX_WARNED) {
      for (const [k, e] of warned) if (now - e.at >= WARN_INTERVAL_MS) warned.delete(k);
      // Still full: every entry is recent, so this is a flood from many addresses; the total-cap
      // line (key '*') already reports it.
      if (warned.size >= MAX_WARNED && key !== '*') return null;
    }
    const more = entry && entry.refused > 0 ? `; ${entry.refused} more refused since the last line` : '';
    warned.set(key, { at: now, refused: 0 });
    options.warn(`${line}${more}`);
    return null;
  }

  return {
    get total() {
      return total;
    },
    take(address) {
      const key = addressKey(address);
      const mine = open.get(key) ?? 0;
      if (mine >= options.maxPerAddress) {
        return refused(
          key,
          `refused a WebSocket from ${key}: ${mine} already open from this address (limit ${options.maxPerAddress}, see --ws-max-per-address)`,
        );
      }
      if (total >= options.maxTotal) {
        return refused(
          '*',
          `refused a WebSocket from ${key}: ${total} already open in total (limit ${options.maxTotal}, see --ws-max-total)`,
        );
      }
      open.set(key, mine + 1);
      total += 1;
      let released = false;
      return () => {
        if (released) return;
        released = true;
        total -= 1;
        const left = (open.get(key) ?? 1) - 1;
        if (left > 0) open.set(key, left);
        else open.delete(key);
      };
    },
  };
}
