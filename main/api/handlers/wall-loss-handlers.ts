import { LOSS_ALARM_DEFAULT_DELAY_S, type LossAlarmSetting } from '../../../common/contract';
import type { LossAlarmSettings } from '../../services/wall/loss-alarm-settings';
import type { Handler } from '../handler-types';

const describe = (s: LossAlarmSetting) => (s.enabled ? `开启，离线 ${s.delayS} 秒后报警` : '关闭');

/**
 * The video-loss alarm per camera group (issue 12 item 6): everyone who watches video reads the
 * settings (their wall alarms by them); administrators set them, audited, and every wall refreshes
 * through cameras.changed.
 */
export function wallLossHandlers(settings: LossAlarmSettings): {
  'wall.lossAlarms.list': Handler<'wall.lossAlarms.list'>;
  'wall.lossAlarms.set': Handler<'wall.lossAlarms.set'>;
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
        ctx.audit.summary = `视频丢失报警（${after.gridName}）：${describe(before)} → ${describe(after)}`;
        ctx.publish('cameras.changed', { ids: [] });
        return after;
      });
    },
  };
}
