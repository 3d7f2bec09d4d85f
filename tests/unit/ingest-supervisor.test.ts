import { describe, expect, it } from 'vitest';
import { backoffDelay, ffmpegArgs, type IngestOutput } from '../../main/media/ingest';
import { fail, PASSWORD, progress, SAMPLE, setup, URL } from '../helpers/ingest-supervisor-fixture';

describe('ffmpeg command line', () => {
  it('pulls over TCP with a microsecond timeout and copies the video to every output', () => {
    const args = ffmpegArgs({
      url: URL,
      timeoutMs: 5000,
      outputs: [
        { kind: 'rtp', port: 40000, payloadType: 102, ssrc: 0x12345678 },
        { kind: 'hls', dir: '/d' },
      ],
    });
    const joined = args.join(' ');
    expect(joined).toContain('-rtsp_transport tcp -timeout 5000000 -i');
    expect(joined).toContain('-progress pipe:1');
    expect(args.filter((a, i) => a === 'copy' && args[i - 1] === '-c:v')).toHaveLength(2);
    expect(args).not.toContain('libx264');
    expect(joined).toContain('-f rtp -payload_type 102 -ssrc 305419896 rtp://127.0.0.1:40000?pkt_size=1200');
    expect(joined).toContain('-f hls -hls_segment_type fmp4 -hls_time 1 -hls_list_size 6');
    expect(joined).toContain('delete_segments+independent_segments+program_date_time');
    expect(args.at(-1)).toBe('/d/index.m3u8');
    expect(args).not.toContain('-tag:v');
    const muxed = ffmpegArgs({
      url: URL,
      timeoutMs: 1,
      outputs: [{ kind: 'rtp', port: 5, payloadType: 96, ssrc: 1, rtcpPort: 5 }],
    });
    expect(muxed).toContain('rtp://127.0.0.1:5?pkt_size=1200&rtcpport=5');
  });

  it('writes only the outputs asked for, and tags HEVC for browsers', () => {
    const args = ffmpegArgs({ url: URL, timeoutMs: 2000, codec: 'hevc', outputs: [{ kind: 'hls', dir: '/d' }] });
    expect(args).not.toContain('rtp');
    expect(args.join(' ')).toContain('-tag:v hvc1 -f hls');
    expect(() => ffmpegArgs({ url: URL, timeoutMs: 1, outputs: [] })).toThrow();
  });

  const BOTH: IngestOutput[] = [
    { kind: 'rtp', port: 40000, payloadType: 102, ssrc: 7, rtcpPort: 40000 },
    { kind: 'hls', dir: '/d' },
  ];

  it('H.264: copied to RTP and HLS, the transcode setting changes nothing', () => {
    const plain = ffmpegArgs({ url: URL, timeoutMs: 5000, codec: 'h264', outputs: BOTH });
    expect(ffmpegArgs({ url: URL, timeoutMs: 5000, codec: 'h264', outputs: BOTH, transcode: true })).toEqual(plain);
    expect(ffmpegArgs({ url: URL, timeoutMs: 5000, outputs: BOTH, transcode: true })).toEqual(plain);
    expect(plain).not.toContain('libx264');
    expect(plain.join(' ')).toContain('-f rtp');
  });

  it('H.265, transcode off: HLS only, copied and tagged hvc1 (fMP4), no RTP for the WebRTC engine', () => {
    const args = ffmpegArgs({ url: URL, timeoutMs: 5000, codec: 'hevc', outputs: BOTH });
    const joined = args.join(' ');
    expect(joined).toContain('-c:v copy -tag:v hvc1 -f hls -hls_segment_type fmp4');
    expect(joined).not.toContain('rtp');
    expect(args).not.toContain('libx264');
  });

  it('H.265, transcode on: one libx264 encode at sub-stream size, 1-s GOP, bounded bit rate, teed to RTP and HLS', () => {
    const args = ffmpegArgs({ url: URL, timeoutMs: 5000, codec: 'hevc', outputs: BOTH, transcode: true });
    const joined = args.join(' ');
    expect(args.filter((a) => a === 'libx264')).toHaveLength(1);
    expect(args).not.toContain('copy');
    expect(args).not.toContain('hvc1');
    expect(joined).toContain("scale=w='min(640,iw)':h='min(360,ih)':force_original_aspect_ratio=decrease");
    expect(joined).toContain('-preset veryfast -tune zerolatency -profile:v baseline');
    expect(joined).toContain('-b:v 800k -maxrate 800k -bufsize 800k');
    expect(joined).toContain('-force_key_frames expr:gte(t,n_forced*1)');
    const tee = args.at(-1) ?? '';
    expect(args.at(-2)).toBe('tee');
    expect(tee.split('|')).toEqual([
      '[f=rtp:payload_type=102:ssrc=7:bsfs/v=dump_extra=freq=keyframe]rtp://127.0.0.1:40000?pkt_size=1200&rtcpport=40000',
      expect.stringMatching(
        /^\[f=hls:hls_segment_type=fmp4:hls_time=1:.*:hls_segment_filename=\/d\/seg-%d\.m4s\]\/d\/index\.m3u8$/,
      ),
    ]);
    // The credentials are in the input URL only.
    expect(args.filter((a) => a.includes(encodeURIComponent(PASSWORD)))).toEqual([URL]);
    // Paths the tee muxer would split are refused rather than mangled.
    for (const dir of ['/data:x/live', '/data|x', '/data[1]']) {
      expect(() =>
        ffmpegArgs({ url: URL, timeoutMs: 1, codec: 'hevc', transcode: true, outputs: [{ kind: 'hls', dir }] }),
      ).toThrow(/Cannot transcode/);
    }
  });
});

