import Hls from 'hls.js';
import { describe, expect, it } from 'vitest';
import {
  GATEWAY_LIVE_MAX_LATENCY_SEGMENTS,
  GATEWAY_LIVE_SYNC_SEGMENTS,
  hlsConfigFor,
  WALL_HLS_CONFIG,
} from '../../renderer/src/wall/player/hls-config';

// Where a tile's hls.js sits behind the live edge: the hub's own ingests (1-s segments cut at
// keyframes, from local disk) closer, in target durations; every other playlist 3 s as before.
describe('HLS live edge by playlist origin', () => {
  it('plays the hub’s own ingest 1.5 target durations behind the edge', () => {
    const config = hlsConfigFor(true);
    expect(config.liveSyncDurationCount).toBe(GATEWAY_LIVE_SYNC_SEGMENTS);
    expect(config.liveMaxLatencyDurationCount).toBe(GATEWAY_LIVE_MAX_LATENCY_SEGMENTS);
    expect(GATEWAY_LIVE_SYNC_SEGMENTS).toBeLessThan(GATEWAY_LIVE_MAX_LATENCY_SEGMENTS);
    // Seconds-based settings would win over the counts in hls.js, and mixing them is refused.
    expect('liveSyncDuration' in config).toBe(false);
    expect('liveMaxLatencyDuration' in config).toBe(false);
  });

  it('keeps everything else of the wall’s tuning for the ingest', () => {
    const { liveSyncDurationCount, liveMaxLatencyDurationCount, lowLatencyMode, ...rest } = hlsConfigFor(true);
    const { liveSyncDuration, liveMaxLatencyDuration, lowLatencyMode: baseLowLatency, ...base } = WALL_HLS_CONFIG;
    expect([liveSyncDurationCount, liveMaxLatencyDurationCount]).toEqual([1.5, 5]);
    // Blocking playlist reload of the hub's ingests (blocking-playlist.ts): hls.js asks that way only in low-latency mode.
    expect([lowLatencyMode, baseLowLatency]).toEqual([true, false]);
    expect([liveSyncDuration, liveMaxLatencyDuration]).toEqual([3, 6]);
    expect(rest).toEqual(base);
  });

  it('plays other playlists (demo clips, other servers) 3 s behind, as before', () => {
    expect(hlsConfigFor(false)).toBe(WALL_HLS_CONFIG);
    expect(WALL_HLS_CONFIG.liveSyncDuration).toBe(3);
    expect(WALL_HLS_CONFIG.liveSyncDurationCount).toBeUndefined();
  });

  it('is a config hls.js accepts, with the target in segments for the ingest', () => {
    const ingest = new Hls(hlsConfigFor(true));
    expect(ingest.config.liveSyncDuration).toBeUndefined();
    expect(ingest.config.liveSyncDurationCount).toBe(1.5);
    ingest.destroy();
    const other = new Hls(hlsConfigFor(false));
    expect(other.config.liveSyncDuration).toBe(3);
    other.destroy();
    // The mix hlsConfigFor(true) avoids: hls.js throws on it.
    expect(() => new Hls({ ...WALL_HLS_CONFIG, liveSyncDurationCount: 1.5 })).toThrow(/don't mix/);
  });

  it('does not change the shared config when making the ingest’s', () => {
    hlsConfigFor(true);
    expect(WALL_HLS_CONFIG.liveSyncDuration).toBe(3);
    expect(WALL_HLS_CONFIG.liveMaxLatencyDuration).toBe(6);
  });
});
