import crypto from 'node:crypto';
import {
  GenericNack,
  PictureLossIndication,
  RTCPeerConnection,
  RTCRtpCodecParameters,
  RtcpPayloadSpecificFeedback,
  RtcpTransportLayerFeedback,
  type RTCDtlsTransport,
  type RtcpPacket,
  type RtpHeader,
} from 'werift';
import { defaultAnnouncedAddresses } from '../rtc-network';
import type { Json, TransportParams } from '../types';

/** werift gathers on this one address: a socket bound to every interface. */
const ANY_ADDRESS = '0.0.0.0';

export interface TransportOptions {
  /** The addresses in the ICE candidates (default: 127.0.0.1 and this machine's IPv4 interfaces). */
  announcedAddresses?: string[];
  /** UDP (and TCP) ports for ICE, e.g. [40000, 40199] for a firewall rule; any port when absent. */
  portRange?: [number, number];
  /** Also offer an ICE-TCP passive candidate (werift listens on a TCP port from the range). */
  tcp?: boolean;
  now?: () => number;
}

export interface TransportEvents {
  /** DTLS is up: consumers may send. */
  onConnected(): void;
  /** ICE or DTLS failed or closed: the transport is dead. */
  onClosed(): void;
  /** A keyframe request (PLI or FIR) for one of this transport's SSRCs. */
  onKeyframeRequest(ssrc: number): void;
  onNack(ssrc: number, sequenceNumbers: number[]): void;
}

/**
 * A receive transport for mediasoup-client, made of one werift peer connection. werift runs as
 * ICE-lite (the browser's ufrag/pwd are never needed: werift only answers its checks), takes the
 * DTLS role opposite to the one mediasoup-client reports in `connect`, and carries no RTP header
 * extensions. werift negotiates with a local answer built from the browser's DTLS parameters; the
 * browser's own SDP is mediasoup-client's business, and the two sides only share ICE, DTLS and
 * the consumers' SSRCs. Consumers write SRTP straight on werift's DTLS transport, so adding one
 * never renegotiates.
 */
export class EmbeddedTransport {
  readonly id = crypto.randomUUID();
  connected = false;
  /**
   * The next consumer's MID, never reused on this transport (as mediasoup does). Without one,
   * mediasoup-client numbers a new consumer by how many it holds, which after a close repeats the
   * MID of a consumer still playing, and the new tile never gets a frame.
   */
  private nextMid = 0;
  closed = false;
  /**
   * When the browser was last heard: its STUN checks (Chrome's consent checks come every ~5 s, even
   * with every consumer paused) and its RTCP. werift as ICE-lite sends no checks of its own, so
   * this is how a browser that vanished without a word is noticed.
   */
  lastHeardAt: number;
  private dtls: RTCDtlsTransport | undefined;
  private offerSdp = '';
  private connectStarted = false;

  takeMid(): string {
    return String(this.nextMid++);
  }

  private constructor(
    readonly ownerId: string,
    private readonly pc: RTCPeerConnection,
    private readonly events: TransportEvents,
    private readonly now: () => number,
  ) {
    this.lastHeardAt = now();
  }

  static async create(
    ownerId: string,
    options: TransportOptions,
    events: TransportEvents,
  ): Promise<{ transport: EmbeddedTransport; params: TransportParams }> {
    const now = options.now ?? (() => Date.now());
    const heard: { transport?: EmbeddedTransport } = {};
    const pc = new RTCPeerConnection({
      iceLite: true,
      iceFilterStunResponse: () => {
        if (heard.transport) heard.transport.lastHeardAt = now();
        return true;
      },
      iceServers: [],
      // One socket on every interface (one UDP port, one TCP port) instead of one per address:
      // werift gathers only 0.0.0.0, and parseOffer announces that port on each configured address.
      iceUseIpv4: false,
      iceUseIpv6: false,
      iceAdditionalHostAddresses: [ANY_ADDRESS],
      iceUseTcp: options.tcp === true,
      icePortRange: options.portRange,
      bundlePolicy: 'max-bundle',
      headerExtensions: { video: [] },
      // Only for werift's own negotiation; consumers announce their codec to the browser.
      codecs: {
        video: [
          new RTCRtpCodecParameters({
            mimeType: 'video/H264',
            clockRate: 90000,
            payloadType: 102,
            rtcpFeedback: [{ type: 'nack' }, { type: 'nack', parameter: 'pli' }],
            parameters: 'packetization-mode=1;profile-level-id=42e01f;level-asymmetry-allowed=1',
          }),
        ],
      },
    });
    const transport = new EmbeddedTransport(ownerId, pc, events, now);
    heard.transport = transport;
    pc.addTransceiver('video', { direction: 'sendonly' });
    await pc.setLocalDescription(await pc.createOffer());
    transport.offerSdp = pc.localDescription?.sdp ?? '';
    pc.connectionStateChange.subscribe((state) => {
      if (state === 'connected' && !transport.connected && !transport.closed) {
        transport.connected = true;
        transport.dtls = pc.dtlsTransports[0];
        transport.dtls?.onRtcp.subscribe((packet) => transport.handleRtcp(packet));
        events.onConnected();
      } else if (state === 'failed' || state === 'closed') {
        transport.close();
      }
    });
    const announced = options.announcedAddresses ?? defaultAnnouncedAddresses();
    return { transport, params: { id: transport.id, ...parseOffer(transport.offerSdp, announced) } };
  }

