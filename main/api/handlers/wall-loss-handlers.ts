import { LOSS_ALARM_ACKERS, LOSS_ALARM_DEFAULT_DELAY_S } from '../../../common/contract';
import type { Camera } from '../../../common/contract';
import type { Clock } from '../../clock';
import { lossAlarmWords } from '../../services/audit/notes-ops';
import type { LossAlarmSettings } from '../../services/wall/loss-alarm-settings';
import type { Handler } from '../handler-types';

const STREAM_NAMES = { main: '主码流', sub: '子码流' } as const;

/**
 * The video-loss alarm per camera group: everyone who watches video reads the
 * settings (their wall alarms by them); administrators set them, audited, and every wall refreshes
 * through cameras.changed. An acknowledgement is the hub's too: audited, and pushed to everyone who
 * watches video (the camera registry is shared by them all, camera-visibility.ts), so every console
 * and wall window showing that camera's alarm clears it at once.
 */
export function wallLossHandlers(
  settings: LossAlarmSettings,
  /** The camera by id, as cameras.get finds it (E_NOT_FOUND for an unknown one). */
  camera: (id: string) => Pick<Camera, 'id' | 'name' | 'gridName'>,
  clock: Clock,
): {
  'wall.lossAlarms.list': Handler<'wall.lossAlarms.list'>;
  'wall.lossAlarms.set': Handler<'wall.lossAlarms.set'>;
  'wall.lossAlarms.ack': Handler<'wall.lossAlarms.ack'>;
} {
  return {
    'wall.lossAlarms.list': () => ({
      rows: settings.list(),
      defaults: { enabled: true, delayS: LOSS_ALARM_DEFAULT_DELAY_S },
    }),
    'wall.lossAlarms.set': (ctx, { gridId, enabled, delayS }) => {
      const { user } = ctx.requireSession();
      return ctx.tx(() => {
        const { before, after } = settings.set(gridId, enabled, delayS, user.id);
        ctx.audit.target = `grid:${after.gridId}`;
        Object.assign(ctx.audit, lossAlarmWords(after.gridName, before, after));
        ctx.publish('cameras.changed', { ids: [] });
        return after;
      });
    },
    'wall.lossAlarms.ack': (ctx, { cameraId, stream }) => {
      const { user } = ctx.requireSession();
      const found = camera(cameraId);
      return ctx.tx(() => {
        const ack = {
          cameraId: found.id,
          cameraName: found.name,
          stream,
          by: { userId: user.id, userName: user.displayName },
          at: clock(),
        };
        ctx.audit.target = `camera:${found.id}`;
        ctx.audit.summary = `确认视频丢失报警：${found.name}（${found.id}，${STREAM_NAMES[stream]}）`;
        ctx.audit.detail = {
          key: 'wall.lossAck',
          params: { name: found.name, camera: found.id, stream, group: found.gridName },
        };
        ctx.publish('wall.lossAcked', ack, { roles: LOSS_ALARM_ACKERS });
        return ack;
      });
    },
  };
}
