import { describe, expect, it } from 'vitest';
import {
  awaitSegment,
  MAX_HOLD_MS,
  playlistEdge,
  requestedMsn,
  SERVER_CONTROL,
  withServerControl,
  type PlaylistClock,
} from '../../main/media/gateway/blocking-playlist';

// Blocking playlist reload for the gateway's ingests (HLS fallback latency): a request
// for ?_HLS_msn=<n> is answered once segment n is in the playlist, or as it is when the hold ends.

function playlist(firstMsn: number, segments: number, target = 1): string {
  const lines = ['#EXTM3U', '#EXT-X-VERSION:7', `#EXT-X-TARGETDURATION:${target}`, `#EXT-X-MEDIA-SEQUENCE:${firstMsn}`];
  lines.push('#EXT-X-MAP:URI="init.mp4"');
  for (let i = 0; i < segments; i += 1) lines.push('#EXTINF:1.000000,', `seg-${firstMsn + i}.m4s`);
  return `${lines.join('\n')}\n`;
}

/** Time moves only when a held request sleeps; `onSleep` changes the world meanwhile. */
function manualClock(onSleep: (now: number) => void = () => undefined): PlaylistClock & { slept: number } {
  const clock = {
    at: 0,
    slept: 0,
    now: () => clock.at,
    sleep: (ms: number) => {
      clock.at += ms;
      clock.slept += 1;
      onSleep(clock.at);
      return Promise.resolve();
    },
  };
  return clock;
}

describe('blocking playlist reload', () => {
  it('reads the last segment number and the target duration', () => {
    expect(playlistEdge(playlist(40, 6))).toEqual({ lastMsn: 45, targetS: 1 });
    expect(playlistEdge(playlist(0, 1, 4))).toEqual({ lastMsn: 0, targetS: 4 });
    expect(playlistEdge('#EXTM3U\n#EXT-X-TARGETDURATION:1\n#EXT-X-MEDIA-SEQUENCE:3\n')).toBeNull(); // no segment yet
  });

  it('advertises blocking reload once, after the target duration', () => {
    const text = withServerControl(playlist(1, 2));
    expect(text.split('\n').slice(2, 4)).toEqual(['#EXT-X-TARGETDURATION:1', SERVER_CONTROL]);
    expect(withServerControl(text)).toBe(text);
  });

  it('takes _HLS_msn from the query: absent, a number, or malformed', () => {
    expect(requestedMsn('/media/s/t/live/CAM/sub/index.m3u8')).toBeNull();
    expect(requestedMsn('/media/s/t/live/CAM/sub/index.m3u8?_HLS_msn=46')).toBe(46);
    expect(requestedMsn('/x/index.m3u8?_HLS_msn=4.5')).toBeNaN();
    expect(requestedMsn('/x/index.m3u8?_HLS_msn=-1')).toBeNaN();
    expect(requestedMsn('/x/index.m3u8?_HLS_msn=1e9999')).toBeNaN();
  });

  it('answers at once when the segment is there, and as soon as it is written otherwise', async () => {
    let current = playlist(40, 6);
    expect(await awaitSegment(() => current, 45, manualClock())).toEqual({ kind: 'playlist', text: current });
    // Segment 46 is written 400 ms into the hold.
    const clock = manualClock((now) => {
      if (now >= 400) current = playlist(41, 6);
    });
    const answer = await awaitSegment(() => current, 46, clock);
    expect(answer).toEqual({ kind: 'playlist', text: playlist(41, 6) });
    expect(clock.now()).toBe(400);
  });

  it('holds at most 1.5 target durations (never past 3 s), then answers the playlist as it is', async () => {
    const frozen = playlist(40, 6);
    const short = manualClock();
    expect(await awaitSegment(() => frozen, 46, short)).toEqual({ kind: 'playlist', text: frozen });
    expect(short.now()).toBeGreaterThanOrEqual(1500);
    expect(short.now()).toBeLessThan(1600);
    const longGop = manualClock();
    await awaitSegment(() => playlist(0, 3, 10), 3, longGop);
    expect(longGop.now()).toBeGreaterThanOrEqual(MAX_HOLD_MS);
    expect(longGop.now()).toBeLessThan(MAX_HOLD_MS + 100);
  });

  it('refuses a segment more than two ahead, and says when the playlist is gone', async () => {
    const clock = manualClock();
    expect(await awaitSegment(() => playlist(40, 6), 48, clock)).toEqual({ kind: 'too-far' });
    expect(clock.slept).toBe(0);
    expect(await awaitSegment(() => null, 46, clock)).toEqual({ kind: 'gone' });
    let reads = 0;
    const stopping = () => (++reads > 2 ? null : playlist(40, 6));
    expect(await awaitSegment(stopping, 46, manualClock())).toEqual({ kind: 'gone' });
  });
});
