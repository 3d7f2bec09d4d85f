import crypto from 'node:crypto';
import { ApiError, apiError } from '../../../../common/contract/errors';
import { routerRtpCapabilities } from '../embedded/capabilities';
import { MAX_CONSUMERS_PER_TRANSPORT } from '../embedded/engine';
import { TransportQuota } from '../transport-quota';
import { announcedAddresses, type RtcNetwork } from '../rtc-network';
import type { ConsumeOptions, ConsumerParams, Json, MediaEngine, RtpIngestPoint, TransportParams } from '../types';
import type {
  MediasoupModule,
  MsConsumer,
  MsListenInfo,
  MsPlainTransport,
  MsProducer,
  MsRouter,
  MsWebRtcTransport,
} from './api';
import { RtpRelay } from './relay';
import { WorkerPool, type Slot } from './workers';

export interface MediasoupEngineOptions {
  /** Worker processes (default: os.availableParallelism()). */
  workers: number;
  network?: RtcNetwork;
  log?: (line: string) => void;
  restartDelayMs?: number;
}

/** What ffmpeg is told to send; the relay writes both into every packet anyway. */
const INGEST_PAYLOAD_TYPE = 96;

/**
 * The profile a producer declares (mediasoup matches H.264 consumers by profile). An ingest's profile
 * is not known before ffmpeg starts; Constrained Baseline is what every browser negotiates, and
 * browsers' decoders play Main and High streams sent under it.
 */
const PRODUCER_PROFILE = '42e01f';

interface ProducerEntry {
  key: string;
  relay: RtpRelay;
  ssrc: number;
  slot: Slot | undefined;
  transport: MsPlainTransport | undefined;
  producer: MsProducer | undefined;
  /** The producer piped into other workers' routers. */
  pipes: Map<MsRouter, Promise<void>>;
  /** A placement under way (a worker's death and another's return may both ask for one). */
  placing: Promise<void> | undefined;
  closed: boolean;
}

interface TransportEntry {
  ownerId: string;
  slot: Slot;
  transport: MsWebRtcTransport;
}

interface ConsumerEntry {
  ownerId: string;
  transportId: string;
  slot: Slot;
  consumer: MsConsumer;
}

function notFound(zh: string, en: string, id: string): Error {
  return apiError('E_NOT_FOUND', `${zh}不存在`, `No such ${en}`, { id });
}

function closedError(): Error {
  return apiError('E_CONFLICT', '媒体引擎已关闭', 'The media engine is closed');
}

/** A mediasoup error (a closed transport, a worker gone mid-call) as the contract's error. */
function engineFailure(error: unknown): Error {
  if (error instanceof ApiError) return error;
  return apiError('E_CONFLICT', '媒体引擎无法完成此请求', 'The media engine could not do this', {
    reason: error instanceof Error ? error.message : String(error),
  });
}

/**
 * The mediasoup engine: a worker per core with a router each; every ingested
 * stream is a producer on a PlainTransport (127.0.0.1, rtcp-mux, comedia) fed through a relay port;
 * every console window's receive transport is a WebRtcTransport on the least-loaded router; a
 * producer is piped to a consumer's router when they differ. Same ownership rules as the embedded
 * engine: another owner's ids read as not found.
 */
export class MediasoupEngine implements MediaEngine {
  readonly kind = 'mediasoup' as const;
  private readonly producers = new Map<string, Promise<ProducerEntry>>();
  /** Producers made (placed or waiting for a worker). */
  private readonly entries = new Set<ProducerEntry>();
  private readonly transports = new Map<string, TransportEntry>();
  private readonly consumers = new Map<string, ConsumerEntry>();
  private readonly quota = new TransportQuota();
  private closed = false;

  private constructor(
    private readonly options: MediasoupEngineOptions,
    private readonly pool: WorkerPool,
    private readonly capabilities: Json,
  ) {}

