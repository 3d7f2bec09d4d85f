import type { RtpPacket } from 'werift';

/**
 * The packets since the last keyframe of one producer: a consumer that starts (its transport
 * connected), resumes or asks for a keyframe gets them at once instead of waiting up to a GOP
 * for the source's next IDR (ffmpeg and cameras cannot take a PLI). Bounded: past the caps the
 * cache is dropped until the next keyframe, so a long GOP costs no memory beyond the caps.
 */
export interface CacheLimits {
  maxBytes: number;
  maxPackets: number;
}

export const DEFAULT_CACHE_LIMITS: CacheLimits = { maxBytes: 4 * 1024 * 1024, maxPackets: 2000 };

export class KeyframeCache {
  private packets: RtpPacket[] = [];
  private byteCount = 0;
  private keyTimestamp: number | undefined;
  private valid = false;

  constructor(private readonly limits: CacheLimits = DEFAULT_CACHE_LIMITS) {}

  /** `keyStart`: the packet begins a keyframe (SPS or IDR start). */
  add(packet: RtpPacket, keyStart: boolean): void {
    // SPS, PPS and the IDR slices of one access unit share a timestamp: one keyframe, not three.
    if (keyStart && (!this.valid || packet.header.timestamp !== this.keyTimestamp)) {
      this.clear();
      this.keyTimestamp = packet.header.timestamp;
      this.valid = true;
    }
    if (!this.valid) return;
    const size = packet.payload.length;
    if (this.packets.length + 1 > this.limits.maxPackets || this.byteCount + size > this.limits.maxBytes) {
      this.clear();
      return;
    }
    this.packets.push(packet);
    this.byteCount += size;
  }

  /** The cached packets, oldest first (empty when there is no complete keyframe start). */
  snapshot(): readonly RtpPacket[] {
    return this.packets.slice();
  }

  get packetCount(): number {
    return this.packets.length;
  }

  get bytes(): number {
    return this.byteCount;
  }

  clear(): void {
    this.packets = [];
    this.byteCount = 0;
    this.keyTimestamp = undefined;
    this.valid = false;
  }
}
