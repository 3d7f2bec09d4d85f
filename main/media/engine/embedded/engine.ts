import crypto from 'node:crypto';
import { apiError } from '../../../../common/contract/errors';
import type { ConsumeOptions, ConsumerParams, Json, MediaEngine, RtpIngestPoint, TransportParams } from '../types';
import { chooseCodec, routerRtpCapabilities } from './capabilities';
import { EmbeddedConsumer } from './consumer';
import type { CacheLimits } from './keyframe-cache';
import { EmbeddedProducer } from './producer';
import { ReplayThrottle } from './replay-throttle';
import { EmbeddedTransport, type TransportOptions } from './transport';
import { TransportQuota } from '../transport-quota';

export interface EmbeddedEngineOptions extends TransportOptions {
  cacheLimits?: CacheLimits;
  /** The smallest interval between two keyframe replays for one consumer (PLI storms). */
  keyframeReplayIntervalMs?: number;
  /** A connected transport whose browser was not heard for this long is closed (default 20 s). */
  idleTransportMs?: number;
  /** How often that is checked (default 5 s; 0: never, the owner's close is the only cleanup). */
  livenessIntervalMs?: number;
}

/** The payload type and SSRC ffmpeg is told to use; the engine rewrites both per consumer. */
const INGEST_PAYLOAD_TYPE = 96;

function notFound(what: string, id: string): Error {
  return apiError(
    'E_NOT_FOUND',
    `${what}不存在`,
    `No such ${what === '传输' ? 'transport' : what === '消费者' ? 'consumer' : 'producer'}`,
    { id },
  );
}

