/**
 * The browser half of webrtc-engine.spec.ts, bundled with esbuild: an unmodified mediasoup-client
 * receives one consumer from the embedded engine. Signalling goes through `window.signal`
 * (page.exposeFunction), the same calls the contract carries.
 */
import { Device } from 'mediasoup-client';
import type { DtlsParameters, RtpCapabilities } from 'mediasoup-client/types';

interface PlayerState {
  frames: number;
  firstFrameMs: number | undefined;
  consumeMs: number | undefined;
  error: string | undefined;
  transportState: string;
}

declare global {
  interface Window {
    signal(method: string, params: unknown): Promise<unknown>;
    startPlayer(producerKey: string): Promise<void>;
    setPaused(paused: boolean): Promise<void>;
    inboundStats(): Promise<Record<string, unknown>>;
    /** Another consumer on the same transport, in a video of its own; its frame count is tileFrames[i]. */
    addTile(producerKey: string): Promise<void>;
    /** The hub's side of the ICE pair in use (the remote candidate, seen from the browser). */
    selectedPair(): Promise<{ protocol: string; address: string; port: number } | undefined>;
    tileFrames: number[];
    player: PlayerState;
  }
}

window.setPaused = () => Promise.reject(new Error('not playing'));
window.inboundStats = () => Promise.resolve({});
window.addTile = () => Promise.reject(new Error('not playing'));
window.tileFrames = [];
window.selectedPair = () => Promise.resolve(undefined);
window.player = { frames: 0, firstFrameMs: undefined, consumeMs: undefined, error: undefined, transportState: 'new' };

window.startPlayer = async (producerKey: string): Promise<void> => {
  const started = performance.now();
  const state = window.player;
  try {
    const device = new Device({ handlerName: 'Chrome111' });
    const routerRtpCapabilities = (await window.signal('capabilities', {})) as RtpCapabilities;
    await device.load({ routerRtpCapabilities });
    const params = (await window.signal('createTransport', {})) as Parameters<Device['createRecvTransport']>[0];
    const transport = device.createRecvTransport(params);
    transport.on('connectionstatechange', (s) => (state.transportState = s));
    window.selectedPair = async () => {
      const report = await transport.getStats();
      const stats = [...report.values()] as Record<string, unknown>[];
      const pair = stats.find((s) => s['type'] === 'candidate-pair' && s['state'] === 'succeeded' && s['nominated']);
      const remote = stats.find((s) => s['id'] === pair?.['remoteCandidateId']);
      if (!remote) return undefined;
      return { protocol: String(remote['protocol']), address: String(remote['address']), port: Number(remote['port']) };
    };
    transport.on('connect', ({ dtlsParameters }: { dtlsParameters: DtlsParameters }, ok, fail) => {
      window.signal('connect', { transportId: transport.id, dtlsParameters }).then(
        () => ok(),
        (e: unknown) => fail(e instanceof Error ? e : new Error(String(e))),
      );
    });
    const answer = (await window.signal('consume', {
      transportId: transport.id,
      producerKey,
      rtpCapabilities: device.recvRtpCapabilities,
    })) as Parameters<typeof transport.consume>[0];
    const consumer = await transport.consume(answer);
    window.addTile = async (key: string): Promise<void> => {
      const more = (await window.signal('consume', {
        transportId: transport.id,
        producerKey: key,
        rtpCapabilities: device.recvRtpCapabilities,
      })) as Parameters<typeof transport.consume>[0];
      const tileConsumer = await transport.consume(more);
      const index = window.tileFrames.push(0) - 1;
      const tile = document.createElement('video');
      tile.muted = true;
      tile.width = 320;
      document.body.append(tile);
      tile.srcObject = new MediaStream([tileConsumer.track]);
      const onTileFrame = (): void => {
        window.tileFrames[index] = (window.tileFrames[index] ?? 0) + 1;
        tile.requestVideoFrameCallback(onTileFrame);
      };
      tile.requestVideoFrameCallback(onTileFrame);
      await tile.play();
    };
    window.inboundStats = async (): Promise<Record<string, unknown>> => {
      const report = await consumer.getStats();
      for (const entry of report.values()) {
        const s = entry as Record<string, unknown>;
        if (s['type'] !== 'inbound-rtp') continue;
        const keys = [
          'packetsReceived',
          'packetsLost',
          'nackCount',
          'pliCount',
          'framesDecoded',
          'framesDropped',
          'jitter',
        ];
        return Object.fromEntries(keys.map((k) => [k, s[k]]));
      }
      return {};
    };
    window.setPaused = async (paused: boolean): Promise<void> => {
      if (paused) consumer.pause();
      else consumer.resume();
      await window.signal(paused ? 'pause' : 'resume', { consumerId: consumer.id });
    };
    state.consumeMs = performance.now() - started;
    const video = document.querySelector('video');
    if (!video) throw new Error('no video element');
    video.srcObject = new MediaStream([consumer.track]);
    const onFrame = (): void => {
      state.frames += 1;
      state.firstFrameMs ??= performance.now() - started;
      video.requestVideoFrameCallback(onFrame);
    };
    video.requestVideoFrameCallback(onFrame);
    await video.play();
  } catch (error) {
    state.error = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  }
};
