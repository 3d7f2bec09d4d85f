import crypto from 'node:crypto';
import dgram from 'node:dgram';
import type {
  MediasoupModule,
  MsConsumer,
  MsListenInfo,
  MsPlainTransport,
  MsProducer,
  MsRouter,
  MsWebRtcTransport,
  MsWorker,
  MsWorkerSettings,
} from '../../main/media/engine/mediasoup/api';
import type { Json } from '../../main/media/engine/types';

/**
 * A test double of the mediasoup v3 module: workers, routers, transports, producers and consumers
 * keep mediasoup's shapes and its rules the engine depends on (a consumer only of a producer in its
 * own router, a producer piped once per router, a dead worker closing everything it held, a comedia
 * PlainTransport on a real 127.0.0.1 UDP socket). It records every call's options.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- listeners of every event shape, as in an EventEmitter
type Listener = (...args: any[]) => void;

class Emitter {
  private readonly listeners = new Map<string, Listener[]>();
  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  emit(event: string, ...args: unknown[]): void {
    for (const l of this.listeners.get(event) ?? []) l(...args);
  }
}

function need(condition: boolean, what: string): void {
  if (!condition) throw new TypeError(what);
}

function checkListenInfo(info: MsListenInfo): void {
  need(['udp', 'tcp'].includes(info.protocol), 'listenInfo.protocol must be udp or tcp');
  need(typeof info.ip === 'string' && info.ip !== '', 'listenInfo.ip is required');
  if (info.portRange) need(info.portRange.min <= info.portRange.max, 'portRange min > max');
}

export class FakeProducer extends Emitter implements MsProducer {
  closed = false;
  readonly consumers = new Set<FakeConsumer>();
  /** Pipe producers made from this one in other routers. */
  readonly pipes = new Set<FakeProducer>();
  constructor(
    readonly id: string,
    readonly router: FakeRouter,
    readonly rtpParameters: Json,
  ) {
    super();
  }
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.router.producers.delete(this.id);
    for (const c of [...this.consumers]) c.producerClosed();
    for (const p of [...this.pipes]) p.transportClosed();
  }
  transportClosed(): void {
    if (this.closed) return;
    this.close();
    this.emit('transportclose');
  }
}

export class FakeConsumer extends Emitter implements MsConsumer {
  closed = false;
  paused: boolean;
  readonly kind = 'video';
  readonly calls: string[] = [];
  constructor(
    readonly id: string,
    readonly producer: FakeProducer,
    readonly transport: FakeWebRtcTransport,
    readonly rtpParameters: Json,
    paused: boolean,
  ) {
    super();
    this.paused = paused;
  }
  get producerId(): string {
    return this.producer.id;
  }
  pause(): Promise<void> {
    this.calls.push('pause');
    this.paused = true;
    return Promise.resolve();
  }
  resume(): Promise<void> {
    this.calls.push('resume');
    this.paused = false;
    return Promise.resolve();
  }
  close(): void {
    this.calls.push('close');
    this.closed = true;
    this.producer.consumers.delete(this);
  }
  producerClosed(): void {
    if (this.closed) return;
    this.close();
    this.emit('producerclose');
  }
  transportClosed(): void {
    if (this.closed) return;
    this.close();
    this.emit('transportclose');
  }
}

abstract class FakeTransport extends Emitter {
  readonly id = crypto.randomUUID();
  closed = false;
  constructor(readonly router: FakeRouter) {
    super();
  }
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.closeContents();
  }
  routerClosed(): void {
    if (this.closed) return;
    this.close();
    this.emit('routerclose');
  }
  protected abstract closeContents(): void;
}

