import path from 'node:path';

/**
 * ffmpeg's command line for one camera stream: RTSP pulled over TCP with an I/O timeout, then by
 * the camera's codec:
 * - H.264 (or not known yet): copied, never re-encoded, to each output (RTP for WebRTC, fMP4 HLS);
 * - H.265, transcode off: copied to HLS only, tagged hvc1 (browsers' MSE wants that tag) — no RTP:
 *   the WebRTC engines carry H.264 only;
 * - H.265, transcode on: decoded and encoded once as H.264 at sub-stream size (TRANSCODE), the one
 *   encode fanned out to RTP and HLS through ffmpeg's tee muxer.
 * Audio is dropped: the wall is silent and cameras' G.711 cannot go into fMP4 HLS as it is.
 */

/** RTP to a local UDP port, for the WebRTC engine's PlainTransport. */
export interface RtpOutput {
  kind: 'rtp';
  port: number;
  payloadType: number;
  ssrc: number;
  /**
   * Where ffmpeg sends its RTCP sender reports: port + 1 unless given; the RTP port itself for a
   * receiver that multiplexes RTP and RTCP (mediasoup's PlainTransport with rtcpMux).
   */
  rtcpPort?: number;
  /** Where ffmpeg writes the stream's SDP (codec parameters, sprop-parameter-sets), if wanted. */
  sdpFile?: string;
}

/** fMP4 HLS into a directory the hub serves: `index.m3u8`, `init.mp4`, `seg-<n>.m4s`. */
export interface HlsOutput {
  kind: 'hls';
  dir: string;
  /** Target segment length in seconds (cut at keyframes, so a long GOP makes longer segments). */
  segmentSeconds?: number;
  listSize?: number;
}

export type IngestOutput = RtpOutput | HlsOutput;

export type VideoCodec = 'h264' | 'hevc';

export interface FfmpegArgsInput {
  url: string;
  outputs: readonly IngestOutput[];
  /** Socket connect/read timeout. */
  timeoutMs: number;
  /** The codec when known (probeCodec, or an earlier run): HEVC is copied to HLS or transcoded. */
  codec?: VideoCodec | undefined;
  /** Transcode an H.265 stream to H.264 (ignored for H.264, which is always copied). */
  transcode?: boolean | undefined;
}

/**
 * The H.264 a transcoded H.265 stream becomes: sub-stream size (at most 640×360, aspect kept),
 * x264 veryfast/zerolatency (no B-frames, as WebRTC wants), constrained baseline like the test
 * cameras' sub streams, a keyframe every second (1-s HLS segments, quick WebRTC joins), bit rate
 * capped so a busy scene cannot flood the wall.
 */
export const TRANSCODE = {
  maxWidth: 640,
  maxHeight: 360,
  kbits: 800,
  preset: 'veryfast',
  gopSeconds: 1,
} as const;

export const HLS_PLAYLIST = 'index.m3u8';
export const HLS_INIT = 'init.mp4';

const STREAMS = ['-map', '0:v:0', '-an', '-sn', '-dn'];

/** One output's muxer options as [name, value] pairs, and where it writes. */
interface Muxer {
  format: 'rtp' | 'hls';
  options: [string, string][];
  /** Bitstream filter for the output, if any. */
  bsf: string | null;
  target: string;
}

function muxer(output: IngestOutput): Muxer {
  if (output.kind === 'rtp') {
    return {
      format: 'rtp',
      options: [
        ['payload_type', String(output.payloadType)],
        ['ssrc', String(output.ssrc | 0)],
        ...(output.sdpFile === undefined ? [] : ([['sdp_file', output.sdpFile]] as [string, string][])),
      ],
      // SPS/PPS before every keyframe: a WebRTC receiver that joins late needs them in-band, and a
      // camera often sends them only in the SDP.
      bsf: 'dump_extra=freq=keyframe',
      target: `rtp://127.0.0.1:${output.port}?pkt_size=1200${output.rtcpPort === undefined ? '' : `&rtcpport=${output.rtcpPort}`}`,
    };
  }
  return {
    format: 'hls',
    options: [
      ['hls_segment_type', 'fmp4'],
      ['hls_time', String(output.segmentSeconds ?? 1)],
      ['hls_list_size', String(output.listSize ?? 6)],
      // temp_file: the hub serves the playlist while ffmpeg rewrites it, so it must appear whole.
      // omit_endlist: an ingest that stops or restarts is not the end of a live camera.
      ['hls_flags', 'delete_segments+independent_segments+program_date_time+temp_file+omit_endlist'],
      // Sequence numbers from the wall clock: a restarted ingest continues the numbering instead of
      // overwriting segments a player may still be fetching.
      ['hls_start_number_source', 'epoch'],
      ['hls_fmp4_init_filename', HLS_INIT],
      ['hls_segment_filename', path.join(output.dir, 'seg-%d.m4s')],
    ],
    bsf: null,
    target: path.join(output.dir, HLS_PLAYLIST),
  };
}

