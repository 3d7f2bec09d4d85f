import dgram from 'node:dgram';

/**
 * A stream's fixed ingest point in front of its mediasoup PlainTransport. The ingest (ffmpeg) sends
 * RTP to this 127.0.0.1 port; the relay forwards it to the PlainTransport from one socket that never
 * changes. Why: a comedia PlainTransport locks onto the first sender's address and drops everything
 * from another one, and ffmpeg gets a new source port each time the supervisor restarts it; and when
 * a worker dies the producer is made again on another PlainTransport while the ingest keeps sending
 * here. RTP gets the producer's payload type and SSRC written in (the demo clips' packets carry
 * their own); RTCP passes unchanged.
 */
export class RtpRelay {
  private target: number | undefined;
  private closed = false;

  private constructor(
    private readonly socket: dgram.Socket,
    readonly port: number,
    private readonly payloadType: number,
    private readonly ssrc: number,
  ) {
    socket.on('message', (packet, from) => {
      // mediasoup's own RTCP (receiver reports, PLIs) comes back from the PlainTransport: ffmpeg cannot use it.
      if (from.port === this.target && from.address === '127.0.0.1') return;
      this.push(packet);
    });
    // A send to a transport closed a moment ago may report an ICMP error: nothing to do.
    socket.on('error', () => undefined);
  }

  static async open(payloadType: number, ssrc: number): Promise<RtpRelay> {
    const socket = dgram.createSocket('udp4');
    await new Promise<void>((resolve, reject) => {
      socket.once('error', reject);
      socket.bind(0, '127.0.0.1', () => {
        socket.off('error', reject);
        resolve();
      });
    });
    return new RtpRelay(socket, socket.address().port, payloadType, ssrc);
  }

  /** The PlainTransport's port; undefined while its worker restarts (packets are dropped). */
  setTarget(port: number | undefined): void {
    this.target = port;
  }

  push(packet: Buffer): void {
    const target = this.target;
    if (target === undefined || this.closed || packet.length < 12 || packet[0] === undefined) return;
    if (packet[0] >> 6 !== 2) return;
    const second = packet[1] ?? 0;
    // RTCP packet types 192–223 sit where RTP has marker + payload type (RFC 5761).
    const rtcp = second >= 192 && second <= 223;
    const out = rtcp ? packet : Buffer.from(packet);
    if (!rtcp) {
      out[1] = (second & 0x80) | this.payloadType;
      out.writeUInt32BE(this.ssrc, 8);
    }
    this.socket.send(out, target, '127.0.0.1');
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.socket.close();
  }
}
