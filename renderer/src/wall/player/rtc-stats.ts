/**
 * The stats overlay's figures for a WebRTC tile from the consumer's getStats() report.
 * Pure: the report's entries and the previous sample in, figures out.
 */

export interface RtcSample {
  at: number;
  bytes: number;
  frames: number;
}

export interface RtcFigures {
  codec: string | null;
  width: number;
  height: number;
  fps: number | null;
  kbps: number | null;
  packetsLost: number | null;
  jitterMs: number | null;
  rttMs: number | null;
  /** Estimated end-to-end latency: the jitter buffer's average delay plus half the round trip. */
  latencySec: number | null;
  sample: RtcSample | null;
}

type Entry = Record<string, unknown>;

const num = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);

export function rtcFigures(entries: Iterable<Entry>, previous: RtcSample | null, now: number): RtcFigures {
  const all = [...entries];
  const inbound = all.find((e) => e['type'] === 'inbound-rtp' && (e['kind'] ?? e['mediaType']) === 'video');
  const figures: RtcFigures = {
    codec: null,
    width: 0,
    height: 0,
    fps: null,
    kbps: null,
    packetsLost: null,
    jitterMs: null,
    rttMs: null,
    latencySec: null,
    sample: null,
  };
  if (!inbound) return figures;
  const codec = all.find((e) => e['type'] === 'codec' && e['id'] === inbound['codecId']);
  const mime = typeof codec?.['mimeType'] === 'string' ? codec['mimeType'] : null;
  figures.codec = mime ? mime.replace(/^video\//i, '').toLowerCase() : null;
  figures.width = num(inbound['frameWidth']) ?? 0;
  figures.height = num(inbound['frameHeight']) ?? 0;
  figures.packetsLost = num(inbound['packetsLost']);
  const jitter = num(inbound['jitter']);
  figures.jitterMs = jitter === null ? null : jitter * 1000;

  const pair = all.find((e) => e['type'] === 'candidate-pair' && e['nominated'] === true && e['state'] === 'succeeded');
  const rtt = num(pair?.['currentRoundTripTime']);
  figures.rttMs = rtt === null ? null : rtt * 1000;

  const delay = num(inbound['jitterBufferDelay']);
  const emitted = num(inbound['jitterBufferEmittedCount']);
  if (delay !== null && emitted !== null && emitted > 0) figures.latencySec = delay / emitted + (rtt ?? 0) / 2;

  const bytes = num(inbound['bytesReceived']) ?? 0;
  const frames = num(inbound['framesDecoded']) ?? 0;
  const sample: RtcSample = { at: now, bytes, frames };
  figures.sample = sample;
  figures.fps = num(inbound['framesPerSecond']);
  if (previous && now > previous.at && bytes >= previous.bytes) {
    const seconds = (now - previous.at) / 1000;
    figures.kbps = ((bytes - previous.bytes) * 8) / seconds / 1000;
    figures.fps ??= (frames - previous.frames) / seconds;
  }
  return figures;
}
