import crypto from 'node:crypto';
import { RtpHeader, type RtpPacket } from 'werift';
import type { H264Codec } from './capabilities';

/** Sends one packet on the consumer's transport (SRTP over the shared ICE/DTLS). */
export type SendRtp = (header: RtpHeader, payload: Buffer) => void;

/** Runs `fn` soon, after the I/O already waiting (setImmediate; tests pass their own). */
export type Defer = (fn: () => void) => void;
const soon: Defer = (fn) => void setImmediate(fn);

/** Packets of a replay's tail sent per turn of the event loop (each is an SRTP encryption and a send). */
const REPLAY_CHUNK = 8;

/** Sent packets kept for NACK retransmission (a few hundred ms of a main stream). */
const HISTORY = 512;
/** 1/30 s at 90 kHz: the gap put between the last sent frame and a replayed keyframe. */
const FRAME_TICKS = 3000;

/**
 * One video consumer: its own SSRC, sequence numbers and timestamps, whatever the producer's
 * source does (the source restarts, a pause drops packets, a replay goes back a GOP) — the
 * browser sees one continuous stream with no gaps to NACK and no time going backwards.
 */
export class EmbeddedConsumer {
  readonly ssrc = crypto.randomBytes(4).readUInt32BE(0) || 1;
  readonly cname = crypto.randomUUID();
  paused = false;
  closed = false;
  /** The transport is connected: packets can go out. */
  private ready = false;
  /** Packets flow only from a keyframe on (after start, resume or a lost cache). */
  private started = false;
  private seq = crypto.randomBytes(2).readUInt16BE(0);
  private tsOffset = 0;
  private lastTs: number | undefined;
  /** A new sequence (start/replay): the next packet decides the timestamp offset. */
  private rebase = true;
  private readonly history = new Map<number, { header: RtpHeader; payload: Buffer }>();
  /**
   * What a replay still has to send after its keyframe, then the live packets that came meanwhile,
   * in order. A replay sends the keyframe at once and the rest a chunk per turn of the event loop:
   * sixteen tiles resumed together each get their keyframe (their first picture) before any of them
   * gets the frames after it, and a long GOP never holds the hub's other work for its whole length.
   */
  private backlog: RtpPacket[] = [];
  private draining = false;
  packetsSent = 0;

  constructor(
    readonly id: string,
    readonly ownerId: string,
    readonly transportId: string,
    readonly producerKey: string,
    readonly codec: H264Codec,
    private readonly send: SendRtp,
    /** The consumer's MID on its transport (unique there for the transport's life). */
    readonly mid: string,
    private readonly defer: Defer = soon,
  ) {}

  /** mediasoup's consumer rtpParameters for mediasoup-client's `consume`. */
  rtpParameters(): Record<string, unknown> {
    return {
      mid: this.mid,
      codecs: [
        {
          mimeType: this.codec.mimeType,
          payloadType: this.codec.payloadType,
          clockRate: this.codec.clockRate,
          parameters: { ...this.codec.parameters },
          rtcpFeedback: this.codec.rtcpFeedback.map((f) => ({ ...f })),
        },
      ],
      headerExtensions: [],
      encodings: [{ ssrc: this.ssrc }],
      rtcp: { cname: this.cname, reducedSize: true, mux: true },
    };
  }

  get flowing(): boolean {
    return this.ready && !this.paused && !this.closed;
  }

  /** The transport connected (or the consumer resumed): start from the cached keyframe. */
  setReady(cache: readonly RtpPacket[]): void {
    this.ready = true;
    this.restart(cache);
  }

  /** Start a new decodable sequence: replay the cache, or wait for the next keyframe. */
  restart(cache: readonly RtpPacket[]): void {
    if (!this.flowing) return;
    this.started = false;
    this.rebase = true;
    this.backlog = [];
    const first = cache[0];
    if (!first) return;
    this.started = true;
    // The keyframe's access unit (SPS, PPS and the IDR slices share its timestamp) goes now.
    let next = 0;
    for (const packet of cache) {
      if (packet.header.timestamp !== first.header.timestamp) break;
      this.emit(packet);
      next += 1;
    }
    if (next < cache.length) {
      this.backlog = cache.slice(next);
      this.drainSoon();
    }
  }

  /** A live packet from the producer. */
  deliver(packet: RtpPacket, keyStart: boolean): void {
    if (!this.flowing) return;
    if (!this.started) {
      if (!keyStart) return;
      this.started = true;
    }
    if (this.backlog.length > 0) this.backlog.push(packet);
    else this.emit(packet);
  }

  private drainSoon(): void {
    if (this.draining) return;
    this.draining = true;
    this.defer(() => {
      this.draining = false;
      if (!this.flowing) {
        this.backlog = [];
        return;
      }
      for (const packet of this.backlog.splice(0, REPLAY_CHUNK)) this.emit(packet);
      if (this.backlog.length > 0) this.drainSoon();
    });
  }

  /** NACK: resend what is still in the history (same sequence numbers, no RTX). */
  retransmit(sequenceNumbers: readonly number[]): void {
    if (!this.flowing) return;
    for (const n of sequenceNumbers) {
      const sent = this.history.get(n);
      if (sent) this.send(sent.header, sent.payload);
    }
  }

  private emit(packet: RtpPacket): void {
    const source = packet.header.timestamp;
    if (this.rebase) {
      this.rebase = false;
      const mapped = (source + this.tsOffset) >>> 0;
      if (this.lastTs === undefined) this.tsOffset = (crypto.randomBytes(4).readUInt32BE(0) - source) >>> 0;
      else if (((mapped - this.lastTs) | 0) <= 0) this.tsOffset = (this.lastTs + FRAME_TICKS - source) >>> 0;
    }
    this.seq = (this.seq + 1) & 0xffff;
    const timestamp = (source + this.tsOffset) >>> 0;
    this.lastTs = timestamp;
    const header = new RtpHeader({
      payloadType: this.codec.payloadType,
      sequenceNumber: this.seq,
      timestamp,
      ssrc: this.ssrc,
      marker: packet.header.marker,
    });
    this.history.set(this.seq, { header, payload: packet.payload });
    this.history.delete((this.seq - HISTORY) & 0xffff);
    this.packetsSent += 1;
    this.send(header, packet.payload);
  }

  close(): void {
    this.closed = true;
    this.backlog = [];
    this.history.clear();
  }
}
