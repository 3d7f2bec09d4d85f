import { describe, expect, it } from 'vitest';
import { hlsConfigFor, WALL_HLS_CONFIG } from '../../renderer/src/wall/player/hls-config';
import { classifyHlsError, classifyMediaError } from '../../renderer/src/wall/player/hls-errors';

// Which hls.js errors make a tile 'offline' (retrying will help) or 'error' (not playable).
const fatal = (type: string, details: string, code?: number) => ({
  type,
  details,
  fatal: true,
  ...(code === undefined ? {} : { response: { code } }),
});

describe('hls.js error → tile failure', () => {
  it('ignores non-fatal errors (hls.js retries them itself)', () => {
    expect(classifyHlsError({ type: 'networkError', details: 'fragLoadError', fatal: false })).toBeNull();
  });

  it('network failures are offline, named by their HTTP status', () => {
    expect(classifyHlsError(fatal('networkError', 'levelLoadError', 503))).toEqual({
      kind: 'offline',
      reason: { zh: '摄像机离线（HTTP 503）', en: 'camera offline (HTTP 503)' },
    });
    expect(classifyHlsError(fatal('networkError', 'manifestLoadError', 404))?.reason.en).toBe(
      'stream not found (HTTP 404)',
    );
    expect(classifyHlsError(fatal('networkError', 'fragLoadError', 500))?.reason.en).toBe('server error (HTTP 500)');
    expect(classifyHlsError(fatal('networkError', 'fragLoadError', 403))?.reason.en).toBe('access denied (HTTP 403)');
    expect(classifyHlsError(fatal('networkError', 'manifestLoadError', 0))?.reason.en).toBe('network unreachable');
    expect(classifyHlsError(fatal('networkError', 'fragLoadTimeOut'))).toMatchObject({
      kind: 'offline',
      reason: { en: 'connection timed out' },
    });
  });

  it('has no frozen-playlist failure: hls.js polls a frozen playlist without limit, and the tile reads stalled', () => {
    // hls.js raises playlistUnchangedError only after liveMaxUnchangedPlaylistRefresh unchanged
    // reloads (default Infinity); the wall's configuration leaves that default alone.
    expect(WALL_HLS_CONFIG).not.toHaveProperty('liveMaxUnchangedPlaylistRefresh');
    expect(hlsConfigFor(true)).not.toHaveProperty('liveMaxUnchangedPlaylistRefresh');
    expect(hlsConfigFor(false)).not.toHaveProperty('liveMaxUnchangedPlaylistRefresh');
  });

  it('a malformed playlist is an error even though hls.js calls it a network error', () => {
    expect(classifyHlsError(fatal('networkError', 'manifestParsingError'))).toEqual({
      kind: 'error',
      reason: { zh: '码流格式错误', en: 'malformed playlist' },
    });
    expect(classifyHlsError(fatal('networkError', 'levelParsingError'))?.kind).toBe('error');
  });

  it('unplayable media is an error with its reason', () => {
    expect(classifyHlsError(fatal('mediaError', 'bufferIncompatibleCodecsError'))?.reason.en).toBe('unsupported codec');
    expect(classifyHlsError(fatal('mediaError', 'fragParsingError'))?.reason.en).toBe('malformed media data');
    expect(classifyHlsError(fatal('mediaError', 'bufferStalledError'))?.reason.en).toBe('playback stuck');
    expect(classifyHlsError(fatal('mediaError', 'somethingNew'))).toMatchObject({ kind: 'error' });
    expect(classifyHlsError(fatal('otherError', 'internalException'))?.reason.en).toBe(
      'playback error (internalException)',
    );
  });

  it('maps <video> MediaError codes', () => {
    expect(classifyMediaError(2).kind).toBe('offline');
    expect(classifyMediaError(3).reason.en).toBe('decode error');
    expect(classifyMediaError(4).reason.en).toBe('unsupported codec');
  });
});
