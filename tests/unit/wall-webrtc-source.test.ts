import { describe, expect, it } from 'vitest';
import { cameraSource } from '../../renderer/src/wall/cameras/source';
import { camera } from '../helpers/camera';

// Which cameras a tile plays through the hub's gateway and which it plays itself.

describe('cameraSource', () => {
  it('plays an RTSP camera through the gateway, its masked URL never used', () => {
    const rtsp = camera({
      protocol: 'rtsp',
      mainUrl: 'rtsp://admin:***@10.0.0.5:554/Streaming/Channels/101',
      subUrl: 'rtsp://admin:***@10.0.0.5:554/Streaming/Channels/102',
      mainHasCredentials: true,
      subHasCredentials: true,
    });
    expect(cameraSource(rtsp, 'sub')).toEqual({
      cameraId: 'cam-1',
      stream: 'sub',
      url: 'gateway:cam-1/sub',
      gateway: true,
      playback: 'auto',
    });
    expect(cameraSource(rtsp, 'main')).toEqual({
      cameraId: 'cam-1',
      stream: 'main',
      url: 'gateway:cam-1/main',
      gateway: true,
      playback: 'auto',
    });
  });

  it('asks for the main stream of a camera without a sub stream', () => {
    const rtsp = camera({ protocol: 'rtsp', mainUrl: 'rtsp://10.0.0.5/live' });
    expect(cameraSource(rtsp, 'sub')).toMatchObject({ stream: 'main', url: 'gateway:cam-1/main', gateway: true });
  });

  it("carries the registry's protocol choice (an HLS-only camera asks for no early WebRTC consumer)", () => {
    expect(
      cameraSource(camera({ protocol: 'rtsp', mainUrl: 'rtsp://10.0.0.5/live', playback: 'hls' }), 'main'),
    ).toMatchObject({ playback: 'hls' });
  });

  it('plays the demo cameras through their signed gateway path', () => {
    const demo = camera({ mainUrl: '/media/demo/demo01/main/index.m3u8', subUrl: '/media/demo/demo01/sub/index.m3u8' });
    expect(cameraSource(demo, 'sub')).toMatchObject({ stream: 'sub', gateway: true });
  });

  it('plays HLS URLs, with or without credentials, through the hub (its proxy), never the URL itself', () => {
    expect(cameraSource(camera({}), 'sub')).toEqual({
      cameraId: 'cam-1',
      stream: 'main',
      url: 'gateway:cam-1/main',
      gateway: true,
      playback: 'auto',
    });
    const secret = camera({ mainUrl: 'http://u:***@media.example/a.m3u8', mainHasCredentials: true });
    expect(cameraSource(secret, 'main')).toMatchObject({ url: 'gateway:cam-1/main', gateway: true });
  });

  it('refuses disabled cameras and other protocols', () => {
    expect(cameraSource(camera({ enabled: false, protocol: 'rtsp' }), 'main')).toBe('disabled');
    expect(cameraSource(camera({ protocol: 'webrtc', mainUrl: 'webrtc://x/y' }), 'main')).toBe('protocol');
  });
});
