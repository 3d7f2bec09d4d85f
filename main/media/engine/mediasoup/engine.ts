import { apiError } from '../../../../common/contract/errors';
import { routerRtpCapabilities } from '../embedded/capabilities';
import { MAX_CONSUMERS_PER_TRANSPORT } from '../embedded/engine';
import { TransportQuota } from '../transport-quota';
import { announcedAddresses, type RtcNetwork } from '../rtc-network';
import type { ConsumeOptions, ConsumerParams, Json, MediaEngine, RtpIngestPoint, TransportParams } from '../types';
import type { MediasoupModule, MsConsumer, MsListenInfo, MsWebRtcTransport } from './api';
import { closedError, engineFailure, notFound } from './engine-errors';
import { INGEST_PAYLOAD_TYPE, IngestProducers } from './producers';
import { WorkerPool, type Slot } from './workers';

export interface MediasoupEngineOptions {
  /** Worker processes (default: os.availableParallelism()). */
  workers: number;
  network?: RtcNetwork;
  log?: (line: string) => void;
  restartDelayMs?: number;
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

/**
 * The mediasoup engine: a worker per core with a router each; every ingested
 * stream is a producer on a PlainTransport (127.0.0.1, rtcp-mux, comedia) fed through a relay port;
 * every console window's receive transport is a WebRtcTransport on the least-loaded router; a
 * producer is piped to a consumer's router when they differ. Same ownership rules as the embedded
 * engine: another owner's ids read as not found.
 */
export class MediasoupEngine implements MediaEngine {
  readonly kind = 'mediasoup' as const;
  private readonly producers: IngestProducers;
  private readonly transports = new Map<string, TransportEntry>();
  private readonly consumers = new Map<string, ConsumerEntry>();
  private readonly quota = new TransportQuota();
  private closed = false;

  private constructor(
    private readonly options: MediasoupEngineOptions,
    private readonly pool: WorkerPool,
    private readonly capabilities: Json,
  ) {
    this.producers = new IngestProducers(pool, () => this.closed);
  }

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
    const entry = await this.producers.get(key);
    return {
      producerId: entry.producer?.id ?? '',
      port: entry.relay.port,
      payloadType: INGEST_PAYLOAD_TYPE,
      ssrc: entry.ssrc,
    };
  }

  async packetProducer(key: string): Promise<{ producerId: string; push(rtp: Buffer): void }> {
    const entry = await this.producers.get(key);
    return { producerId: entry.producer?.id ?? '', push: (rtp) => entry.relay.push(rtp) };
  }

  /** A worker came back: producers that found no worker are placed now. */
  private placeWaitingProducers(): void {
    this.producers.placeWaiting();
  }

  closeProducer(key: string): void {
    this.producers.close(key);
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
    const made = this.producers.existing(producerKey);
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
      if (entry.slot?.router !== router) await this.producers.pipe(entry, router);
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
    for (const key of this.producers.keys()) this.producers.close(key);
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
