import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  offlineReason,
  parseProbeJson,
  prepareHlsDirs,
  redactUrl,
  redactorFor,
  withParentDeathSignal,
} from '../../main/media/ingest';
import { lineSplitter } from '../../main/media/ingest/ffmpeg-output';
import { fail, PASSWORD, progress, SAMPLE, setup, URL } from '../helpers/ingest-supervisor-fixture';

describe('states and reasons', () => {
  it('reads why a run ended from real ffmpeg output', () => {
    const cases: [keyof typeof SAMPLE, string, number?][] = [
      ['unauthorized', 'unauthorized'],
      ['notFound', 'not-found'],
      ['refused', 'refused'],
      ['unresolved', 'unreachable'],
      ['unsupportedMuxer', 'unsupported-codec'],
    ];
    for (const [sample, reason] of cases) {
      const { ingest, last } = setup();
      ingest.acquire();
      fail(last(), SAMPLE[sample]);
      expect(ingest.state().reason, sample).toBe(reason);
    }
  });

  it('tells a silent server (timeout) from bad data by the time the run took', () => {
    const errors = SAMPLE.silent.filter((l) => l.includes('[error]'));
    expect(offlineReason({ errors, code: 1, wentLive: false, elapsedMs: 3100, timeoutMs: 3000 })).toBe('timeout');
    expect(offlineReason({ errors, code: 1, wentLive: false, elapsedMs: 200, timeoutMs: 3000 })).toBe('error');
    expect(offlineReason({ errors: [], code: 0, wentLive: true, elapsedMs: 9000, timeoutMs: 3000 })).toBe('ended');
    // A port or path in the URL is not a status code.
    const port401 = ['[error] rtsp://***@10.0.0.2:401/cam: Connection refused'];
    expect(offlineReason({ errors: port401, code: 1, wentLive: false, elapsedMs: 1, timeoutMs: 3000 })).toBe('refused');
  });

  it('goes connecting → live on the first copied frame, and reports the input codec', () => {
    const { ingest, last, states } = setup();
    ingest.acquire();
    last().stderr(SAMPLE.start);
    expect(ingest.state()).toMatchObject({ status: 'connecting', codec: 'h264' });
    last().stdout('frame=0\nprogress=continue\n');
    expect(ingest.state().status).toBe('connecting');
    // Progress may arrive split anywhere.
    const block = progress(3);
    last().stdout(block.slice(0, 4));
    last().stdout(block.slice(4));
    expect(ingest.state().status).toBe('live');
    // viewers 1 (still idle), spawned, codec seen, first frame.
    expect(states.map((s) => s.status)).toEqual(['idle', 'connecting', 'connecting', 'live']);
  });

  it('gives up a run whose frames stop (ffmpeg 5.1 does not time out mid-stream) as a timeout', () => {
    const { ingest, scheduler, last, spawned } = setup({ stallMs: 8000 });
    ingest.acquire();
    last().stdout(progress(1));
    scheduler.advance(7999);
    last().stdout(progress(1)); // the same frame count is no progress
    scheduler.advance(1);
    expect(last().kills).toEqual(['SIGTERM']);
    last().stderr(['[error] av_interleaved_write_frame(): Immediate exit requested']);
    last().end(255);
    expect(ingest.state()).toMatchObject({ status: 'offline', reason: 'timeout' });
    expect(ingest.state().detail).toBe('[error] no new frame within 8000 ms');
    scheduler.advance(1000);
    expect(spawned).toHaveLength(2);
  });

  it('gives up a run that never delivers a first frame', () => {
    const { ingest, scheduler, last } = setup({ firstFrameMs: 15_000 });
    ingest.acquire();
    scheduler.advance(15_000);
    expect(last().kills).toEqual(['SIGTERM']);
    last().end(255);
    expect(ingest.state().reason).toBe('timeout');
  });

  it('stops a codec it does not pass through, and lets HEVC through', () => {
    const mjpeg = setup();
    mjpeg.ingest.acquire();
    mjpeg.last().stderr(SAMPLE.mjpegInput);
    expect(mjpeg.last().kills).toEqual(['SIGTERM']);
    mjpeg.last().end(255);
    expect(mjpeg.ingest.state()).toMatchObject({ status: 'offline', reason: 'unsupported-codec', codec: 'mjpeg' });
    expect(mjpeg.ingest.state().detail).toContain('mjpeg');

    // HEVC found by a run made for H.264 (codec not known yet): restarted at once, on purpose (not
    // offline, no back-off), with HEVC's command line; that run is left alone.
    const hevc = setup({
      outputs: [
        { kind: 'rtp', port: 40000, payloadType: 96, ssrc: 1 },
        { kind: 'hls', dir: '/d' },
      ],
    });
    hevc.ingest.acquire();
    expect(hevc.last().args.join(' ')).toContain('-f rtp');
    hevc.last().stderr(SAMPLE.hevcInput);
    expect(hevc.last().kills).toEqual(['SIGTERM']);
    expect(hevc.ingest.state()).toMatchObject({ status: 'connecting', codec: 'hevc' });
    hevc.last().end(255);
    expect(hevc.spawned).toHaveLength(2);
    expect(hevc.ingest.state()).toMatchObject({ status: 'connecting', reason: null, codec: 'hevc' });
    expect(hevc.last().args.join(' ')).toContain('-tag:v hvc1 -f hls');
    expect(hevc.last().args.join(' ')).not.toContain('-f rtp');
    hevc.last().stderr(SAMPLE.hevcInput);
    expect(hevc.last().kills).toEqual([]);

    // Known beforehand, with transcoding: the first run already transcodes.
    const known = setup({ codec: 'hevc', transcode: true });
    known.ingest.acquire();
    known.last().stderr(SAMPLE.hevcInput);
    expect(known.last().kills).toEqual([]);
    expect(known.last().args).toContain('libx264');
  });

  it('readies the outputs before every run', () => {
    const { ingest, scheduler, prepared, last } = setup();
    ingest.acquire();
    fail(last(), SAMPLE.refused);
    scheduler.advance(1000);
    expect(prepared.map((p) => p.spawnedBefore)).toEqual([0, 1]);
    expect(prepared[0]?.outputs).toEqual([{ kind: 'hls', dir: '/var/hub/hls/cam-1-sub' }]);
  });

  it('survives a listener that throws', () => {
    const { ingest, last, logs } = setup();
    ingest.onState(() => {
      throw new Error('listener bug');
    });
    ingest.acquire();
    last().stdout(progress(1));
    expect(ingest.state().status).toBe('live');
    expect(logs.some((l) => l.includes('listener bug'))).toBe(true);
  });

  it('reports a missing ffmpeg as setpriv says it (exit 127)', () => {
    const { ingest, last } = setup({ ffmpegPath: '/opt/none/ffmpeg' });
    ingest.acquire();
    fail(last(), ['setpriv: failed to execute /opt/none/ffmpeg: No such file or directory'], 127);
    expect(ingest.state()).toMatchObject({ status: 'offline', reason: 'no-ffmpeg' });
    expect(ingest.state().detail).toContain('/opt/none/ffmpeg');
  });

  it('reports a missing ffmpeg and keeps retrying (it may be installed later)', () => {
    const { ingest, scheduler, spawned, last } = setup({ ffmpegPath: '/opt/none/ffmpeg' });
    ingest.acquire();
    const enoent = Object.assign(new Error(`spawn /opt/none/ffmpeg ENOENT`), { code: 'ENOENT' });
    last().end(null, null, enoent);
    expect(ingest.state()).toMatchObject({ status: 'offline', reason: 'no-ffmpeg' });
    scheduler.advance(1000);
    expect(spawned).toHaveLength(2);
    expect(last().command).toBe('/opt/none/ffmpeg');
  });
});