export class FakePlainTransport extends FakeTransport implements MsPlainTransport {
  readonly producers: FakeProducer[] = [];
  /** What arrived on the transport's socket: [source port, packet]. */
  readonly received: [number, Buffer][] = [];
  private constructor(
    router: FakeRouter,
    readonly options: { listenInfo: MsListenInfo; rtcpMux: boolean; comedia: boolean },
    private readonly socket: dgram.Socket,
  ) {
    super(router);
    socket.on('message', (packet, from) => this.received.push([from.port, packet]));
  }
  static async open(
    router: FakeRouter,
    options: { listenInfo: MsListenInfo; rtcpMux: boolean; comedia: boolean },
  ): Promise<FakePlainTransport> {
    const socket = dgram.createSocket('udp4');
    await new Promise<void>((resolve) => socket.bind(0, options.listenInfo.ip, resolve));
    return new FakePlainTransport(router, options, socket);
  }
  get tuple(): { localPort: number; localAddress: string } {
    return { localPort: this.socket.address().port, localAddress: this.options.listenInfo.ip };
  }
  produce(options: { kind: 'video'; rtpParameters: Json }): Promise<FakeProducer> {
    need(['video'].includes(options.kind), 'kind');
    const codecs = options.rtpParameters['codecs'] as Json[] | undefined;
    const encodings = options.rtpParameters['encodings'] as Json[] | undefined;
    need(Array.isArray(codecs) && codecs.length > 0, 'rtpParameters.codecs');
    need(typeof codecs?.[0]?.['payloadType'] === 'number', 'codec payloadType');
    need(typeof encodings?.[0]?.['ssrc'] === 'number', 'encodings[0].ssrc');
    const producer = new FakeProducer(crypto.randomUUID(), this.router, options.rtpParameters);
    this.router.producers.set(producer.id, producer);
    this.producers.push(producer);
    return Promise.resolve(producer);
  }
  protected closeContents(): void {
    for (const p of this.producers) p.transportClosed();
    this.socket.close();
  }
}

export class FakeWebRtcTransport extends FakeTransport implements MsWebRtcTransport {
  readonly consumers: FakeConsumer[] = [];
  readonly iceParameters = { usernameFragment: crypto.randomUUID(), password: crypto.randomUUID(), iceLite: true };
  readonly iceCandidates: Json[];
  readonly dtlsParameters = { role: 'auto', fingerprints: [{ algorithm: 'sha-256', value: 'AB:CD' }] };
  connectedWith: Json | undefined;
  private nextMid = 0;
  constructor(
    router: FakeRouter,
    readonly options: { listenInfos: MsListenInfo[]; enableUdp: boolean; enableTcp: boolean; preferUdp: boolean },
  ) {
    super(router);
    this.iceCandidates = options.listenInfos.map((info, i) => ({
      foundation: `${info.protocol}${i}`,
      priority: 1000 - i,
      address: info.announcedAddress ?? info.ip,
      protocol: info.protocol,
      port: (info.portRange?.min ?? 10000) + router.worker.portsTaken++,
      type: 'host',
      ...(info.protocol === 'tcp' ? { tcpType: 'passive' } : {}),
    }));
  }
  connect(options: { dtlsParameters: Json }): Promise<void> {
    const fingerprints = options.dtlsParameters['fingerprints'];
    if (!Array.isArray(fingerprints) || fingerprints.length === 0) {
      return Promise.reject(new TypeError('missing dtlsParameters.fingerprints'));
    }
    this.connectedWith = options.dtlsParameters;
    return Promise.resolve();
  }
  consume(options: { producerId: string; rtpCapabilities: Json; paused?: boolean }): Promise<FakeConsumer> {
    const producer = this.router.producers.get(options.producerId);
    if (!producer) return Promise.reject(new Error(`Producer with id "${options.producerId}" not found`));
    const consumer = new FakeConsumer(
      crypto.randomUUID(),
      producer,
      this,
      {
        codecs: producer.rtpParameters['codecs'],
        encodings: [{ ssrc: 1000 + this.nextMid }],
        mid: String(this.nextMid++),
      },
      options.paused ?? false,
    );
    producer.consumers.add(consumer);
    this.consumers.push(consumer);
    return Promise.resolve(consumer);
  }
  protected closeContents(): void {
    for (const c of this.consumers) c.transportClosed();
  }
}

