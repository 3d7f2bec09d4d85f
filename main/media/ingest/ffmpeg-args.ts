import path from 'node:path';

/**
 * ffmpeg's command line for one camera stream: RTSP pulled over TCP with an I/O timeout, the video
 * copied (never re-encoded) to each requested output. Audio is dropped: the wall is silent and
 * cameras' G.711 cannot go into fMP4 HLS as it is.
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
  /** The codec when known (probeCodec): HEVC needs the `hvc1` tag for browsers' MSE. */
  codec?: VideoCodec | undefined;
}

export const HLS_PLAYLIST = 'index.m3u8';
export const HLS_INIT = 'init.mp4';

function outputArgs(output: IngestOutput, codec: VideoCodec | undefined): string[] {
  const copy = ['-map', '0:v:0', '-c:v', 'copy', '-an', '-sn', '-dn'];
  if (output.kind === 'rtp') {
    return [
      ...copy,
      // SPS/PPS before every keyframe: a WebRTC receiver that joins late needs them in-band, and a
      // camera often sends them only in the SDP.
      '-bsf:v',
      'dump_extra=freq=keyframe',
      '-f',
      'rtp',
      '-payload_type',
      String(output.payloadType),
      '-ssrc',
      String(output.ssrc | 0),
      ...(output.sdpFile === undefined ? [] : ['-sdp_file', output.sdpFile]),
      `rtp://127.0.0.1:${output.port}?pkt_size=1200${output.rtcpPort === undefined ? '' : `&rtcpport=${output.rtcpPort}`}`,
    ];
  }
  return [
    ...copy,
    ...(codec === 'hevc' ? ['-tag:v', 'hvc1'] : []),
    '-f',
    'hls',
    '-hls_segment_type',
    'fmp4',
    '-hls_time',
    String(output.segmentSeconds ?? 1),
    '-hls_list_size',
    String(output.listSize ?? 6),
    // temp_file: the hub serves the playlist while ffmpeg rewrites it, so it must appear whole.
    // omit_endlist: an ingest that stops or restarts is not the end of a live camera.
    '-hls_flags',
    'delete_segments+independent_segments+program_date_time+temp_file+omit_endlist',
    // Sequence numbers from the wall clock: a restarted ingest continues the numbering instead of
    // overwriting segments a player may still be fetching.
    '-hls_start_number_source',
    'epoch',
    '-hls_fmp4_init_filename',
    HLS_INIT,
    '-hls_segment_filename',
    path.join(output.dir, 'seg-%d.m4s'),
    path.join(output.dir, HLS_PLAYLIST),
  ];
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
    ...input.outputs.flatMap((output) => outputArgs(output, input.codec)),
  ];
}