  static async start(ms: MediasoupModule, options: MediasoupEngineOptions): Promise<MediasoupEngine> {
    const ref: { engine?: MediasoupEngine } = {};
    const pool = await WorkerPool.start(ms, {
      workers: options.workers,
      // No rtcMinPort/rtcMaxPort (deprecated since 3.14): the consoles' transports take the range in
      // their listen infos, and the ingest's loopback PlainTransports stay out of it.
      settings: { logLevel: 'warn' },
      // The same codecs the embedded engine offers (H.264 passthrough, three profiles).
      mediaCodecs: routerRtpCapabilities()['codecs'] as Json[],
      log: (line) => options.log?.(line),
      ...(options.restartDelayMs === undefined ? {} : { restartDelayMs: options.restartDelayMs }),
      onRestarted: () => ref.engine?.placeWaitingProducers(),
    });
    const first = pool.live()[0]?.router;
    if (!first) {
      pool.close();
      throw new Error('no mediasoup router');
    }
    ref.engine = new MediasoupEngine(options, pool, first.rtpCapabilities);
    return ref.engine;
  }

  routerRtpCapabilities(): Json {
    return this.capabilities;
  }

  async rtpProducer(key: string): Promise<RtpIngestPoint> {
    const entry = await this.producerFor(key);
    return {
      producerId: entry.producer?.id ?? '',
      port: entry.relay.port,
      payloadType: INGEST_PAYLOAD_TYPE,
      ssrc: entry.ssrc,
    };
  }

  async packetProducer(key: string): Promise<{ producerId: string; push(rtp: Buffer): void }> {
    const entry = await this.producerFor(key);
    return { producerId: entry.producer?.id ?? '', push: (rtp) => entry.relay.push(rtp) };
  }

  private producerFor(key: string): Promise<ProducerEntry> {
    if (this.closed) return Promise.reject(closedError());
    let made = this.producers.get(key);
    if (!made) {
      made = this.makeProducer(key);
      this.producers.set(key, made);
      // A failed start is not remembered: the next call tries again.
      made.catch(() => {
        if (this.producers.get(key) === made) this.producers.delete(key);
      });
    }
    return made;
  }

  private async makeProducer(key: string): Promise<ProducerEntry> {
    const ssrc = crypto.randomBytes(4).readUInt32BE(0);
    const relay = await RtpRelay.open(INGEST_PAYLOAD_TYPE, ssrc);
    const entry: ProducerEntry = {
      key,
      relay,
      ssrc,
      slot: undefined,
      transport: undefined,
      producer: undefined,
      pipes: new Map(),
      placing: undefined,
      closed: false,
    };
    this.entries.add(entry);
    try {
      await this.place(entry);
    } catch (error) {
      this.entries.delete(entry);
      relay.close();
      throw engineFailure(error);
    }
    if (this.closed) {
      this.dropProducer(entry);
      throw closedError();
    }
    return entry;
  }

  /** A PlainTransport and producer for the stream on the router with the fewest producers. */
  private place(entry: ProducerEntry): Promise<void> {
    entry.placing ??= this.placeNow(entry).finally(() => {
      entry.placing = undefined;
    });
    return entry.placing;
  }

  private async placeNow(entry: ProducerEntry): Promise<void> {
    const slot = this.pool.leastLoaded((s) => [...this.entries].filter((p) => p.slot === s).length);
    const router = slot?.router;
    if (!slot || !router) throw new Error('no mediasoup worker is running');
    const transport = await router.createPlainTransport({
      listenInfo: { protocol: 'udp', ip: '127.0.0.1' },
      rtcpMux: true,
      comedia: true,
    });
    const producer = await transport.produce({
      kind: 'video',
      rtpParameters: {
        codecs: [
          {
            mimeType: 'video/H264',
            payloadType: INGEST_PAYLOAD_TYPE,
            clockRate: 90000,
            parameters: { 'packetization-mode': 1, 'profile-level-id': PRODUCER_PROFILE, 'level-asymmetry-allowed': 1 },
            rtcpFeedback: [{ type: 'nack' }, { type: 'nack', parameter: 'pli' }, { type: 'ccm', parameter: 'fir' }],
          },
        ],
        encodings: [{ ssrc: entry.ssrc }],
      },
    });
    if (entry.closed) {
      transport.close();
      return;
    }
    entry.slot = slot;
    entry.transport = transport;
    entry.producer = producer;
    entry.relay.setTarget(transport.tuple.localPort);
    // Its worker died: place it again (at once on another worker, or when one is back).
    transport.on('routerclose', () => {
      if (entry.transport !== transport) return;
      this.unplace(entry);
      if (!this.closed && !entry.closed) void this.place(entry).catch(() => undefined);
    });
  }

  private unplace(entry: ProducerEntry): void {
    entry.relay.setTarget(undefined);
    entry.transport?.close();
    entry.slot = undefined;
    entry.transport = undefined;
    entry.producer = undefined;
    entry.pipes.clear();
  }

