/**
 * The WebRTC engine behind the gateway (docs/wall-player.md#the-camera-gateway-hub-side). Two implementations speak
 * mediasoup's own parameters: mediasoup itself (workers per core, a PlainTransport per ingested
 * stream, pipeToRouter) where a worker exists, and the embedded werift engine where none does.
 * The hub uses only this interface; signalling (common/contract/media.ts) maps onto it 1:1.
 * Parameter objects are mediasoup's shapes (RtpCapabilities, IceParameters, DtlsParameters, …),
 * kept as plain JSON so the contract can carry them.
 */

export type Json = Record<string, unknown>;

export interface TransportParams {
  id: string;
  iceParameters: Json;
  iceCandidates: Json[];
  dtlsParameters: Json;
}

export interface ConsumerParams {
  id: string;
  producerId: string;
  kind: 'video';
  rtpParameters: Json;
}

/** Where an ingest sends a stream's RTP (ffmpeg `-f rtp rtp://127.0.0.1:port`), H.264 only. */
export interface RtpIngestPoint {
  producerId: string;
  /** UDP port on 127.0.0.1 the engine listens on for this stream's RTP (rtcp-mux). */
  port: number;
  payloadType: number;
  ssrc: number;
}

export interface ConsumeOptions {
  paused?: boolean;
}

export interface MediaEngine {
  readonly kind: 'mediasoup' | 'embedded';
  routerRtpCapabilities(): Json;
  /**
   * A producer fed by RTP on a local UDP port (a camera stream's ingest). `key` names the stream
   * (e.g. "CAM-0001/sub"); the same key answers the same producer.
   */
  rtpProducer(key: string): Promise<RtpIngestPoint>;
  /** Feeds a producer from packets the hub already has (the demo clips), no UDP. */
  packetProducer?(key: string): Promise<{ producerId: string; push(rtp: Buffer): void }>;
  closeProducer(key: string): void;
  /** A receive transport owned by a connection (closed with it). */
  createTransport(ownerId: string): Promise<TransportParams>;
  connectTransport(ownerId: string, transportId: string, dtlsParameters: Json): Promise<void>;
  /**
   * `paused`: the consumer starts paused and sends nothing until resumed. A browser resumes it once
   * it has made the receiver, so the first keyframe (the embedded engine's cached GOP) reaches a
   * receiver instead of arriving before it exists and being dropped.
   */
  consume(
    ownerId: string,
    transportId: string,
    producerKey: string,
    rtpCapabilities: Json,
    options?: ConsumeOptions,
  ): Promise<ConsumerParams>;
  pauseConsumer(ownerId: string, consumerId: string): Promise<void>;
  resumeConsumer(ownerId: string, consumerId: string): Promise<void>;
  closeConsumer(ownerId: string, consumerId: string): void;
  /** Everything a connection owned (its window closed). */
  closeOwner(ownerId: string): void;
  close(): Promise<void>;
}