describe('credentials', () => {
  it('redacts every spelling of the secret, URL-shaped or not', () => {
    const redact = redactorFor(URL);
    expect(redactUrl(URL)).toBe('rtsp://***@127.0.0.1:18554/cam');
    expect(redact(`said ${PASSWORD} and ${encodeURIComponent(PASSWORD)}`)).toBe('said *** and ***');
    expect(redact("from 'rtsp://admin:s3cr%3Aet%40x@127.0.0.1:18554/cam':")).toBe(
      "from 'rtsp://***@127.0.0.1:18554/cam':",
    );
    expect(redactUrl('rtsp://10.0.0.9/Streaming/Channels/102?token=abcdef')).toBe(
      'rtsp://10.0.0.9/Streaming/Channels/102?token=***',
    );
    expect(redactUrl('rtsp://10.0.0.9/live')).toBe('rtsp://10.0.0.9/live');
  });

  it('never lets the password into a state, a log line, the output kept or the command line shown', () => {
    const { ingest, scheduler, last, logs, states } = setup();
    ingest.acquire();
    expect(last().args).toContain(URL); // ffmpeg itself gets the real URL
    last().stderr(SAMPLE.start);
    last().stdout(progress(1));
    last().stderr(SAMPLE.notFound);
    last().end(1);
    scheduler.advance(1000);
    const enoent = Object.assign(new Error(`spawn ffmpeg ENOENT ${URL}`), { code: 'ENOENT' });
    last().end(null, null, enoent);
    const seen = JSON.stringify({
      logs,
      states,
      state: ingest.state(),
      out: ingest.recentOutput(),
      cmd: ingest.commandLine(),
    });
    expect(seen).toContain('rtsp://***@127.0.0.1:18554');
    expect(logs.some((l) => l.includes('404 Not Found'))).toBe(true);
    for (const form of [PASSWORD, encodeURIComponent(PASSWORD), 's3cr']) expect(seen).not.toContain(form);
  });
});

