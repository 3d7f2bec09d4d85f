import { describe, expect, it } from 'vitest';
import { playlistAdvanced } from '../../renderer/src/wall/player/playlist-probe';

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
