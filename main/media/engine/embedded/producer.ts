import crypto from 'node:crypto';
import dgram from 'node:dgram';
import { RtpPacket } from 'werift';
import type { EmbeddedConsumer } from './consumer';
import { spsProfileLevelId, startsKeyframe } from './h264';
import { KeyframeCache, type CacheLimits } from './keyframe-cache';

/**
 * One H.264 stream fanned out to its consumers: fed by RTP on a 127.0.0.1 UDP port (an ingest's
 * ffmpeg `-f rtp`) or by pushed packets (the demo clips). Every consumer gets the same packets,
 * rewritten to its own SSRC/sequence/timestamps by the consumer itself.
 */
export class EmbeddedProducer {
  readonly id = crypto.randomUUID();
  readonly cache: KeyframeCache;
  readonly consumers = new Set<EmbeddedConsumer>();
  /** profile-level-id of the last SPS seen, for the consumer's negotiated codec. */
  profileLevelId: string | undefined;
  packetsIn = 0;
  /** The ingest port once listening. */
  port: number | undefined;
  private socket: dgram.Socket | undefined;
  private closed = false;

  constructor(
    readonly key: string,
    limits?: CacheLimits,
  ) {
    this.cache = new KeyframeCache(limits);
  }

  private listening: Promise<number> | undefined;

  /**
   * Binds the ingest socket on 127.0.0.1 (port 0: the system picks) once, returns the port; two
   * callers asking at once get the same socket.
   */
  listen(): Promise<number> {
    this.listening ??= this.bind();
    return this.listening;
  }

  private async bind(): Promise<number> {
    const socket = dgram.createSocket({ type: 'udp4', recvBufferSize: 4 * 1024 * 1024 });
    this.socket = socket;
    // A bad datagram or a socket error must not take the hub down; the ingest supervisor sees
    // the stream stall and restarts its side.
    socket.on('error', () => undefined);
    socket.on('message', (msg) => this.push(msg));
    await new Promise<void>((resolve, reject) => {
      socket.once('error', reject);
      socket.bind(0, '127.0.0.1', () => {
        socket.off('error', reject);
        resolve();
      });
    });
    this.port = socket.address().port;
    return this.port;
  }

  /** One RTP packet (RTCP and garbage are ignored). */
  push(raw: Buffer): void {
    if (this.closed || raw.length < 12 || raw[0] === undefined || (raw[0] & 0xc0) !== 0x80) return;
    const pt = (raw[1] ?? 0) & 0x7f;
    // rtcp-mux: payload types 64–95 are RTCP sender reports etc. from ffmpeg.
    if (pt >= 64 && pt <= 95) return;
    let packet: RtpPacket;
    try {
      packet = RtpPacket.deSerialize(raw);
    } catch {
      return;
    }
    this.packetsIn += 1;
    const keyStart = startsKeyframe(packet.payload);
    if (keyStart) this.profileLevelId = spsProfileLevelId(packet.payload) ?? this.profileLevelId;
    this.cache.add(packet, keyStart);
    for (const consumer of this.consumers) consumer.deliver(packet, keyStart);
  }

  close(): void {
    this.closed = true;
    this.socket?.close();
    this.socket = undefined;
    this.cache.clear();
    for (const consumer of this.consumers) consumer.close();
    this.consumers.clear();
  }
}
