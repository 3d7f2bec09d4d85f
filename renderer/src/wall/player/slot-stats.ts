import type { StreamSlot } from './stream-slot';
import type { PlayerStats } from './types';

/** The stats overlay's figures of the slot on screen; `fps` is the rate the tile shows (frame-rate.ts). */
export function slotStats(slot: StreamSlot, fps: number | null): PlayerStats {
  const video = slot.video;
  const quality = video.getVideoPlaybackQuality();
  const total = quality.totalVideoFrames;
  const dropped = quality.droppedVideoFrames;
  const rtc = slot.rtcFigures;
  return {
    protocol: slot.protocol,
    ...(rtc ? { packetsLost: rtc.packetsLost, jitterMs: rtc.jitterMs, rttMs: rtc.rttMs } : {}),
    codec: slot.codec,
    width: video.videoWidth,
    height: video.videoHeight,
    fps,
    kbps: slot.kbps,
    latencySec: slot.latencySec,
    droppedFrames: dropped,
    totalFrames: total,
    droppedPct: total > 0 ? (dropped / total) * 100 : 0,
  };
}