/** A synchronous step as a promise: its errors reject (callers await, and never see a throw). */
function settle<T>(fn: () => T): Promise<T> {
  try {
    return Promise.resolve(fn());
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
}

export { MAX_TRANSPORTS_PER_OWNER } from '../transport-quota';
/** Consumers on one transport: 36 tiles, each with a second stream while switching, and spare. */
export const MAX_CONSUMERS_PER_TRANSPORT = 100;

/**
 * The embedded WebRTC engine (werift, pure TypeScript): for a desktop hub and machines where no
 * mediasoup worker can run. Transports and consumers belong to an owner (a connection); every
 * call names its owner and another owner's ids read as not found.
 */
export class EmbeddedEngine implements MediaEngine {
  readonly kind = 'embedded' as const;
  private readonly producers = new Map<string, EmbeddedProducer>();
  private readonly transports = new Map<string, EmbeddedTransport>();
  private readonly consumers = new Map<string, EmbeddedConsumer>();
  private readonly quota = new TransportQuota();
  private readonly replays: ReplayThrottle;
  private closed = false;
  private readonly now: () => number;

  private readonly liveness: NodeJS.Timeout | undefined;

  constructor(private readonly options: EmbeddedEngineOptions = {}) {
    this.now = options.now ?? (() => Date.now());
    this.replays = new ReplayThrottle(options.keyframeReplayIntervalMs ?? 1000);
    const every = options.livenessIntervalMs ?? 5000;
    if (every > 0) {
      this.liveness = setInterval(() => this.closeSilentTransports(), every);
      this.liveness.unref();
    }
  }

  /** Connected transports whose browser went silent (tab killed, network gone): closed, consumers freed. */
  closeSilentTransports(): void {
    const limit = this.options.idleTransportMs ?? 20_000;
    const now = this.now();
    for (const transport of [...this.transports.values()]) {
      if (transport.connected && now - transport.lastHeardAt > limit) transport.close();
    }
  }

  routerRtpCapabilities(): Json {
    return routerRtpCapabilities();
  }

  async rtpProducer(key: string): Promise<RtpIngestPoint> {
    const producer = this.producerFor(key);
    const port = await producer.listen();
    return {
      producerId: producer.id,
      port,
      payloadType: INGEST_PAYLOAD_TYPE,
      ssrc: crypto.randomBytes(4).readUInt32BE(0),
    };
  }

  packetProducer(key: string): Promise<{ producerId: string; push(rtp: Buffer): void }> {
    return settle(() => {
      const producer = this.producerFor(key);
      return { producerId: producer.id, push: (rtp: Buffer) => producer.push(rtp) };
    });
  }

  private producerFor(key: string): EmbeddedProducer {
    if (this.closed) throw apiError('E_CONFLICT', '媒体引擎已关闭', 'The media engine is closed');
    let producer = this.producers.get(key);
    if (!producer) {
      producer = new EmbeddedProducer(key, this.options.cacheLimits);
      this.producers.set(key, producer);
    }
    return producer;
  }

  closeProducer(key: string): void {
    const producer = this.producers.get(key);
    if (!producer) return;
    this.producers.delete(key);
    for (const consumer of producer.consumers) this.forgetConsumer(consumer);
    producer.close();
  }

  async createTransport(ownerId: string): Promise<TransportParams> {
    if (this.closed) throw apiError('E_CONFLICT', '媒体引擎已关闭', 'The media engine is closed');
    return this.quota.make(
      ownerId,
      () => [...this.transports.values()].filter((t) => t.ownerId === ownerId),
      () => this.createTransportNow(ownerId),
    );
  }

  private async createTransportNow(ownerId: string): Promise<TransportParams> {
    // The callbacks run after create() returns; the transport is known by then.
    const ref: { transport?: EmbeddedTransport } = {};
    const created = await EmbeddedTransport.create(ownerId, this.options, {
      onConnected: () => {
        const transport = ref.transport;
        if (!transport) return;
        for (const consumer of this.consumersOf(transport.id)) {
          this.startConsumer(consumer, true);
        }
      },
      onClosed: () => {
        const transport = ref.transport;
        if (!transport) return;
        this.transports.delete(transport.id);
        for (const consumer of this.consumersOf(transport.id)) this.forgetConsumer(consumer);
      },
      onKeyframeRequest: (ssrc) => {
        const transport = ref.transport;
        const consumer = transport && this.consumersOf(transport.id).find((c) => c.ssrc === ssrc);
        if (consumer) this.replayKeyframe(consumer, false);
      },
      onNack: (ssrc, lost) => {
        const transport = ref.transport;
        const consumer = transport && this.consumersOf(transport.id).find((c) => c.ssrc === ssrc);
        consumer?.retransmit(lost);
      },
    });
    ref.transport = created.transport;
    // close() may have run while werift gathered candidates.
    if (this.isClosed()) {
      created.transport.close();
      throw apiError('E_CONFLICT', '媒体引擎已关闭', 'The media engine is closed');
    }
    this.transports.set(created.transport.id, created.transport);
    return created.params;
  }

  async connectTransport(ownerId: string, transportId: string, dtlsParameters: Json): Promise<void> {
    const transport = this.ownedTransport(ownerId, transportId);
    try {
      await transport.connect(dtlsParameters);
    } catch (error) {
      throw apiError('E_INVALID', '无法连接传输', 'The transport cannot be connected', {
        reason: error instanceof Error ? error.message : String(error),
      });
    }
  }

  consume(
    ownerId: string,
    transportId: string,
    producerKey: string,
    rtpCapabilities: Json,
    options: ConsumeOptions = {},
  ): Promise<ConsumerParams> {
    return settle(() => this.consumeNow(ownerId, transportId, producerKey, rtpCapabilities, options.paused ?? false));
  }

  private consumeNow(
    ownerId: string,
    transportId: string,
    producerKey: string,
    rtpCapabilities: Json,
    paused: boolean,
  ): ConsumerParams {
    const transport = this.ownedTransport(ownerId, transportId);
    const producer = this.producers.get(producerKey);
    if (!producer) throw notFound('视频源', producerKey);
    if (this.consumersOf(transport.id).length >= MAX_CONSUMERS_PER_TRANSPORT) {
      throw apiError(
        'E_CONFLICT',
        `每个传输最多 ${MAX_CONSUMERS_PER_TRANSPORT} 路视频`,
        `At most ${MAX_CONSUMERS_PER_TRANSPORT} video consumers per transport`,
      );
    }
    const codec = chooseCodec(rtpCapabilities, producer.profileLevelId);
    if (!codec) {
      throw apiError('E_INVALID', '此客户端不能接收 H.264', 'This client cannot receive H.264');
    }
    const consumer = new EmbeddedConsumer(
      crypto.randomUUID(),
      ownerId,
      transportId,
      producerKey,
      codec,
      (header, payload) => transport.send(header, payload),
      transport.takeMid(),
    );
    // Paused (the browser resumes it once its receiver exists): nothing is sent until then, and the
    // resume replays the cached GOP to a receiver that takes it — rather than a replay now, which
    // arrives before the receiver and is dropped, leaving the tile to wait for live packets, the
    // browser's keyframe request (≈ 0.1–0.5 s on a busy wall) and the replay that answers it.
    consumer.paused = paused;
    this.consumers.set(consumer.id, consumer);
    producer.consumers.add(consumer);
    if (transport.connected) this.startConsumer(consumer, false);
    return {
      id: consumer.id,
      producerId: producer.id,
      kind: 'video',
      rtpParameters: consumer.rtpParameters(),
    };
  }

  pauseConsumer(ownerId: string, consumerId: string): Promise<void> {
    return settle(() => {
      this.ownedConsumer(ownerId, consumerId).paused = true;
    });
  }

  resumeConsumer(ownerId: string, consumerId: string): Promise<void> {
    return settle(() => {
      const consumer = this.ownedConsumer(ownerId, consumerId);
      if (!consumer.paused) return;
      consumer.paused = false;
      // A resumed consumer starts from the cached keyframe instead of waiting for the source's next one.
      this.replayKeyframe(consumer, true);
    });
  }

  closeConsumer(ownerId: string, consumerId: string): void {
    this.forgetConsumer(this.ownedConsumer(ownerId, consumerId));
  }

  closeOwner(ownerId: string): void {
    for (const transport of [...this.transports.values()]) {
      if (transport.ownerId === ownerId) transport.close();
    }
    for (const consumer of [...this.consumers.values()]) {
      if (consumer.ownerId === ownerId) this.forgetConsumer(consumer);
    }
  }

  close(): Promise<void> {
    this.closed = true;
    clearInterval(this.liveness);
    for (const transport of [...this.transports.values()]) transport.close();
    for (const key of [...this.producers.keys()]) this.closeProducer(key);
    return Promise.resolve();
  }

  private isClosed(): boolean {
    return this.closed;
  }

  /** Counts for the console's status and the tests: what the engine holds right now. */
  stats(): { producers: number; transports: number; consumers: number; cachedBytes: number } {
    let cachedBytes = 0;
    for (const p of this.producers.values()) cachedBytes += p.cache.bytes;
    return {
      producers: this.producers.size,
      transports: this.transports.size,
      consumers: this.consumers.size,
      cachedBytes,
    };
  }

  /** A consumer's counters (packets sent), for tests and diagnostics. */
  consumerStats(ownerId: string, consumerId: string): { packetsSent: number; paused: boolean } {
    const consumer = this.ownedConsumer(ownerId, consumerId);
    return { packetsSent: consumer.packetsSent, paused: consumer.paused };
  }

  /** The transport is up: send from the cached keyframe (see ReplayThrottle.started). */
  private startConsumer(consumer: EmbeddedConsumer, receiverReady: boolean): void {
    this.replays.started(consumer.id, this.now(), receiverReady);
    consumer.setReady(this.producers.get(consumer.producerKey)?.cache.snapshot() ?? []);
  }

  /** Resume or a PLI/FIR: replay the cached keyframe (throttled for PLIs, not for resume). */
  private replayKeyframe(consumer: EmbeddedConsumer, force: boolean): void {
    if (!this.replays.allow(consumer.id, this.now(), force)) return;
    consumer.restart(this.producers.get(consumer.producerKey)?.cache.snapshot() ?? []);
  }

  private consumersOf(transportId: string): EmbeddedConsumer[] {
    return [...this.consumers.values()].filter((c) => c.transportId === transportId);
  }

  private forgetConsumer(consumer: EmbeddedConsumer): void {
    consumer.close();
    this.consumers.delete(consumer.id);
    this.replays.forget(consumer.id);
    this.producers.get(consumer.producerKey)?.consumers.delete(consumer);
  }

  private ownedTransport(ownerId: string, transportId: string): EmbeddedTransport {
    const transport = this.transports.get(transportId);
    if (!transport || transport.ownerId !== ownerId || transport.closed) throw notFound('传输', transportId);
    return transport;
  }

  private ownedConsumer(ownerId: string, consumerId: string): EmbeddedConsumer {
    const consumer = this.consumers.get(consumerId);
    if (!consumer || consumer.ownerId !== ownerId) throw notFound('消费者', consumerId);
    return consumer;
  }
}
