import { ApiError } from '../common/contract/errors';
import type { CameraOnline } from '../common/domain/cameras';
import type { EventBus } from './api/event-bus';
import type { Clock } from './clock';
import type { Db } from './db/connection';
import type { HubOptions, HubServices } from './hub';
import { DEMO_MEDIA_BASE } from './media';
import { demoOnline } from './media/demo-online';
import { DemoRtc } from './media/demo-rtc';
import { CameraGateway, mediaSessionCheck, routeSignedMedia } from './media/gateway';
import { createHlsProxy } from './media/hls-proxy';
import type { MediaAnswer, MediaRequest } from './media/media-routes';
import type { HubKeys } from './security/hub-keys';
import type { OnlineState } from './services/cameras/camera-dto';
import { CameraOutages } from './services/duty/camera-outages';
import type { DutySystemLog } from './services/duty/system-log';

/** The media side of the hub: RTSP ingests, the demo streams over WebRTC, and who is online. */
export interface HubMedia {
  gateway: CameraGateway;
  demoRtc: DemoRtc | null;
  /** The hub knows its own demo streams and the cameras its gateway ingests; others read unknown. */
  cameraOnline: OnlineState;
  /** Signed media paths (/media/s/…) for both shells. */
  routeMedia: (request: MediaRequest) => MediaAnswer | null;
}

export function openMedia(db: Db, options: HubOptions, services: HubServices, keys: HubKeys, clock: Clock): HubMedia {
  const demoMedia = options.demoMedia;
  const gateway = new CameraGateway({
    ...options.gateway,
    dataDir: options.dataDir,
    cameras: services.cameras,
    engine: options.engine ?? null,
    log: options.gateway?.log ?? ((line) => console.warn(`[gateway] ${line}`)),
  });
  // Demo cameras over WebRTC: the clips packetized into the engine while someone watches.
  const demoRtc = demoMedia
    ? new DemoRtc({
        media: demoMedia,
        engine: options.engine ?? null,
        ...(options.gateway?.idleStopMs === undefined ? {} : { idleStopMs: options.gateway.idleStopMs }),
        log: (line) => console.warn(`[demo] ${line}`),
      })
    : null;
  const cameraOnline: OnlineState = (camera) => {
    if (!camera.enabled) return 'unknown';
    const ingested = gateway.online(camera.id);
    if (ingested !== 'unknown') return ingested;
    return demoMedia ? demoOnline(demoMedia, camera.mainUrl) : 'unknown';
  };
  const signedMedia = {
    mediaKey: keys.mediaKey,
    now: clock,
    sessionLive: mediaSessionCheck(db, clock),
    demo: demoMedia,
    liveDir: (cameraId: string, stream: 'main' | 'sub') => gateway.hlsDir(cameraId, stream),
    proxy: createHlsProxy({
      mediaKey: keys.mediaKey,
      streamUrl: (cameraId, stream) => services.cameras.streamUrl(cameraId, stream),
      log: (line) => console.warn(`[media] ${line}`),
    }),
  };
  return { gateway, demoRtc, cameraOnline, routeMedia: (request) => routeSignedMedia(signedMedia, request) };
}

/**
 * What the media side tells consoles: a demo stream stopped or started (its cameras' duty log
 * entries, the tree, the tiles watching), and the gateway's stream states. Answers the unsubscribe.
 */
export function watchMedia(
  options: HubOptions,
  media: HubMedia,
  deps: { services: HubServices; bus: EventBus; systemLog: DutySystemLog },
): () => void {
  const { gateway, demoRtc } = media;
  const { services, bus, systemLog } = deps;
  const offMedia = options.demoMedia?.onChange((key, running) => {
    // The registry cameras playing this demo stream (an administrator may have added more).
    const changed = services.cameras
      .list({ enabled: true }, 10_000, media.cameraOnline)
      .rows.filter((c) => c.mainUrl.startsWith(`${DEMO_MEDIA_BASE}/${key}/`));
    for (const camera of changed) systemLog.cameraOnline(camera, running);
    bus.publish('cameras.changed', { ids: changed.map((c) => c.id) });
    // Tiles watching it hear it as they hear an RTSP camera's ingest: offline at once, live again.
    for (const camera of changed) {
      for (const stream of ['main', 'sub'] as const) {
        const viewers = demoRtc?.viewers(camera.id, stream) ?? [];
        if (viewers.length === 0) continue;
        const state = running ? 'live' : 'offline';
        const payload = {
          cameraId: camera.id,
          stream,
          state,
          reason: running ? null : 'ended',
          codec: 'h264',
          transcoded: false,
        } as const;
        bus.publish('media.state', payload, { connectionIds: viewers });
      }
    }
  });
  // Stream states to the connections watching; the tree's online state to everyone when it flips,
  // and an outage of a camera seen live (and its end) into the duty log, as for the demo streams.
  const treeOnline = new Map<string, CameraOnline>();
  const outages = new CameraOutages();
  const offGateway = gateway.onState((state, viewers) => {
    if (viewers.length > 0) bus.publish('media.state', state, { connectionIds: viewers });
    const online = gateway.online(state.cameraId);
    if ((treeOnline.get(state.cameraId) ?? 'unknown') === online) return;
    treeOnline.set(state.cameraId, online);
    bus.publish('cameras.changed', { ids: [state.cameraId] });
    const entry = outages.flip(state.cameraId, online);
    if (entry) logIngestOutage(services, systemLog, state.cameraId, entry === 'online');
  });
  return () => {
    offMedia?.();
    offGateway();
  };
}

/** A gateway camera's outage or return in the duty log; a camera deleted meanwhile has nothing to log. */
function logIngestOutage(services: HubServices, systemLog: DutySystemLog, cameraId: string, online: boolean): void {
  try {
    systemLog.cameraOnline(services.cameras.get(cameraId), online);
  } catch (error) {
    if (!(error instanceof ApiError && error.code === 'E_NOT_FOUND')) throw error;
  }
}