  /** A worker came back: producers that found no worker are placed now. */
  private placeWaitingProducers(): void {
    for (const entry of this.entries) {
      if (!entry.producer && !entry.closed) void this.place(entry).catch(() => undefined);
    }
  }

  closeProducer(key: string): void {
    const made = this.producers.get(key);
    if (!made) return;
    this.producers.delete(key);
    void made.then((entry) => this.dropProducer(entry)).catch(() => undefined);
  }

  private dropProducer(entry: ProducerEntry): void {
    entry.closed = true;
    this.entries.delete(entry);
    // Its consumers (and its pipes' consumers) get 'producerclose' and are forgotten.
    this.unplace(entry);
    entry.relay.close();
  }

  async createTransport(ownerId: string): Promise<TransportParams> {
    if (this.closed) throw closedError();
    // Past the bound the connection's oldest transport goes (as in the embedded engine).
    return this.quota.make(
      ownerId,
      () =>
        [...this.transports.entries()]
          .filter(([, t]) => t.ownerId === ownerId)
          .map(([id]) => ({ close: () => this.closeTransport(id) })),
      () => this.createTransportNow(ownerId),
    );
  }

  private async createTransportNow(ownerId: string): Promise<TransportParams> {
    const slot = this.pool.leastLoaded((s) => this.loadOf(s));
    if (!slot?.router) throw engineFailure(new Error('no mediasoup worker is running'));
    let transport: MsWebRtcTransport;
    try {
      transport = await slot.router.createWebRtcTransport({
        listenInfos: this.listenInfos(),
        enableUdp: true,
        enableTcp: this.options.network?.tcp === true,
        preferUdp: true,
      });
    } catch (error) {
      throw engineFailure(error);
    }
    if (this.closed) {
      transport.close();
      throw closedError();
    }
    this.transports.set(transport.id, { ownerId, slot, transport });
    transport.on('routerclose', () => this.closeTransport(transport.id));
    // A browser gone without a word: no consent checks (ICE disconnected) or DTLS failed.
    transport.on('icestatechange', (state) => {
      if (state === 'disconnected' || state === 'closed') this.closeTransport(transport.id);
    });
    transport.on('dtlsstatechange', (state) => {
      if (state === 'failed' || state === 'closed') this.closeTransport(transport.id);
    });
    return {
      id: transport.id,
      iceParameters: transport.iceParameters,
      iceCandidates: transport.iceCandidates,
      dtlsParameters: transport.dtlsParameters,
    };
  }

  /** One socket per announced address (and protocol), each from the configured port range. */
  private listenInfos(): MsListenInfo[] {
    const network = this.options.network;
    const range = network?.portRange;
    const protocols: ('udp' | 'tcp')[] = network?.tcp ? ['udp', 'tcp'] : ['udp'];
    return protocols.flatMap((protocol) =>
      announcedAddresses(network).map((address) => ({
        protocol,
        ip: address.includes(':') ? '::' : '0.0.0.0',
        announcedAddress: address,
        ...(range ? { portRange: { min: range[0], max: range[1] } } : {}),
      })),
    );
  }

  /** How busy a router is: its console transports and their consumers. */
  private loadOf(slot: Slot): number {
    let load = 0;
    for (const t of this.transports.values()) if (t.slot === slot) load += 1;
    for (const c of this.consumers.values()) if (c.slot === slot) load += 1;
    return load;
  }

  async connectTransport(ownerId: string, transportId: string, dtlsParameters: Json): Promise<void> {
    const { transport } = this.ownedTransport(ownerId, transportId);
    try {
      await transport.connect({ dtlsParameters });
    } catch (error) {
      throw apiError('E_INVALID', '无法连接传输', 'The transport cannot be connected', {
        reason: error instanceof Error ? error.message : String(error),
      });
    }
  }

