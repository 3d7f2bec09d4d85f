import { afterEach, describe, expect, it, vi } from 'vitest';
import { isPlainHevc, type StreamState } from '../../common/contract/media';
import {
  createGateway,
  GATEWAY_REASONS,
  GatewayFailure,
  UNPLAYABLE_REASONS,
  type GatewayLink,
} from '../../renderer/src/wall/player/gateway';
import type { PlayerSource } from '../../renderer/src/wall/player/types';

// The player layer's gateway client: media.open waits for a connecting ingest,
// offline answers and events fail with the gateway's reason, media.release once per window.

const SOURCE: PlayerSource = { cameraId: 'cam-1', stream: 'sub', url: 'gateway:cam-1/sub', gateway: true };

function state(patch: Partial<StreamState>): StreamState {
  return { cameraId: 'cam-1', stream: 'sub', state: 'live', reason: null, codec: 'h264', transcoded: false, ...patch };
}

function fakeLink(answer: StreamState) {
  const listeners = new Set<(s: StreamState) => void>();
  const released: string[] = [];
  const link: GatewayLink = {
    open: (_cameraId, _stream, hevc) =>
      Promise.resolve({
        hlsUrl: '/media/s/tok/live/cam-1/sub/index.m3u8',
        webrtc: !isPlainHevc(answer),
        playback: 'auto' as const,
        unplayable: isPlainHevc(answer) && !hevc ? ('codec-h265' as const) : null,
        state: answer,
      }),
    release: (cameraId, stream) => {
      released.push(`${cameraId}/${stream}`);
      return Promise.resolve(null);
    },
    onState: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return { link, released, listeners, publish: (s: StreamState) => [...listeners].forEach((l) => l(s)) };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('gateway client', () => {
  it('answers the signed path of a live stream at once', async () => {
    const { link, listeners } = fakeLink(state({}));
    await expect(createGateway(link).open(SOURCE)).resolves.toEqual({
      hlsUrl: '/media/s/tok/live/cam-1/sub/index.m3u8',
      webrtc: true,
      playback: 'auto',
      ingested: true,
    });
    expect(listeners.size).toBe(0);
  });

  it('waits for a connecting ingest to go live, ignoring other streams', async () => {
    const fake = fakeLink(state({ state: 'connecting' }));
    let done = false;
    const opened = createGateway(fake.link)
      .open(SOURCE)
      .then(() => (done = true));
    await Promise.resolve();
    await Promise.resolve();
    fake.publish(state({ stream: 'main' }));
    fake.publish(state({ cameraId: 'cam-2' }));
    await Promise.resolve();
    expect(done).toBe(false);
    fake.publish(state({}));
    await opened;
    expect(done).toBe(true);
    expect(fake.listeners.size).toBe(0);
  });

  it('fails with the gateway reason when the stream is or goes offline', async () => {
    const offline = fakeLink(state({ state: 'offline', reason: 'unauthorized' }));
    const error = await createGateway(offline.link)
      .open(SOURCE)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GatewayFailure);
    expect((error as GatewayFailure).failure).toEqual({ kind: 'offline', reason: GATEWAY_REASONS.unauthorized });
    expect(GATEWAY_REASONS.unauthorized.zh).toBe('用户名或密码错误');

    const connecting = fakeLink(state({ state: 'connecting' }));
    const pending = createGateway(connecting.link).open(SOURCE);
    await Promise.resolve();
    await Promise.resolve();
    connecting.publish(state({ state: 'offline', reason: 'refused' }));
    await expect(pending).rejects.toMatchObject({ failure: { reason: { zh: '连接被拒绝' } } });
  });

  it('gives up waiting after its bound, as a timeout', async () => {
    vi.useFakeTimers();
    const fake = fakeLink(state({ state: 'connecting' }));
    const pending = createGateway(fake.link, 1000).open(SOURCE);
    const settled = pending.catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(1000);
    expect(await settled).toMatchObject({ failure: { reason: GATEWAY_REASONS.timeout } });
    expect(fake.listeners.size).toBe(0);
  });

  it('releases a stream once the last hold of this window lets go', async () => {
    const fake = fakeLink(state({}));
    const gateway = createGateway(fake.link);
    await gateway.open(SOURCE);
    await gateway.open(SOURCE);
    gateway.release(SOURCE);
    expect(fake.released).toEqual([]);
    gateway.release(SOURCE);
    expect(fake.released).toEqual(['cam-1/sub']);
  });
});

describe('H.265 streams', () => {
  const hevc = (patch: Partial<StreamState> = {}) => state({ codec: 'hevc', ...patch });
  const H265 = { kind: 'error', reason: UNPLAYABLE_REASONS['codec-h265'] };

  it('a console that cannot decode H.265 gets the clear message, not an offline to reconnect from', async () => {
    const fake = fakeLink(hevc());
    const error = await createGateway(fake.link, 1000, false)
      .open(SOURCE)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GatewayFailure);
    expect((error as GatewayFailure).failure).toEqual(H265);
    expect(UNPLAYABLE_REASONS['codec-h265'].zh).toBe('H.265 — 本机无法解码，请改用子码流或开启转码');
  });

  it('learns the codec while the ingest connects: H.265 fails at once without a decoder', async () => {
    const fake = fakeLink(state({ state: 'connecting', codec: null }));
    const pending = createGateway(fake.link, 5000, false).open(SOURCE);
    await Promise.resolve();
    await Promise.resolve();
    fake.publish(hevc({ state: 'connecting' }));
    await expect(pending).rejects.toMatchObject({ failure: H265 });
  });

  it('a console that decodes H.265 plays it over HLS only (WebRTC withdrawn once the codec is known)', async () => {
    const fake = fakeLink(state({ state: 'connecting', codec: null }));
    const pending = createGateway(fake.link, 5000, true).open(SOURCE);
    await Promise.resolve();
    await Promise.resolve();
    fake.publish(hevc({ state: 'connecting' }));
    fake.publish(hevc());
    await expect(pending).resolves.toMatchObject({ webrtc: false, ingested: true });
    await expect(createGateway(fakeLink(hevc()).link, 1000, true).open(SOURCE)).resolves.toMatchObject({
      webrtc: false,
    });
  });

  it('a transcoded H.265 stream plays everywhere over WebRTC', async () => {
    const fake = fakeLink(hevc({ transcoded: true }));
    await expect(createGateway(fake.link, 1000, false).open(SOURCE)).resolves.toMatchObject({ webrtc: true });
  });
});
