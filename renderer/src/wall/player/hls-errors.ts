import type { FailureKind, Reason } from './health-machine';

/**
 * Which hls.js errors end a stream, and how a tile names them. Structural input (the fields of
 * hls.js's ErrorData that matter) so it is testable without loading hls.js.
 *
 * 'offline': the stream could not be fetched (HTTP errors, timeouts, an unreachable server) — the
 * camera or its server is down; retrying will fix it. A playlist that stopped advancing is neither:
 * hls.js polls it without limit (hls-config.ts) and the tile reads it as stalled.
 * 'error': what arrived is not playable (a malformed playlist, undecodable media) — retrying
 * probably will not, but the tile retries anyway, as the source may be fixed meanwhile.
 */
export interface HlsErrorLike {
  type: string;
  details: string;
  fatal: boolean;
  response?: { code?: number } | undefined;
}

export interface Failure {
  kind: FailureKind;
  reason: Reason;
}

const LOAD_TIMEOUTS = new Set([
  'manifestLoadTimeOut',
  'levelLoadTimeOut',
  'fragLoadTimeOut',
  'keyLoadTimeOut',
  'audioTrackLoadTimeOut',
  'subtitleTrackLoadTimeOut',
]);

const LOAD_ERRORS = new Set([
  'manifestLoadError',
  'levelLoadError',
  'fragLoadError',
  'keyLoadError',
  'audioTrackLoadError',
  'subtitleTrackLoadError',
]);

const MALFORMED_PLAYLIST = new Set(['manifestParsingError', 'levelParsingError', 'levelEmptyError']);
const UNSUPPORTED_CODEC = new Set([
  'manifestIncompatibleCodecsError',
  'bufferAddCodecError',
  'bufferIncompatibleCodecsError',
]);
const MALFORMED_MEDIA = new Set([
  'fragParsingError',
  'fragDecryptError',
  'remuxAllocError',
  'bufferAppendError',
  'bufferAppendingError',
]);

export const REASONS = {
  timeout: { zh: '连接超时', en: 'connection timed out' },
  unreachable: { zh: '网络不可达', en: 'network unreachable' },
  malformedPlaylist: { zh: '码流格式错误', en: 'malformed playlist' },
  unsupportedCodec: { zh: '不支持的编码格式', en: 'unsupported codec' },
  malformedMedia: { zh: '码流数据错误', en: 'malformed media data' },
  decode: { zh: '解码失败', en: 'decode error' },
  stuck: { zh: '播放卡住', en: 'playback stuck' },
  noMse: { zh: '此浏览器不能播放 HLS（无 MSE）', en: 'this browser cannot play HLS (no MSE)' },
} as const satisfies Record<string, Reason>;

function httpReason(code: number): Reason {
  if (code === 404) return { zh: '码流不存在（HTTP 404）', en: 'stream not found (HTTP 404)' };
  if (code === 401 || code === 403) return { zh: `无权访问（HTTP ${code}）`, en: `access denied (HTTP ${code})` };
  if (code === 503) return { zh: '摄像机离线（HTTP 503）', en: 'camera offline (HTTP 503)' };
  return { zh: `服务器错误（HTTP ${code}）`, en: `server error (HTTP ${code})` };
}

/** The failure a fatal hls.js error means for the tile; null when the error is not fatal. */
export function classifyHlsError(error: HlsErrorLike): Failure | null {
  // hls.js recovers from non-fatal errors itself (retries, nudges over holes); the tile's own
  // stall detector catches the cases where it does not.
  if (!error.fatal) return null;
  const { details } = error;
  if (LOAD_TIMEOUTS.has(details)) return { kind: 'offline', reason: REASONS.timeout };
  if (LOAD_ERRORS.has(details)) {
    const code = error.response?.code ?? 0;
    return { kind: 'offline', reason: code > 0 ? httpReason(code) : REASONS.unreachable };
  }
  if (MALFORMED_PLAYLIST.has(details)) return { kind: 'error', reason: REASONS.malformedPlaylist };
  if (UNSUPPORTED_CODEC.has(details)) return { kind: 'error', reason: REASONS.unsupportedCodec };
  if (MALFORMED_MEDIA.has(details)) return { kind: 'error', reason: REASONS.malformedMedia };
  // Data is buffered but the playhead will not move, even after hls.js nudged it.
  if (details === 'bufferStalledError') return { kind: 'error', reason: REASONS.stuck };
  if (error.type === 'networkError') return { kind: 'offline', reason: REASONS.unreachable };
  if (error.type === 'mediaError') return { kind: 'error', reason: REASONS.decode };
  return { kind: 'error', reason: { zh: `播放错误（${details}）`, en: `playback error (${details})` } };
}

/** The failure a <video> element's own error means (MediaError codes). */
export function classifyMediaError(code: number): Failure {
  // 2 = MEDIA_ERR_NETWORK; 3 = DECODE; 4 = SRC_NOT_SUPPORTED (with MSE: a codec it cannot play).
  if (code === 2) return { kind: 'offline', reason: REASONS.unreachable };
  if (code === 4) return { kind: 'error', reason: REASONS.unsupportedCodec };
  return { kind: 'error', reason: REASONS.decode };
}
