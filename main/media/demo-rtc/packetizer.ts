import { nalType } from './avc';

/**
 * RTP packetization of H.264 (RFC 6184, packetization-mode 1 without STAP-A): a NAL unit that fits
 * the MTU goes as a single NAL unit packet, a larger one as FU-A fragments; all packets of an
 * access unit share its 90 kHz timestamp and the last one carries the marker bit (§5.1).
 */

/** RTP payload bytes per packet: 1200 keeps SRTP + UDP + IP under any usual path MTU. */
export const DEFAULT_MTU = 1200;
const FU_A = 28;
const RTP_HEADER = 12;

export interface PacketizerOptions {
  ssrc: number;
  payloadType: number;
  /** Payload bytes per packet at most (default 1200). */
  mtu?: number;
  /** The first sequence number (default random-ish from the SSRC). */
  firstSequence?: number;
}

function rtpPacket(
  payloadType: number,
  sequence: number,
  timestamp: number,
  ssrc: number,
  marker: boolean,
  parts: readonly Uint8Array[],
): Buffer {
  let size = RTP_HEADER;
  for (const part of parts) size += part.length;
  const out = Buffer.allocUnsafe(size);
  out[0] = 0x80; // version 2, no padding, no extension, no CSRC
  out[1] = (marker ? 0x80 : 0) | (payloadType & 0x7f);
  out.writeUInt16BE(sequence & 0xffff, 2);
  out.writeUInt32BE(timestamp >>> 0, 4);
  out.writeUInt32BE(ssrc >>> 0, 8);
  let at = RTP_HEADER;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

export class H264Packetizer {
  readonly ssrc: number;
  readonly payloadType: number;
  readonly mtu: number;
  private sequence: number;

  constructor(options: PacketizerOptions) {
    this.ssrc = options.ssrc >>> 0;
    this.payloadType = options.payloadType;
    this.mtu = options.mtu ?? DEFAULT_MTU;
    // Below 3 bytes an FU-A fragment could carry nothing.
    if (!Number.isInteger(this.mtu) || this.mtu < 3) throw new Error(`bad MTU ${this.mtu}`);
    this.sequence = (options.firstSequence ?? this.ssrc) & 0xffff;
  }

  /** The packets of one access unit (its NAL units in decode order), sequence numbers running on. */
  packetize(nals: readonly Uint8Array[], timestamp: number): Buffer[] {
    const packets: Buffer[] = [];
    const last = nals.length - 1;
    nals.forEach((nal, index) => {
      if (nal.length === 0) return;
      const endOfUnit = index === last;
      if (nal.length <= this.mtu) {
        packets.push(this.packet(timestamp, endOfUnit, [nal]));
        return;
      }
      // FU indicator: the NAL's F and NRI bits with type 28; FU header: S, E and the NAL's type.
      const indicator = Uint8Array.of(((nal[0] ?? 0) & 0xe0) | FU_A);
      const type = nalType(nal);
      const chunk = this.mtu - 2;
      for (let at = 1; at < nal.length; at += chunk) {
        const end = Math.min(at + chunk, nal.length);
        const header = Uint8Array.of((at === 1 ? 0x80 : 0) | (end === nal.length ? 0x40 : 0) | type);
        packets.push(
          this.packet(timestamp, endOfUnit && end === nal.length, [indicator, header, nal.subarray(at, end)]),
        );
      }
    });
    return packets;
  }

  private packet(timestamp: number, marker: boolean, parts: readonly Uint8Array[]): Buffer {
    const packet = rtpPacket(this.payloadType, this.sequence, timestamp, this.ssrc, marker, parts);
    this.sequence = (this.sequence + 1) & 0xffff;
    return packet;
  }
}
