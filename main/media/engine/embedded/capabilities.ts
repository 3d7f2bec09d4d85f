import type { Json } from '../types';

/**
 * What the embedded engine can send, in mediasoup's RtpCapabilities shape (what
 * mediasoup-client's Device.load takes): H.264 passthrough only, packetization-mode 1, the
 * three profiles cameras send (Constrained Baseline, Main, High). No RTX and no RTP header
 * extensions: the browser routes packets by SSRC, which werift's transport keeps simple.
 */

export interface H264Codec {
  mimeType: 'video/H264';
  payloadType: number;
  clockRate: 90000;
  parameters: Record<string, string | number>;
  rtcpFeedback: { type: string; parameter?: string }[];
}

const FEEDBACK = [
  { type: 'nack' },
  { type: 'nack', parameter: 'pli' },
  { type: 'ccm', parameter: 'fir' },
  { type: 'goog-remb' },
];

const PROFILES: readonly { profileLevelId: string; payloadType: number }[] = [
  { profileLevelId: '42e01f', payloadType: 102 },
  { profileLevelId: '4d0028', payloadType: 104 },
  { profileLevelId: '640028', payloadType: 106 },
];

export const ROUTER_CODECS: readonly H264Codec[] = PROFILES.map((p) => ({
  mimeType: 'video/H264',
  payloadType: p.payloadType,
  clockRate: 90000,
  parameters: { 'packetization-mode': 1, 'profile-level-id': p.profileLevelId, 'level-asymmetry-allowed': 1 },
  rtcpFeedback: FEEDBACK.map((f) => ({ ...f })),
}));

export function routerRtpCapabilities(): Json {
  return {
    codecs: ROUTER_CODECS.map((c) => ({
      kind: 'video',
      mimeType: c.mimeType,
      preferredPayloadType: c.payloadType,
      clockRate: c.clockRate,
      parameters: { ...c.parameters },
      rtcpFeedback: c.rtcpFeedback.map((f) => ({ ...f })),
    })),
    headerExtensions: [],
  };
}

/** The profile byte (first two hex digits) of a profile-level-id; 42 = Baseline family. */
function profileOf(profileLevelId: unknown): string {
  return typeof profileLevelId === 'string' ? profileLevelId.slice(0, 2).toLowerCase() : '42';
}

interface CapabilityCodec {
  mimeType?: unknown;
  preferredPayloadType?: unknown;
  parameters?: { 'packetization-mode'?: unknown; 'profile-level-id'?: unknown };
}

/**
 * The router codec to send a consumer: the producer's profile when known (from its SPS) and the
 * device can receive it, else any H.264 profile the device can receive (decoders take any
 * profile they support whatever was negotiated). Undefined when the device takes no H.264 at all.
 */
export function chooseCodec(
  deviceCapabilities: Json,
  producerProfileLevelId: string | undefined,
): H264Codec | undefined {
  const raw = deviceCapabilities['codecs'];
  const codecs: CapabilityCodec[] = Array.isArray(raw) ? (raw as CapabilityCodec[]) : [];
  const received = ROUTER_CODECS.filter((router) =>
    codecs.some(
      (c) =>
        typeof c.mimeType === 'string' &&
        c.mimeType.toLowerCase() === 'video/h264' &&
        Number(c.parameters?.['packetization-mode'] ?? 0) === 1 &&
        profileOf(c.parameters?.['profile-level-id']) === profileOf(router.parameters['profile-level-id']),
    ),
  );
  const wanted = producerProfileLevelId === undefined ? undefined : profileOf(producerProfileLevelId);
  return received.find((c) => profileOf(c.parameters['profile-level-id']) === wanted) ?? received[0];
}
