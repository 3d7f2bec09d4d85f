import { CLOCK_TOLERANCE_MS, type ClockWarning, type ConsoleClock, type HubClockJump } from '../../../common/contract';

/** How many of the hub's clock jumps are kept for the administrators' status (the newest). */
const KEPT_JUMPS = 20;

export interface ClockSanityDeps {
  /** The hub's wall clock as the operating system sets it (Date.now; not a test's moved clock). */
  wall: () => number;
  /** A clock that only ever runs forward at a steady rate (performance.now). */
  monotonic: () => number;
  /** Tells administrators (an event to them, and the hub's output). */
  warn: (warning: ClockWarning) => void;
  toleranceMs?: number;
}

export interface ConsoleReport {
  connectionId: string;
  userId: number;
  userName: string;
  consoleTime: number;
}

/**
 * Clock sanity (deadlines, shifts and seals depend on the hub's clock): `sweep` compares how far the
 * wall clock moved since the last sweep with how far the monotonic clock did — a difference beyond
 * the tolerance is a jump (an NTP step, a hand-set clock, a VM resumed). Consoles report their own
 * clock; one further off than the tolerance is warned about once, until it comes back or goes away.
 */
export class ClockSanity {
  private readonly tolerance: number;
  private last: { wall: number; mono: number };
  private readonly jumps: HubClockJump[] = [];
  private readonly consoles = new Map<string, ConsoleClock>();

  constructor(private readonly deps: ClockSanityDeps) {
    this.tolerance = deps.toleranceMs ?? CLOCK_TOLERANCE_MS;
    this.last = { wall: deps.wall(), mono: deps.monotonic() };
  }

  /** Checks for a jump since the last sweep; answers it (and warns) or null. */
  sweep(): HubClockJump | null {
    const now = { wall: this.deps.wall(), mono: this.deps.monotonic() };
    const jumpMs = Math.round(now.wall - this.last.wall - (now.mono - this.last.mono));
    this.last = now;
    if (Math.abs(jumpMs) <= this.tolerance) return null;
    const jump = { at: now.wall, jumpMs };
    this.jumps.push(jump);
    if (this.jumps.length > KEPT_JUMPS) this.jumps.shift();
    this.deps.warn({ kind: 'hub-jump', ...jump });
    return jump;
  }

  /** A console's clock against the hub's now; warns the first time it is off (again). */
  report({ connectionId, userId, userName, consoleTime }: ConsoleReport): { skewMs: number; off: boolean } {
    const hubTime = this.deps.wall();
    const skewMs = Math.round(consoleTime - hubTime);
    const off = Math.abs(skewMs) > this.tolerance;
    const known = this.consoles.has(connectionId);
    if (!off) {
      this.consoles.delete(connectionId);
      return { skewMs, off };
    }
    this.consoles.set(connectionId, { userId, userName, skewMs, reportedAt: hubTime });
    if (!known) this.deps.warn({ kind: 'console-skew', at: hubTime, skewMs, userName });
    return { skewMs, off };
  }

  /** The console's connection is gone. */
  forget(connectionId: string): void {
    this.consoles.delete(connectionId);
  }

  status(): { toleranceMs: number; hubJumps: HubClockJump[]; consoles: ConsoleClock[] } {
    return { toleranceMs: this.tolerance, hubJumps: [...this.jumps], consoles: [...this.consoles.values()] };
  }
}

const seconds = (ms: number): string => `${ms > 0 ? '+' : ''}${Math.round(ms / 1000)} s`;

/** One line for the hub's output, both languages. */
export function clockWarningText(warning: ClockWarning): string {
  return warning.kind === 'hub-jump'
    ? `中心时钟跳变 ${seconds(warning.jumpMs)} / the hub's clock jumped ${seconds(warning.jumpMs)}`
    : `${warning.userName} 的控制台时钟与中心相差 ${seconds(warning.skewMs)} / ` +
        `${warning.userName}'s console clock is ${seconds(warning.skewMs)} off the hub's`;
}
