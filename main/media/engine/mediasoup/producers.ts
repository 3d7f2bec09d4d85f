import crypto from 'node:crypto';
import type { MsPlainTransport, MsProducer, MsRouter } from './api';
import { closedError, engineFailure } from './engine-errors';
import { RtpRelay } from './relay';
import type { Slot, WorkerPool } from './workers';

/** What ffmpeg is told to send; the relay writes both into every packet anyway. */
export const INGEST_PAYLOAD_TYPE = 96;

/**
 * The profile a producer declares (mediasoup matches H.264 consumers by profile). An ingest's profile
 * is not known before ffmpeg starts; Constrained Baseline is what every browser negotiates, and
 * browsers' decoders play Main and High streams sent under it.
 */
const PRODUCER_PROFILE = '42e01f';

export interface ProducerEntry {
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

/**
 * The ingested streams' producers: each a PlainTransport (127.0.0.1, rtcp-mux, comedia) fed through
 * a relay port, on the router with the fewest producers; placed again when its worker dies, and
 * piped into other workers' routers for their consumers.
 */
export class IngestProducers {
  private readonly made = new Map<string, Promise<ProducerEntry>>();
  /** Producers made (placed or waiting for a worker). */
  private readonly entries = new Set<ProducerEntry>();

  constructor(
    private readonly pool: WorkerPool,
    /** The engine is closed: nothing new is made or placed. */
    private readonly engineClosed: () => boolean,
  ) {}

  /** The stream's producer if it was asked for (made, or being made). */
  existing(key: string): Promise<ProducerEntry> | undefined {
    return this.made.get(key);
  }

  keys(): string[] {
    return [...this.made.keys()];
  }

  get size(): number {
    return this.made.size;
  }

  /** The stream's producer, made on first use (a failed start is not remembered). */
  get(key: string): Promise<ProducerEntry> {
    if (this.engineClosed()) return Promise.reject(closedError());
    let made = this.made.get(key);
    if (!made) {
      made = this.make(key);
      this.made.set(key, made);
      // A failed start is not remembered: the next call tries again.
      made.catch(() => {
        if (this.made.get(key) === made) this.made.delete(key);
      });
    }
    return made;
  }

  private async make(key: string): Promise<ProducerEntry> {
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
    if (this.engineClosed()) {
      this.drop(entry);
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
      if (!this.engineClosed() && !entry.closed) void this.place(entry).catch(() => undefined);
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
  placeWaiting(): void {
    for (const entry of this.entries) {
      if (!entry.producer && !entry.closed) void this.place(entry).catch(() => undefined);
    }
  }

  close(key: string): void {
    const made = this.made.get(key);
    if (!made) return;
    this.made.delete(key);
    void made.then((entry) => this.drop(entry)).catch(() => undefined);
  }

  private drop(entry: ProducerEntry): void {
    entry.closed = true;
    this.entries.delete(entry);
    // Its consumers (and its pipes' consumers) get 'producerclose' and are forgotten.
    this.unplace(entry);
    entry.relay.close();
  }

  /**
   * The producer in another worker's router, once per router (a restarted worker's new router gets
   * a new pipe; a re-placed producer starts with none).
   */
  pipe(entry: ProducerEntry, target: MsRouter): Promise<void> {
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
}