/** A copied output: its own `-map … -c:v copy … -f <format> <target>`. */
function copyArgs(output: IngestOutput, codec: VideoCodec | undefined): string[] {
  const m = muxer(output);
  return [
    ...STREAMS,
    '-c:v',
    'copy',
    ...(codec === 'hevc' ? ['-tag:v', 'hvc1'] : []),
    ...(m.bsf === null ? [] : ['-bsf:v', m.bsf]),
    '-f',
    m.format,
    ...m.options.flatMap(([name, value]) => [`-${name}`, value]),
    m.target,
  ];
}

/**
 * A tee muxer slave value as it is: ffmpeg splits and unescapes a tee spec at several levels
 * (outputs at `|`, options at `]` and `:`), so rather than guess its escaping, values holding those
 * characters are refused — in practice a data directory whose path holds `:`, `|`, `[`, `]` or `\\`.
 */
export function teeValue(text: string): string {
  if (/[\\:|[\]]/.test(text)) throw new Error(`Cannot transcode into a path holding : | [ ] or \\ (${text})`);
  return text;
}

/** The tee muxer's slave spec of one output: `[f=…:opt=value…]target` (target taken as it is). */
function teeSlave(output: IngestOutput): string {
  const m = muxer(output);
  const options: [string, string][] = [['f', m.format], ...m.options];
  if (m.bsf !== null) options.push(['bsfs/v', m.bsf]);
  const spec = options.map(([name, value]) => `${name}=${teeValue(value)}`).join(':');
  if (m.target.includes('|')) throw new Error(`Cannot transcode into a path holding | (${m.target})`);
  return `[${spec}]${m.target}`;
}

/** H.265 decoded and encoded once as H.264 (TRANSCODE), fanned out to every output. */
function transcodeArgs(outputs: readonly IngestOutput[]): string[] {
  const t = TRANSCODE;
  return [
    ...STREAMS,
    '-vf',
    `scale=w='min(${t.maxWidth},iw)':h='min(${t.maxHeight},ih)':force_original_aspect_ratio=decrease:force_divisible_by=2,format=yuv420p`,
    '-c:v',
    'libx264',
    '-preset',
    t.preset,
    '-tune',
    'zerolatency',
    '-profile:v',
    'baseline',
    '-b:v',
    `${t.kbits}k`,
    '-maxrate',
    `${t.kbits}k`,
    '-bufsize',
    `${t.kbits}k`,
    // A keyframe every second whatever the camera's frame rate.
    '-force_key_frames',
    `expr:gte(t,n_forced*${t.gopSeconds})`,
    '-sc_threshold',
    '0',
    '-f',
    'tee',
    outputs.map(teeSlave).join('|'),
  ];
}

/** The outputs part of the command line for the codec and the transcode setting. */
export function outputArgs(
  outputs: readonly IngestOutput[],
  codec: VideoCodec | undefined,
  transcode: boolean,
): string[] {
  if (codec !== 'hevc') return outputs.flatMap((o) => copyArgs(o, codec));
  if (transcode) return transcodeArgs(outputs);
  // H.265 as it is goes to HLS only: the WebRTC engines carry H.264.
  return outputs.filter((o) => o.kind === 'hls').flatMap((o) => copyArgs(o, codec));
}

export function ffmpegArgs(input: FfmpegArgsInput): string[] {
  if (input.outputs.length === 0) throw new Error('An ingest needs at least one output');
  return [
    '-hide_banner',
    '-nostdin',
    // info: the stream mapping and each segment opened are what tell "live" and "copied" apart.
    '-loglevel',
    'level+info',
    '-nostats',
    '-progress',
    'pipe:1',
    '-rtsp_transport',
    'tcp',
    '-timeout',
    String(Math.max(1, Math.round(input.timeoutMs * 1000))),
    '-i',
    input.url,
    ...outputArgs(input.outputs, input.codec, input.transcode ?? false),
  ];
}