describe('helpers', () => {
  it('has the kernel kill ffmpeg with the hub on Linux (setpriv), and runs it plainly elsewhere', () => {
    expect(withParentDeathSignal('ffmpeg', ['-i', 'x'], 'linux', () => true)).toEqual([
      '/usr/bin/setpriv',
      ['--pdeathsig', 'SIGKILL', '--', 'ffmpeg', '-i', 'x'],
    ]);
    expect(withParentDeathSignal('ffmpeg', ['-i', 'x'], 'linux', () => false)).toEqual(['ffmpeg', ['-i', 'x']]);
    expect(withParentDeathSignal('ffmpeg.exe', ['-i', 'x'], 'win32', () => true)).toEqual(['ffmpeg.exe', ['-i', 'x']]);
  });

  it('empties an HLS directory of an earlier run, and of nothing else', () => {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ingest-hls-')), 'cam');
    prepareHlsDirs([{ kind: 'hls', dir }]);
    expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
    const old = ['index.m3u8', 'index.m3u8.tmp', 'init.mp4', 'seg-1796185990.m4s', 'seg-1796185991.m4s.tmp'];
    for (const name of [...old, 'notes.txt', 'seg-x.m4s']) fs.writeFileSync(path.join(dir, name), '');
    prepareHlsDirs([
      { kind: 'rtp', port: 1, payloadType: 96, ssrc: 1 },
      { kind: 'hls', dir },
    ]);
    expect(fs.readdirSync(dir).sort()).toEqual(['notes.txt', 'seg-x.m4s']);
    fs.rmSync(path.dirname(dir), { recursive: true });
  });

  it('splits lines across chunks and line endings', () => {
    const lines: string[] = [];
    const feed = lineSplitter((l) => lines.push(l));
    feed('a\r\nb');
    feed('c\rd\n\n');
    feed('e');
    expect(lines).toEqual(['a', 'bc', 'd']);
  });

  it('reads ffprobe JSON', () => {
    const text = '{"programs":[],"streams":[{"codec_name":"hevc","profile":"Main","width":2560,"height":1440}]}';
    expect(parseProbeJson(text)).toEqual({ codec: 'hevc', profile: 'Main', width: 2560, height: 1440 });
    expect(parseProbeJson('{"programs":[],"streams":[]}')).toBeNull();
    expect(parseProbeJson('not json')).toBeNull();
  });
});
