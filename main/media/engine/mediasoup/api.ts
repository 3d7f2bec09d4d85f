import type { Json } from '../types';

/**
 * The part of mediasoup v3's Node API this engine uses (names and shapes checked against mediasoup
 * 3.14–3.19: node/src/Worker.ts, Router.ts, Transport.ts, PlainTransport.ts, WebRtcTransport.ts).
 * Declared here because the `mediasoup` package is not a dependency: it is loaded at run time where
 * an administrator installed it (its worker binary cannot be fetched or built on every machine).
 * Parameter objects the engine only passes through (RtpParameters, RtpCapabilities, IceCandidate,
 * DtlsParameters) stay plain JSON.
 */

export type MsListenInfo = {
  protocol: 'udp' | 'tcp';
  ip: string;
  announcedAddress?: string;
  port?: number;
  portRange?: { min: number; max: number };
};

export interface MsWorkerSettings {
  logLevel?: 'debug' | 'warn' | 'error' | 'none';
  /** Deprecated in 3.14 in favour of portRange in each listen info; still honoured. */
  rtcMinPort?: number;
  rtcMaxPort?: number;
}

export interface MsWorker {
  readonly pid: number;
  readonly closed: boolean;
  createRouter(options: { mediaCodecs: Json[] }): Promise<MsRouter>;
  close(): void;
  /** The worker process ended unexpectedly: its routers, transports, producers and consumers are closed. */
  on(event: 'died', listener: (error: Error) => void): unknown;
}

export interface MsRouter {
  readonly id: string;
  readonly closed: boolean;
  readonly rtpCapabilities: Json;
  createPlainTransport(options: {
    listenInfo: MsListenInfo;
    rtcpMux: boolean;
    comedia: boolean;
  }): Promise<MsPlainTransport>;
  createWebRtcTransport(options: {
    listenInfos: MsListenInfo[];
    enableUdp: boolean;
    enableTcp: boolean;
    preferUdp: boolean;
  }): Promise<MsWebRtcTransport>;
  pipeToRouter(options: { producerId: string; router: MsRouter }): Promise<{ pipeProducer?: MsProducer }>;
  canConsume(options: { producerId: string; rtpCapabilities: Json }): boolean;
  close(): void;
}

interface MsTransport {
  readonly id: string;
  readonly closed: boolean;
  close(): void;
  /** Its router closed (the worker died, or the router was closed). */
  on(event: 'routerclose', listener: () => void): unknown;
}

export interface MsPlainTransport extends MsTransport {
  readonly tuple: { localPort: number; localAddress?: string };
  produce(options: { kind: 'video'; rtpParameters: Json }): Promise<MsProducer>;
}

export interface MsWebRtcTransport extends MsTransport {
  readonly iceParameters: Json;
  readonly iceCandidates: Json[];
  readonly dtlsParameters: Json;
  connect(options: { dtlsParameters: Json }): Promise<void>;
  consume(options: { producerId: string; rtpCapabilities: Json; paused?: boolean }): Promise<MsConsumer>;
  on(event: 'routerclose', listener: () => void): unknown;
  on(event: 'icestatechange' | 'dtlsstatechange', listener: (state: string) => void): unknown;
}

export interface MsProducer {
  readonly id: string;
  readonly closed: boolean;
  close(): void;
  on(event: 'transportclose', listener: () => void): unknown;
}

export interface MsConsumer {
  readonly id: string;
  readonly producerId: string;
  readonly kind: string;
  readonly rtpParameters: Json;
  readonly closed: boolean;
  pause(): Promise<void>;
  resume(): Promise<void>;
  close(): void;
  on(event: 'transportclose' | 'producerclose', listener: () => void): unknown;
}

export interface MediasoupModule {
  readonly version: string;
  createWorker(settings: MsWorkerSettings): Promise<MsWorker>;
}