describe('back-off', () => {
  it('doubles from the first delay up to the cap, forever', () => {
    const seq = [1, 2, 3, 4, 5, 6, 50].map((n) => backoffDelay(n, { initialMs: 1000, maxMs: 15_000 }));
    expect(seq).toEqual([1000, 2000, 4000, 8000, 15_000, 15_000, 15_000]);
  });

  it('retries a failing camera on that sequence, each run a new ffmpeg', () => {
    const { ingest, scheduler, spawned, last } = setup({ backoff: { initialMs: 1000, maxMs: 6000 } });
    ingest.acquire();
    const delays: number[] = [];
    for (let i = 0; i < 6; i++) {
      fail(last(), SAMPLE.refused);
      const state = ingest.state();
      expect(state).toMatchObject({ status: 'offline', reason: 'refused', failures: i + 1 });
      const delay = (state.retryAt ?? 0) - scheduler.now();
      delays.push(delay);
      scheduler.advance(delay - 1);
      expect(spawned).toHaveLength(i + 1);
      scheduler.advance(1);
      expect(spawned).toHaveLength(i + 2);
      expect(ingest.state().status).toBe('connecting');
    }
    expect(delays).toEqual([1000, 2000, 4000, 6000, 6000, 6000]);
  });

  it('starts over at the first step after the stream was live for stableMs, not after a flap', () => {
    const { ingest, scheduler, last } = setup({ stableMs: 10_000 });
    ingest.acquire();
    fail(last(), SAMPLE.refused);
    scheduler.advance(1000);
    fail(last(), SAMPLE.refused);
    expect(ingest.state().failures).toBe(2);
    scheduler.advance(2000);
    last().stdout(progress(1));
    expect(ingest.state().status).toBe('live');
    scheduler.advance(2000);
    last().end(0); // a flap: live for 2 s
    expect(ingest.state()).toMatchObject({ status: 'offline', reason: 'ended', failures: 3 });
    scheduler.advance(4000);
    last().stdout(progress(1));
    for (let f = 2; f < 30; f++) {
      scheduler.advance(500);
      last().stdout(progress(f * 12));
    }
    last().end(0);
    expect(ingest.state()).toMatchObject({ status: 'offline', failures: 1 });
    expect((ingest.state().retryAt ?? 0) - scheduler.now()).toBe(1000);
  });
});

describe('on demand', () => {
  it('starts on the first viewer, shares one ffmpeg, and stops idleStopMs after the last one leaves', () => {
    const { ingest, scheduler, spawned, last } = setup({ idleStopMs: 30_000 });
    expect(ingest.state().status).toBe('idle');
    expect(spawned).toHaveLength(0);
    ingest.acquire();
    ingest.acquire();
    expect(spawned).toHaveLength(1);
    expect(last().command).toBe('ffmpeg');
    expect(ingest.state()).toMatchObject({ status: 'connecting', viewers: 2 });
    last().stdout(progress(1));
    expect(ingest.state().status).toBe('live');
    ingest.release();
    ingest.release();
    ingest.release(); // one too many: ignored
    expect(ingest.state().viewers).toBe(0);
    for (let f = 2; f <= 60; f++) {
      scheduler.advance(500);
      last().stdout(progress(f * 12));
    }
    scheduler.advance(499);
    expect(last().kills).toEqual([]);
    scheduler.advance(1);
    expect(last().kills).toEqual(['SIGTERM']);
    expect(ingest.state().status).toBe('idle');
    last().end(255);
    expect(ingest.state()).toMatchObject({ status: 'idle', reason: null });
    expect(scheduler.pending()).toBe(0);
  });

  it('keeps running when a viewer returns within the idle time', () => {
    const { ingest, scheduler, spawned, last } = setup({ idleStopMs: 30_000, stallMs: 1_000_000 });
    ingest.acquire();
    last().stdout(progress(1));
    ingest.release();
    scheduler.advance(29_000);
    ingest.acquire();
    scheduler.advance(60_000 - 1);
    expect(last().kills).toEqual([]);
    expect(spawned).toHaveLength(1);
    expect(ingest.state()).toMatchObject({ status: 'live', viewers: 1 });
  });

  it('kills an ffmpeg that ignores SIGTERM, and restarts when a viewer came back meanwhile', () => {
    const { ingest, scheduler, spawned, last } = setup({ idleStopMs: 1000, killGraceMs: 3000 });
    ingest.acquire();
    last().stdout(progress(1));
    ingest.release();
    scheduler.advance(1000);
    expect(last().kills).toEqual(['SIGTERM']);
    ingest.acquire();
    expect(spawned).toHaveLength(1);
    scheduler.advance(3000);
    expect(last().kills).toEqual(['SIGTERM', 'SIGKILL']);
    last().end(null, 'SIGKILL');
    expect(spawned).toHaveLength(2);
    expect(ingest.state()).toMatchObject({ status: 'connecting', viewers: 1 });
  });

  it('stops retrying once nobody watches, and close() waits for the exit', async () => {
    const { ingest, scheduler, spawned, last } = setup({ idleStopMs: 5000 });
    ingest.acquire();
    fail(last(), SAMPLE.unauthorized);
    ingest.release();
    scheduler.advance(5000);
    expect(ingest.state().status).toBe('idle');
    scheduler.advance(60_000);
    expect(spawned).toHaveLength(1);
    ingest.acquire();
    expect(spawned).toHaveLength(2);
    let closed = false;
    const done = ingest.close().then(() => (closed = true));
    await Promise.resolve();
    expect(closed).toBe(false);
    last().end(255);
    await done;
    expect(ingest.state()).toMatchObject({ status: 'idle', viewers: 0 });
    expect(() => ingest.acquire()).toThrow();
    expect(scheduler.pending()).toBe(0);
  });
});
