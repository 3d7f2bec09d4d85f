import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  PlaylistProbe,
  PROBE_INTERVAL_MS,
  PROBE_TIMEOUT_MS,
  playlistAdvanced,
} from '../../renderer/src/wall/player/playlist-probe';

// An offline tile reconnects at once only when its playlist is served and moving.

const playlist = (seq: number): string => `#EXTM3U\n#EXT-X-MEDIA-SEQUENCE:${seq}\n#EXTINF:1.0,\n${seq}.m4s\n`;

describe('playlistAdvanced', () => {
  it('needs two served answers that differ', () => {
    expect(playlistAdvanced(null, playlist(1))).toBe(false);
    expect(playlistAdvanced(playlist(1), playlist(2))).toBe(true);
  });
  it('never fires for a frozen, missing or non-playlist answer', () => {
    expect(playlistAdvanced(playlist(1), playlist(1))).toBe(false);
    expect(playlistAdvanced(playlist(1), null)).toBe(false);
    expect(playlistAdvanced('摄像机离线', 'camera offline')).toBe(false);
  });
});

describe('PlaylistProbe', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  /** A fetch whose answers the test gives, one pending request at a time. */
  function fakeFetch() {
    const requests: { url: string; signal: AbortSignal; answer: (r: Response) => void }[] = [];
    const fetchPlaylist = (url: string, init: RequestInit) =>
      new Promise<Response>((resolve, reject) => {
        const signal = init.signal as AbortSignal;
        signal.addEventListener('abort', () => {
          reject(new DOMException('aborted', 'AbortError'));
        });
        requests.push({ url, signal, answer: resolve });
      });
    return { requests, fetchPlaylist };
  }
  // Only the probe's timers are faked: reading a Response's body in Node needs the real setImmediate.
  const fakeTimers = () => vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'] });
  const settle = async () => {
    for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
  };

  it('keeps one request in flight, aborts a slow one, and reconnects when the playlist moves', async () => {
    fakeTimers();
    const { requests, fetchPlaylist } = fakeFetch();
    let advanced = 0;
    const probe = new PlaylistProbe(
      () => '/media/x/index.m3u8',
      () => advanced++,
      (run) => {
        run();
      },
      fetchPlaylist,
    );
    probe.update(true);
    vi.advanceTimersByTime(PROBE_INTERVAL_MS);
    expect(requests).toHaveLength(1);
    // The server holds the answer: the next ticks ask nothing more, and the request is given up.
    vi.advanceTimersByTime(PROBE_INTERVAL_MS * 2);
    expect(requests).toHaveLength(1);
    vi.advanceTimersByTime(PROBE_TIMEOUT_MS - PROBE_INTERVAL_MS * 2);
    expect(requests[0]?.signal.aborted).toBe(true);
    await settle();
    vi.advanceTimersByTime(PROBE_INTERVAL_MS);
    expect(requests).toHaveLength(2);
    requests[1]?.answer(new Response(playlist(1)));
    await settle();
    vi.advanceTimersByTime(PROBE_INTERVAL_MS);
    requests[2]?.answer(new Response(playlist(2)));
    await settle();
    expect(advanced).toBe(1);
    probe.stop();
  });

  it('cancels the body of an answer that is not a playlist, and aborts its request when stopped', async () => {
    fakeTimers();
    const { requests, fetchPlaylist } = fakeFetch();
    const probe = new PlaylistProbe(
      () => '/media/x/index.m3u8',
      () => undefined,
      (run) => {
        run();
      },
      fetchPlaylist,
    );
    probe.update(true);
    vi.advanceTimersByTime(PROBE_INTERVAL_MS);
    let cancelled = false;
    const body = new ReadableStream({
      cancel() {
        cancelled = true;
      },
    });
    requests[0]?.answer(new Response(body, { status: 503 }));
    await settle();
    expect(cancelled).toBe(true);
    vi.advanceTimersByTime(PROBE_INTERVAL_MS);
    expect(requests).toHaveLength(2);
    probe.update(false);
    expect(requests[1]?.signal.aborted).toBe(true);
    vi.advanceTimersByTime(PROBE_INTERVAL_MS * 5);
    expect(requests).toHaveLength(2);
  });
});
