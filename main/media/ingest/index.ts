/** The camera gateway's ingest: ffmpeg per camera stream, supervised. */
export { DEFAULT_BACKOFF, backoffDelay, type BackoffOptions } from './backoff';
export {
  HLS_INIT,
  HLS_PLAYLIST,
  ffmpegArgs,
  type HlsOutput,
  type IngestOutput,
  type RtpOutput,
  type VideoCodec,
} from './ffmpeg-args';
export { OFFLINE_REASONS, offlineReason, type OfflineReason } from './ffmpeg-output';
export {
  INGEST_DEFAULTS,
  IngestSupervisor,
  type IngestOptions,
  type IngestState,
  type IngestStatus,
} from './ingest-supervisor';
export { isIngestFile, prepareHlsDirs } from './hls-dir';
export { nodeSpawner, withParentDeathSignal, type IngestProcess, type Spawner } from './process';
export {
  ffprobeArgs,
  parseProbeJson,
  probeCodec,
  type ProbeOptions,
  type ProbeResult,
  type ProbedStream,
} from './probe-codec';
export { redactUrl, redactorFor, type Redactor } from './redact';
export { systemScheduler, type Scheduler } from './scheduler';