  async consume(
    ownerId: string,
    transportId: string,
    producerKey: string,
    rtpCapabilities: Json,
    options: ConsumeOptions = {},
  ): Promise<ConsumerParams> {
    const owned = this.ownedTransport(ownerId, transportId);
    const made = this.producers.get(producerKey);
    if (!made) throw notFound('视频源', 'producer', producerKey);
    if (
      [...this.consumers.values()].filter((c) => c.transportId === transportId).length >= MAX_CONSUMERS_PER_TRANSPORT
    ) {
      throw apiError(
        'E_CONFLICT',
        `每个传输最多 ${MAX_CONSUMERS_PER_TRANSPORT} 路视频`,
        `At most ${MAX_CONSUMERS_PER_TRANSPORT} video consumers per transport`,
      );
    }
    const entry = await made;
    const producerId = entry.producer?.id;
    const router = owned.slot.router;
    if (!producerId || !router) {
      throw apiError(
        'E_CONFLICT',
        '视频源正在恢复（媒体进程重启）',
        'The video source is being restored (a media worker restarted)',
      );
    }
    let consumer: MsConsumer;
    try {
      if (entry.slot?.router !== router) await this.pipe(entry, router);
      if (!router.canConsume({ producerId, rtpCapabilities })) {
        throw apiError('E_INVALID', '此客户端不能接收 H.264', 'This client cannot receive H.264');
      }
      consumer = await owned.transport.consume({ producerId, rtpCapabilities, paused: options.paused ?? false });
    } catch (error) {
      throw engineFailure(error);
    }
    const id = consumer.id;
    this.consumers.set(id, { ownerId, transportId, slot: owned.slot, consumer });
    consumer.on('transportclose', () => this.consumers.delete(id));
    consumer.on('producerclose', () => this.consumers.delete(id));
    return { id, producerId: consumer.producerId, kind: 'video', rtpParameters: consumer.rtpParameters };
  }

  /**
   * The producer in another worker's router, once per router (a restarted worker's new router gets
   * a new pipe; a re-placed producer starts with none).
   */
  private pipe(entry: ProducerEntry, target: MsRouter): Promise<void> {
    const known = entry.pipes.get(target);
    if (known) return known;
    const source = entry.slot?.router;
    const producerId = entry.producer?.id;
    if (!source || !producerId) return Promise.reject(new Error('the producer is not placed'));
    const piped = source.pipeToRouter({ producerId, router: target }).then(() => undefined);
    entry.pipes.set(target, piped);
    piped.catch(() => {
      if (entry.pipes.get(target) === piped) entry.pipes.delete(target);
    });
    return piped;
  }

  async pauseConsumer(ownerId: string, consumerId: string): Promise<void> {
    const { consumer } = this.ownedConsumer(ownerId, consumerId);
    await consumer.pause().catch((error: unknown) => Promise.reject(engineFailure(error)));
  }

  async resumeConsumer(ownerId: string, consumerId: string): Promise<void> {
    // mediasoup asks the producer for a keyframe when a video consumer resumes.
    const { consumer } = this.ownedConsumer(ownerId, consumerId);
    await consumer.resume().catch((error: unknown) => Promise.reject(engineFailure(error)));
  }

  closeConsumer(ownerId: string, consumerId: string): void {
    const { consumer } = this.ownedConsumer(ownerId, consumerId);
    this.consumers.delete(consumerId);
    consumer.close();
  }

  closeOwner(ownerId: string): void {
    for (const [id, t] of [...this.transports.entries()]) if (t.ownerId === ownerId) this.closeTransport(id);
  }

  private closeTransport(id: string): void {
    const entry = this.transports.get(id);
    if (!entry) return;
    this.transports.delete(id);
    for (const [consumerId, c] of [...this.consumers.entries()]) {
      if (c.transportId === id) this.consumers.delete(consumerId);
    }
    entry.transport.close();
  }

  close(): Promise<void> {
    if (this.closed) return Promise.resolve();
    this.closed = true;
    for (const id of [...this.transports.keys()]) this.closeTransport(id);
    for (const key of [...this.producers.keys()]) this.closeProducer(key);
    this.pool.close();
    return Promise.resolve();
  }

  /** Counts for the console's status and the tests. */
  stats(): { workers: number; producers: number; transports: number; consumers: number } {
    return {
      workers: this.pool.live().length,
      producers: this.producers.size,
      transports: this.transports.size,
      consumers: this.consumers.size,
    };
  }

  private ownedTransport(ownerId: string, transportId: string): TransportEntry {
    const entry = this.transports.get(transportId);
    if (!entry || entry.ownerId !== ownerId || entry.transport.closed) throw notFound('传输', 'transport', transportId);
    return entry;
  }

  private ownedConsumer(ownerId: string, consumerId: string): ConsumerEntry {
    const entry = this.consumers.get(consumerId);
    if (!entry || entry.ownerId !== ownerId) throw notFound('消费者', 'consumer', consumerId);
    return entry;
  }
}
