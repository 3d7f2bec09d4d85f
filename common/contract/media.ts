import { z } from 'zod';
import { CAMERA_VIEWERS, cameraIdSchema, cameraPlaybackSchema, cameraStreamSchema } from './cameras';
import { method } from './define';

/**
 * The camera gateway's signalling (docs/architecture.md#the-camera-gateway). WebRTC speaks mediasoup's own
 * parameters so the renderer uses mediasoup-client whichever engine serves it (mediasoup at scale,
 * the embedded werift engine otherwise). Parameters are opaque JSON objects here: mediasoup-client
 * validates them, and the engines produce them.
 */

export const MEDIA_ENGINES = ['mediasoup', 'embedded'] as const;
export const mediaEngineSchema = z.enum(MEDIA_ENGINES);

/** The gateway's view of one camera stream (what the tile and the tree show). */
export const GATEWAY_STATES = ['idle', 'connecting', 'live', 'offline'] as const;
export const gatewayStateSchema = z.enum(GATEWAY_STATES);
/** Why a stream is offline: from ffmpeg's output (see main/media/ingest/ffmpeg-output.ts). */
export const GATEWAY_REASONS = [
  'unauthorized',
  'not-found',
  'refused',
  'timeout',
  'unreachable',
  'unsupported-codec',
  /** The camera closed the stream (ffmpeg ended without an error). */
  'ended',
  /** ffmpeg is not installed or not at the configured path. */
  'no-ffmpeg',
  'error',
] as const;
export type GatewayReason = (typeof GATEWAY_REASONS)[number];
export const gatewayReasonSchema = z.enum(GATEWAY_REASONS);

export const streamStateSchema = z.object({
  cameraId: z.string(),
  stream: cameraStreamSchema,
  state: gatewayStateSchema,
  reason: gatewayReasonSchema.nullable(),
  /** Input codec once known ('h264', 'hevc'). */
  codec: z.string().nullable(),
  /** The hub transcodes this stream to H.264 (an H.265 camera an administrator set to transcode). */
  transcoded: z.boolean(),
});
export type StreamState = z.infer<typeof streamStateSchema>;

/**
 * Why a stream is not offered over WebRTC: the camera is set to HLS, it is H.265 and not
 * transcoded, the hub has no WebRTC engine, or the gateway does not ingest it (a plain HLS URL).
 */
export const RTC_UNAVAILABLE = ['playback-hls', 'codec-h265', 'no-engine', 'not-ingested'] as const;
export const rtcUnavailableSchema = z.enum(RTC_UNAVAILABLE);
export type RtcUnavailable = z.infer<typeof rtcUnavailableSchema>;
/** H.265 that reaches consoles as it is (not transcoded): over HLS only, to consoles that decode it. */
export function isPlainHevc(state: Pick<StreamState, 'codec' | 'transcoded'>): boolean {
  return state.codec === 'hevc' && !state.transcoded;
}

/** Why this console cannot play the stream at all: H.265 it cannot decode, not transcoded. */
export const UNPLAYABLE = ['codec-h265'] as const;
export const unplayableSchema = z.enum(UNPLAYABLE);
export type Unplayable = z.infer<typeof unplayableSchema>;

const json = z.record(z.string(), z.unknown());
const transportIdSchema = z.string().min(1).max(64);
const consumerIdSchema = z.string().min(1).max(64);

export const mediaMethods = {
  'media.open': method({
    input: z
      .object({
        cameraId: cameraIdSchema,
        stream: cameraStreamSchema,
        /** This console decodes H.265 in MSE (`MediaSource.isTypeSupported` for hvc1). */
        hevc: z.boolean().default(false),
      })
      .strict(),
    output: z.object({
      /** The gateway's HLS of this stream: a path on the hub that carries its own authorisation. */
      hlsUrl: z.string(),
      /** Whether this stream can be consumed over WebRTC now. */
      webrtc: z.boolean(),
      /** Why not, when webrtc is false. */
      rtcUnavailable: rtcUnavailableSchema.nullable(),
      /** The camera's playback choice in the registry. */
      playback: cameraPlaybackSchema,
      /** Set when this console cannot play the stream at all (its tile says why; no HLS either). */
      unplayable: unplayableSchema.nullable(),
      state: streamStateSchema,
    }),
    access: CAMERA_VIEWERS,
    writes: false,
    summary: 'Starts (or joins) the gateway ingest of a camera stream for this connection',
  }),
  'media.release': method({
    input: z.object({ cameraId: cameraIdSchema, stream: cameraStreamSchema }).strict(),
    output: z.null(),
    access: CAMERA_VIEWERS,
    writes: false,
    summary: 'This connection no longer watches the stream (the ingest stops when nobody does)',
  }),
  'media.rtc.capabilities': method({
    input: z.object({}).strict(),
    output: z.object({ engine: mediaEngineSchema, routerRtpCapabilities: json }),
    access: CAMERA_VIEWERS,
    writes: false,
    summary: 'The WebRTC engine in use and its router RTP capabilities (mediasoup-client Device.load)',
  }),
  'media.rtc.createTransport': method({
    input: z.object({}).strict(),
    output: z.object({
      id: transportIdSchema,
      iceParameters: json,
      iceCandidates: z.array(json),
      dtlsParameters: json,
    }),
    access: CAMERA_VIEWERS,
    writes: false,
    summary: 'A receive transport for this connection (one per console window)',
  }),
  'media.rtc.connect': method({
    input: z.object({ transportId: transportIdSchema, dtlsParameters: json }).strict(),
    output: z.null(),
    access: CAMERA_VIEWERS,
    writes: false,
    summary: 'Connects the receive transport with the browser’s DTLS parameters',
  }),
  'media.rtc.consume': method({
    input: z
      .object({
        transportId: transportIdSchema,
        cameraId: cameraIdSchema,
        stream: cameraStreamSchema,
        rtpCapabilities: json,
        /**
         * Start paused; the console resumes (media.rtc.resume) once it has made the receiver, and the
         * resume sends the first keyframe at once. Absent: starts playing, as before.
         */
        paused: z.boolean().optional(),
      })
      .strict(),
    output: z.object({ id: consumerIdSchema, producerId: z.string(), kind: z.literal('video'), rtpParameters: json }),
    access: CAMERA_VIEWERS,
    writes: false,
    summary: 'A consumer of a camera stream on this connection’s transport',
  }),
  'media.rtc.pause': method({
    input: z.object({ consumerId: consumerIdSchema }).strict(),
    output: z.null(),
    access: CAMERA_VIEWERS,
    writes: false,
    summary: 'Pauses a consumer (its tile is hidden)',
  }),
  'media.rtc.resume': method({
    input: z.object({ consumerId: consumerIdSchema }).strict(),
    output: z.null(),
    access: CAMERA_VIEWERS,
    writes: false,
    summary: 'Resumes a consumer (and asks the source for a key frame)',
  }),
  'media.rtc.closeConsumer': method({
    input: z.object({ consumerId: consumerIdSchema }).strict(),
    output: z.null(),
    access: CAMERA_VIEWERS,
    writes: false,
    summary: 'Closes a consumer (its tile went away)',
  }),
} as const;