export class FakeRouter implements MsRouter {
  readonly id = crypto.randomUUID();
  closed = false;
  readonly producers = new Map<string, FakeProducer>();
  readonly transports: (FakePlainTransport | FakeWebRtcTransport)[] = [];
  readonly pipeCalls: { producerId: string; router: MsRouter }[] = [];
  readonly rtpCapabilities: Json;
  constructor(
    readonly worker: FakeWorker,
    readonly mediaCodecs: Json[],
  ) {
    this.rtpCapabilities = { codecs: mediaCodecs.map((c) => ({ ...c })), headerExtensions: [] };
  }
  async createPlainTransport(options: {
    listenInfo: MsListenInfo;
    rtcpMux: boolean;
    comedia: boolean;
  }): Promise<FakePlainTransport> {
    checkListenInfo(options.listenInfo);
    need(typeof options.rtcpMux === 'boolean' && typeof options.comedia === 'boolean', 'rtcpMux/comedia');
    const transport = await FakePlainTransport.open(this, options);
    this.transports.push(transport);
    return transport;
  }
  createWebRtcTransport(options: {
    listenInfos: MsListenInfo[];
    enableUdp: boolean;
    enableTcp: boolean;
    preferUdp: boolean;
  }): Promise<FakeWebRtcTransport> {
    need(Array.isArray(options.listenInfos) && options.listenInfos.length > 0, 'listenInfos');
    options.listenInfos.forEach(checkListenInfo);
    const transport = new FakeWebRtcTransport(this, options);
    this.transports.push(transport);
    return Promise.resolve(transport);
  }
  pipeToRouter(options: { producerId: string; router: MsRouter }): Promise<{ pipeProducer?: MsProducer }> {
    this.pipeCalls.push(options);
    const producer = this.producers.get(options.producerId);
    const target = options.router;
    if (!(target instanceof FakeRouter)) return Promise.reject(new TypeError('Router not found'));
    if (!producer) return Promise.reject(new TypeError('Producer not found'));
    if (target === this) return Promise.reject(new TypeError('cannot use this Router as destination'));
    // mediasoup's pipe producer keeps the id: a second pipe of one producer into one router fails.
    if (target.producers.has(producer.id)) return Promise.reject(new Error('a Producer with same id exists'));
    const pipe = new FakeProducer(producer.id, target, producer.rtpParameters);
    target.producers.set(pipe.id, pipe);
    producer.pipes.add(pipe);
    return Promise.resolve({ pipeProducer: pipe });
  }
  canConsume(options: { producerId: string; rtpCapabilities: Json }): boolean {
    const codecs = options.rtpCapabilities['codecs'];
    return (
      this.producers.has(options.producerId) &&
      Array.isArray(codecs) &&
      codecs.some((c: Json) => String(c['mimeType']).toLowerCase() === 'video/h264')
    );
  }
  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const t of this.transports) t.routerClosed();
  }
}

export class FakeWorker extends Emitter implements MsWorker {
  static nextPid = 5000;
  readonly pid = FakeWorker.nextPid++;
  closed = false;
  readonly routers: FakeRouter[] = [];
  portsTaken = 0;
  constructor(readonly settings: MsWorkerSettings) {
    super();
  }
  createRouter(options: { mediaCodecs: Json[] }): Promise<FakeRouter> {
    need(Array.isArray(options.mediaCodecs), 'mediaCodecs');
    const router = new FakeRouter(this, options.mediaCodecs);
    this.routers.push(router);
    return Promise.resolve(router);
  }
  close(): void {
    this.closed = true;
    for (const r of this.routers) r.close();
  }
  /** The worker process crashed: mediasoup closes its routers (and all on them), then emits 'died'. */
  die(): void {
    this.closed = true;
    for (const r of this.routers) r.close();
    this.emit('died', new Error(`worker process ${this.pid} exited with signal SIGSEGV`));
  }
}

export class FakeMediasoup implements MediasoupModule {
  readonly version = '3.99.0-double';
  readonly workers: FakeWorker[] = [];
  /** createWorker fails while this is set (a broken worker binary). */
  failWith: Error | undefined;
  createWorker(settings: MsWorkerSettings): Promise<FakeWorker> {
    if (this.failWith) return Promise.reject(this.failWith);
    const worker = new FakeWorker(settings);
    this.workers.push(worker);
    return Promise.resolve(worker);
  }
}