  /** mediasoup-client's `connect`: the browser's DTLS role and fingerprints. */
  async connect(dtlsParameters: Json): Promise<void> {
    if (this.closed) throw new Error('transport closed');
    if (this.connectStarted) throw new Error('transport already connected');
    const role = dtlsParameters['role'];
    const fingerprints = Array.isArray(dtlsParameters['fingerprints'])
      ? (dtlsParameters['fingerprints'] as Json[])
      : [];
    const fingerprint = fingerprints.find((f) => f['algorithm'] === 'sha-256') ?? fingerprints[0];
    if (!fingerprint || typeof fingerprint['algorithm'] !== 'string' || typeof fingerprint['value'] !== 'string') {
      throw new Error('dtlsParameters without a fingerprint');
    }
    if (!/^[A-Za-z0-9-]{1,16}$/.test(fingerprint['algorithm']) || !/^[0-9A-Fa-f:]{1,200}$/.test(fingerprint['value'])) {
      throw new Error('malformed fingerprint');
    }
    this.connectStarted = true;
    // The browser as DTLS client (mediasoup-client's usual choice) makes werift the server.
    const setup = role === 'server' ? 'passive' : 'active';
    const answer = answerFor(this.offerSdp, setup, `${fingerprint['algorithm']} ${fingerprint['value']}`);
    await this.pc.setRemoteDescription({ type: 'answer', sdp: answer });
  }

  send(header: RtpHeader, payload: Buffer): void {
    const dtls = this.dtls;
    if (!dtls || this.closed) return;
    void dtls.sendRtp(payload, header);
  }

  private handleRtcp(packet: RtcpPacket): void {
    this.lastHeardAt = this.now();
    if (packet instanceof RtcpPayloadSpecificFeedback) {
      const feedback = packet.feedback as unknown;
      if (feedback instanceof PictureLossIndication) this.events.onKeyframeRequest(feedback.mediaSsrc);
      else if (feedback && typeof feedback === 'object' && 'fir' in feedback) {
        for (const entry of (feedback as { fir: { ssrc: number }[] }).fir) this.events.onKeyframeRequest(entry.ssrc);
      }
    } else if (packet instanceof RtcpTransportLayerFeedback) {
      const feedback = packet.feedback as unknown;
      if (feedback instanceof GenericNack) this.events.onNack(feedback.mediaSourceSsrc, feedback.lost);
    }
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.connected = false;
    void this.pc.close().catch(() => undefined);
    this.events.onClosed();
  }
}

/**
 * iceParameters, iceCandidates and dtlsParameters (role auto) from werift's offer. A candidate on
 * 0.0.0.0 (a socket on every interface) is announced once per address in `announced`.
 */
export function parseOffer(sdp: string, announced: readonly string[] = []): Omit<TransportParams, 'id'> {
  const lines = sdp.split(/\r?\n/);
  const value = (prefix: string): string =>
    lines
      .find((l) => l.startsWith(prefix))
      ?.slice(prefix.length)
      .trim() ?? '';
  const [algorithm = 'sha-256', fingerprint = ''] = value('a=fingerprint:').split(' ');
  const iceCandidates: Json[] = [];
  for (const line of lines) {
    const m = /^a=candidate:(\S+) 1 (udp|tcp) (\d+) (\S+) (\d+) typ host(?: tcptype (passive))?/i.exec(line);
    if (!m) continue;
    const [, foundation = '', protocol = 'udp', priority = '0', address = '', port = '0', tcpType] = m;
    const addresses = address === ANY_ADDRESS ? announced : [address];
    addresses.forEach((ip, i) => {
      iceCandidates.push({
        foundation: address === ANY_ADDRESS ? `${foundation}${i}` : foundation,
        // UDP before TCP, then in the configured order.
        priority: Number(priority) - i,
        address: ip,
        ip,
        protocol: protocol.toLowerCase(),
        port: Number(port),
        type: 'host',
        ...(tcpType ? { tcpType: 'passive' } : {}),
      });
    });
  }
  return {
    iceParameters: { usernameFragment: value('a=ice-ufrag:'), password: value('a=ice-pwd:'), iceLite: true },
    iceCandidates,
    dtlsParameters: {
      role: 'auto',
      fingerprints: [{ algorithm: algorithm.toLowerCase(), value: fingerprint.toUpperCase() }],
    },
  };
}

/**
 * werift's answer from the browser's side: the browser's fingerprint and DTLS setup, placeholder
 * ICE credentials (werift is ICE-lite: it answers the browser's checks and never checks itself),
 * recvonly, no candidates (werift learns the browser's address from its checks).
 */
export function answerFor(offer: string, setup: 'active' | 'passive', fingerprint: string): string {
  const ufrag = crypto.randomBytes(4).toString('hex');
  const pwd = crypto.randomBytes(12).toString('hex');
  const out: string[] = [];
  for (const line of offer.split(/\r?\n/)) {
    if (line === '') continue;
    if (line.startsWith('a=candidate:') || line === 'a=end-of-candidates' || line === 'a=ice-lite') continue;
    if (line.startsWith('a=ssrc')) continue;
    if (line.startsWith('a=ice-ufrag:')) out.push(`a=ice-ufrag:${ufrag}`);
    else if (line.startsWith('a=ice-pwd:')) out.push(`a=ice-pwd:${pwd}`);
    else if (line.startsWith('a=fingerprint:')) out.push(`a=fingerprint:${fingerprint}`);
    else if (line.startsWith('a=setup:')) out.push(`a=setup:${setup}`);
    else if (line === 'a=sendonly') out.push('a=recvonly');
    else out.push(line);
  }
  return `${out.join('\r\n')}\r\n`;
}
