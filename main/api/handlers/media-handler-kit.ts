import { apiError } from '../../../common/contract';
import type { CameraStream } from '../../../common/contract/cameras';
import type { CameraGateway } from '../../media/gateway';
import type { OnlineState } from '../../services/cameras/camera-dto';
import type { CamerasService } from '../../services/cameras/cameras-service';

export interface MediaDeps {
  cameras: CamerasService;
  gateway: CameraGateway;
  /** HMAC key of signed media paths (hub.keys.mediaKey). */
  mediaKey: Buffer;
  clock: () => number;
  /** The camera tree's online state (demo streams' running state among others). */
  online: OnlineState;
  /** Demo cameras over WebRTC (main/media/demo-rtc): their feeds, held open like the gateway's ingests. */
  demo?: DemoStreams | undefined;
  /** How long a signed path is good for at most (each request also needs the session live). */
  urlLifetimeMs?: number;
  log?: (line: string) => void;
}

/** What media.open/release need of the demo feeds (DemoRtc). */
export interface DemoStreams {
  /** Holds the stream for the connection; whether it can be consumed over WebRTC. */
  open(
    connId: string,
    cameraId: string,
    stream: CameraStream,
    demo: { key: string; stream: CameraStream },
  ): Promise<boolean>;
  release(connId: string, cameraId: string, stream: CameraStream): void;
}

/** The camera, enabled, and the stream's stored (masked) URL. */
export function playable(cameras: CamerasService, cameraId: string, stream: CameraStream) {
  const camera = cameras.get(cameraId);
  if (!camera.enabled) {
    throw apiError('E_CONFLICT', `摄像机 ${camera.id} 已停用`, `Camera ${camera.id} is disabled`);
  }
  const sub = stream === 'sub' && camera.subUrl !== null;
  return { camera, url: sub ? (camera.subUrl ?? camera.mainUrl) : camera.mainUrl };
}

/**
 * The media.open calls still running, per connection and stream: a console asks for its consumer
 * right behind media.open (rtc-choice.ts consumeEarly), and that consume waits for the open to
 * have made the stream's producer.
 */
export class OpeningCalls {
  private readonly opening = new Map<string, Promise<unknown>>();

  tracked<T>(connId: string, cameraId: string, stream: CameraStream, run: Promise<T>): Promise<T> {
    const key = openingKey(connId, cameraId, stream);
    this.opening.set(key, run);
    const forget = () => {
      if (this.opening.get(key) === run) this.opening.delete(key);
    };
    run.then(forget, forget);
    return run;
  }

  /** The open still running for this stream, if any. */
  running(connId: string, cameraId: string, stream: CameraStream): Promise<unknown> | undefined {
    return this.opening.get(openingKey(connId, cameraId, stream));
  }
}

const openingKey = (connId: string, cameraId: string, stream: CameraStream) => `${connId}\n${cameraId}\n${stream}`;
