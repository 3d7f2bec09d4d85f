import { demoStreamWords } from '../../services/audit/notes-ops';
import { apiError } from '../../../common/contract';
import type { demoMethods } from '../../../common/contract/demo';
import type { DemoMedia } from '../../media/demo-media';
import { demoStreamOf } from '../../media/demo-online';
import type { CamerasService } from '../../services/cameras/cameras-service';
import type { Handler } from '../handler-types';

type CameraWrite = 'cameras.update' | 'cameras.setEnabled' | 'cameras.delete';

/**
 * A camera write followed by its demo WebRTC feeds stopping (DemoRtc.forget): an edited camera may
 * no longer play that demo stream, and its producer key may become an RTSP ingest's.
 */
export function forgetDemoAfter<M extends CameraWrite>(
  handler: Handler<M>,
  demo: { forget(cameraId: string): void } | null,
): Handler<M> {
  return async (ctx, input) => {
    const result = await handler(ctx, input);
    ctx.afterSuccess(() => demo?.forget(input.id));
    return result;
  };
}

export interface DemoControlDeps {
  cameras: CamerasService;
  /** The hub's demo media; control only when it was loaded with `control` (CITYOPS_DEMO_MEDIA_CONTROL=1). */
  media: DemoMedia | undefined;
}

type DemoHandlers = { [M in keyof typeof demoMethods]: Handler<M> };

/**
 * demo.setRunning (common/contract/demo.ts): the router has checked the role; this checks that the
 * control is on and that the camera plays a demo stream. The stream flips after the call has
 * succeeded (its audit row written), so the duty log entries and `cameras.changed` the flip causes
 * (hub.ts) follow the audited call.
 */
export function demoHandlers(deps: DemoControlDeps): DemoHandlers {
  return {
    'demo.setRunning': (ctx, { cameraId, running }) => {
      const media = deps.media;
      if (!media?.control) {
        throw apiError(
          'E_CONFLICT',
          '演示流控制未开启（CITYOPS_DEMO_MEDIA_CONTROL=1）',
          'Demo stream control is off (CITYOPS_DEMO_MEDIA_CONTROL=1)',
        );
      }
      const camera = deps.cameras.get(cameraId);
      const key = demoStreamOf(camera.mainUrl)?.key;
      if (key === undefined || !media.has(key)) {
        throw apiError('E_NOT_FOUND', `摄像机 ${camera.id} 不播放演示流`, `Camera ${camera.id} plays no demo stream`);
      }
      ctx.audit.target = camera.id;
      Object.assign(ctx.audit, demoStreamWords(running, key));
      ctx.afterSuccess(() => (running ? media.start(key) : media.stop(key)));
      return { cameraId: camera.id, streamKey: key, running };
    },
  };
}
