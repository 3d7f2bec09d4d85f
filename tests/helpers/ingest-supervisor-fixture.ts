import { IngestSupervisor, type IngestOptions, type IngestState, type IngestOutput } from '../../main/media/ingest';
import { fakeSpawner, ManualScheduler, type FakeProcess } from './fake-ingest';

// The ingest supervisor with a fake ffmpeg and a hand-moved clock. The stderr samples below are real
// ffmpeg 5.1 (Debian 12) output against GStreamer's RTSP server, credentials as they were typed.

export const PASSWORD = 's3cr:et@x';
export const URL = `rtsp://admin:${encodeURIComponent(PASSWORD)}@127.0.0.1:18554/cam`;

export const SAMPLE = {
  unauthorized: [
    '[rtsp @ 0x55a3247f23c0] [error] method DESCRIBE failed: 401 Unauthorized',
    '[error] rtsp://admin:wrong@127.0.0.1:18554/cam: Server returned 401 Unauthorized (authorization failed)',
  ],
  notFound: [
    '[rtsp @ 0x5602a062f3c0] [error] method DESCRIBE failed: 404 Not Found',
    '[error] rtsp://admin:s3cr%3Aet%40x@127.0.0.1:18554/nope: Server returned 404 Not Found',
  ],
  refused: [
    '[tcp @ 0x55c26e76b140] [error] Connection to tcp://127.0.0.1:18555?timeout=3000000 failed: Connection refused',
    '[error] rtsp://admin:s3cr%3Aet%40x@127.0.0.1:18555/cam: Connection refused',
  ],
  /** A server that accepts the connection and never answers (-timeout 3000000, exits after ~3 s). */
  silent: [
    '[tcp @ 0x55cbdc44a840] [verbose] Successfully connected to 127.0.0.1 port 18558',
    '[error] rtsp://admin:s3cr%3Aet%40x@127.0.0.1:18558/cam: Invalid data found when processing input',
  ],
  unresolved: [
    '[tcp @ 0x557a02fc7840] [error] Failed to resolve hostname nosuchhost.invalid: Name or service not known',
    '[error] rtsp://admin:s3cr%3Aet%40x@nosuchhost.invalid:554/cam: Input/output error',
  ],
  unsupportedMuxer: [
    '[mp4 @ 0x564431d688c0] [error] Could not find tag for codec flv1 in stream #0, codec not currently supported in container',
    '[error] Could not write header for output file #0 (incorrect codec parameters ?): Invalid argument',
  ],
  start: [
    "[info] Input #0, rtsp, from 'rtsp://admin:s3cr%3Aet%40x@127.0.0.1:18554/cam':",
    '[info]   Metadata:',
    '[info]     title           : Session streamed with GStreamer',
    '[info]   Duration: N/A, start: 0.040000, bitrate: N/A',
    '[info]   Stream #0:0: Video: h264 (Constrained Baseline), yuv420p(tv, smpte170m, progressive), 640x360 [SAR 1:1 DAR 16:9], 25 fps, 25 tbr, 90k tbn',
    "[info] Output #0, hls, to '/tmp/h-hls/index.m3u8':",
    '[info]   Stream #0:0: Video: h264 (Constrained Baseline), yuv420p(tv, smpte170m, progressive), 640x360 [SAR 1:1 DAR 16:9], q=2-31, 25 fps, 25 tbr, 12800 tbn',
    '[info] Stream mapping:',
    '[info]   Stream #0:0 -> #0:0 (copy)',
    '[hls @ 0x561fd95894c0] [warning] Non-monotonous DTS in output stream 1:0; previous: 0, current: 0; changing to 1.',
  ],
  mjpegInput: [
    "[info] Input #0, rtsp, from 'rtsp://admin:s3cr%3Aet%40x@127.0.0.1:18554/cam':",
    '[info]   Stream #0:0: Video: mjpeg (Baseline), yuvj444p(pc, bt470bg/unknown/unknown, progressive), 320x240 [SAR 1:1 DAR 4:3], 5 fps, 5 tbr, 1k tbn',
  ],
  hevcInput: [
    "[info] Input #0, rtsp, from 'rtsp://admin:s3cr%3Aet%40x@127.0.0.1:18554/cam':",
    '[info]   Stream #0:0: Video: hevc (Rext), gbrp(pc, gbr/unknown/unknown, progressive), 320x240 [SAR 1:1 DAR 4:3], 5 fps, 5 tbr, 1k tbn',
  ],
};

/** A progress block as `-progress pipe:1` prints it every half second. */
export function progress(frame: number): string {
  return `frame=${frame}\nfps=0.00\nstream_0_0_q=-1.0\nbitrate= 402.6kbits/s\ntotal_size=2013\nout_time_us=40000\nprogress=continue\n`;
}

/**
 * A supervisor on the same hand-moved clock and fake ffmpeg as the gateway's tests (tests/helpers/fake-ingest.ts);
 * this ffmpeg ignores signals: a test ends it.
 */
export function setup(options: Partial<IngestOptions> = {}) {
  const scheduler = new ManualScheduler();
  const { spawner, spawned } = fakeSpawner({ exitsOnSignal: false });
  const logs: string[] = [];
  const states: IngestState[] = [];
  const prepared: { outputs: readonly IngestOutput[]; spawnedBefore: number }[] = [];
  const ingest = new IngestSupervisor({
    url: URL,
    outputs: [{ kind: 'hls', dir: '/var/hub/hls/cam-1-sub' }],
    scheduler,
    spawner,
    prepareOutputs: (outputs) => prepared.push({ outputs, spawnedBefore: spawned.length }),
    log: (line) => logs.push(line),
    label: 'cam-1/sub',
    ...options,
  });
  ingest.onState((s) => states.push(s));
  const last = (): FakeProcess => {
    const p = spawned.at(-1);
    if (!p) throw new Error('nothing spawned');
    return p;
  };
  return { scheduler, spawned, logs, states, prepared, ingest, last };
}

/** Starts a run and lets it fail the way the sample says. */
export function fail(process: FakeProcess, lines: readonly string[], code = 1): void {
  process.stderr(lines);
  process.end(code);
}
