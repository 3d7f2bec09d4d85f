import { ticksAt } from '../live-timeline';
import type { ClipSource } from './clip-source';
import type { H264Packetizer } from './packetizer';

/** RTP's clock for video (RFC 6184 §5.1). */
const RTP_CLOCK = 90_000n;

interface Position {
  /** Which pass of the endless loop. */
  loop: bigint;
  /** Which picture of the clip. */
  index: number;
}

/**
 * One demo stream played out as RTP in real time: each picture leaves when the wall clock reaches
 * its place on the loop timeline (media time 0 = the stream's epoch). A feed that starts — or finds
 * itself more than `maxLagMs` behind — begins at the IDR at or before now and sends up to now at
 * once, so a consumer has a decodable picture right away (the engine caches it for late joiners).
 */
export class DemoFeed {
  private next: Position | null = null;
  private readonly loopTicks: bigint;
  private readonly maxLagTicks: bigint;
  packetsSent = 0;

  constructor(
    private readonly source: ClipSource,
    private readonly epochMs: number,
    private readonly packetizer: H264Packetizer,
    private readonly push: (rtp: Buffer) => void,
    maxLagMs = 1000,
  ) {
    this.loopTicks = source.timeline.loopTicks;
    this.maxLagTicks = (BigInt(Math.round(maxLagMs)) * BigInt(source.timeline.timescale)) / 1000n;
  }

  get running(): boolean {
    return this.next !== null;
  }

  /** Sends every picture due at `nowMs`; returns how many. */
  tick(nowMs: number): number {
    const elapsed = ticksAt(this.source.timeline, nowMs - this.epochMs);
    if (elapsed < 0n) return 0;
    if (this.next === null || elapsed - this.ticksOf(this.next) > this.maxLagTicks)
      this.next = this.keyframeAt(elapsed);
    let sent = 0;
    // Bounded: at most maxLag plus one GOP of pictures (the resync above).
    while (this.ticksOf(this.next) <= elapsed) {
      this.send(this.next);
      this.next = this.after(this.next);
      sent += 1;
    }
    return sent;
  }

  /** Off the air: the next tick starts again from an IDR at the live edge. */
  stop(): void {
    this.next = null;
  }

  /** Ticks since the epoch at which a picture is decoded. */
  private ticksOf(at: Position): bigint {
    return at.loop * this.loopTicks + BigInt(this.picture(at.index).decodeTime);
  }

  private picture(index: number) {
    const picture = this.source.pictures[index];
    if (!picture) throw new RangeError(`no picture ${index}`);
    return picture;
  }

  private after(at: Position): Position {
    const index = at.index + 1;
    return index < this.source.pictures.length ? { loop: at.loop, index } : { loop: at.loop + 1n, index: 0 };
  }

  /** The last IDR picture decoded at or before `elapsed` (the clip starts with one). */
  private keyframeAt(elapsed: bigint): Position {
    const loop = elapsed / this.loopTicks;
    const within = Number(elapsed % this.loopTicks);
    let index = 0;
    this.source.pictures.forEach((p, i) => {
      if (p.sync && p.decodeTime <= within) index = i;
    });
    return { loop, index };
  }

  private send(at: Position): void {
    const picture = this.picture(at.index);
    const presentation = this.ticksOf(at) + BigInt(picture.compositionOffset);
    const timestamp = Number(((presentation * RTP_CLOCK) / BigInt(this.source.timeline.timescale)) & 0xffffffffn);
    for (const packet of this.packetizer.packetize(picture.nals, timestamp)) {
      this.push(packet);
      this.packetsSent += 1;
    }
  }
}
