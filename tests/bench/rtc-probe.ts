/**
 * In the page of the WebRTC benchmark (installed with addInitScript, so it is serialised: nothing
 * from outside this function). Watches every tile's <video> on the wall and records, per camera,
 * the time from the `bench:show` event (bench-console.ts showView) to the tile's first frame, and
 * while `collecting`, how old the displayed frames are: tests/fixtures/latency-source.py writes its
 * clock into the top rows of each picture, read back here from the frame being displayed
 * (requestVideoFrameCallback → a 40×2 canvas → bits) against the time the frame is expected on
 * screen. At most one read per tile every 200 ms, so the probe costs both protocols alike and little.
 */

export interface LatencySample {
  camera: string;
  protocol: 'webrtc' | 'hls';
  ms: number;
}

export interface LatencyProbe {
  shownAt: number;
  /** Camera id → ms from shownAt to its first frame, and over which protocol. */
  first: Record<string, { ms: number; protocol: 'webrtc' | 'hls' }>;
  collecting: boolean;
  samples: LatencySample[];
  /** Frames whose clock could not be read cleanly (smeared by the encoder or scaled). */
  unreadable: number;
  /** While collecting: playback stalls (the element's 'waiting' events) and the time spent in them. */
  stalls: number;
  stalledMs: number;
}

export function installLatencyProbe(): void {
  const BITS = 40;
  const MOD = 2 ** BITS;
  const BAND_ROWS = 16;
  const SAMPLE_EVERY_MS = 200;
  const probe: LatencyProbe = {
    shownAt: 0,
    first: {},
    collecting: false,
    samples: [],
    unreadable: 0,
    stalls: 0,
    stalledMs: 0,
  };
  (window as unknown as { benchLatency: LatencyProbe }).benchLatency = probe;
  window.addEventListener('bench:show', () => {
    probe.shownAt = performance.now();
    probe.first = {};
  });

  let context: CanvasRenderingContext2D | null = null;
  /** The source's clock (ms mod 2^40) in the frame the video shows, or null when unreadable. */
  const readStamp = (video: HTMLVideoElement): number | null => {
    if (!context) {
      const canvas = document.createElement('canvas');
      canvas.width = BITS;
      canvas.height = 2;
      context = canvas.getContext('2d', { willReadFrequently: true });
      if (!context) return null;
      context.imageSmoothingEnabled = false;
    }
    // One pixel per bit block, sampled at its centre: row 0 the bits, row 1 the inverted copy.
    context.drawImage(video, 0, 0, video.videoWidth, 2 * BAND_ROWS, 0, 0, BITS, 2);
    const px = context.getImageData(0, 0, BITS, 2).data;
    let value = 0;
    for (let i = 0; i < BITS; i++) {
      const bit = px[i * 4] ?? 0;
      const inverse = px[(BITS + i) * 4] ?? 0;
      if (bit > 160 && inverse < 96) value = value * 2 + 1;
      else if (bit < 96 && inverse > 160) value = value * 2;
      else return null;
    }
    return value;
  };

  const watch = (video: HTMLVideoElement): void => {
    let lastRead = 0;
    // A stall: 'waiting' (the playhead ran out of media) until 'playing'; counted while collecting.
    let waitingSince: number | null = null;
    video.addEventListener('waiting', () => {
      if (!probe.collecting || waitingSince !== null) return;
      waitingSince = performance.now();
      probe.stalls += 1;
    });
    const stallEnded = (): void => {
      if (waitingSince === null) return;
      if (probe.collecting) probe.stalledMs += performance.now() - waitingSince;
      waitingSince = null;
    };
    video.addEventListener('playing', stallEnded);
    video.addEventListener('emptied', stallEnded);
    const onFrame = (now: number, meta: VideoFrameCallbackMetadata): void => {
      const camera = video.closest('[data-testid="wall-tile"]')?.getAttribute('data-camera-id');
      if (camera) {
        const protocol = video.srcObject ? 'webrtc' : 'hls';
        if (probe.shownAt > 0 && probe.first[camera] === undefined) {
          probe.first[camera] = { ms: now - probe.shownAt, protocol };
        }
        if (probe.collecting && now - lastRead >= SAMPLE_EVERY_MS) {
          lastRead = now;
          const stamp = readStamp(video);
          const shown = (performance.timeOrigin + meta.expectedDisplayTime) % MOD;
          const ms = stamp === null ? -1 : (shown - stamp + MOD) % MOD;
          if (ms >= 0 && ms < 60_000) probe.samples.push({ camera, protocol, ms });
          else probe.unreadable += 1;
        }
      }
      video.requestVideoFrameCallback(onFrame);
    };
    video.requestVideoFrameCallback(onFrame);
  };

  const seen = new WeakSet<HTMLVideoElement>();
  new MutationObserver(() => {
    document.querySelectorAll<HTMLVideoElement>('[data-testid="wall-tile"] video').forEach((video) => {
      if (seen.has(video)) return;
      seen.add(video);
      watch(video);
    });
  }).observe(document, { childList: true, subtree: true });
}
