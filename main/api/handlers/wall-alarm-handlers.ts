import type { WallAlarmRouter, WallWindows } from '../../services/wall';
import type { Handler } from '../handler-types';

/**
 * wall.alarm.pending: an alarm window asks, once it listens for alarms, for those
 * still unacknowledged — after a reload or a hub restart it has a new window id, and an alarm sent
 * before it knew that id would be lost. Only the window on the caller's own connection, only when it
 * is marked for alarms, only its owner's alarms (WallAlarmRouter.redeliver).
 */
export function wallAlarmHandlers(
  router: Pick<WallAlarmRouter, 'pendingFor'>,
  windows: Pick<WallWindows, 'ofConnection'>,
): { 'wall.alarm.pending': Handler<'wall.alarm.pending'> } {
  return {
    'wall.alarm.pending': (ctx) => {
      ctx.requireSession();
      const window = windows.ofConnection(ctx.conn.id);
      return { rows: window ? router.pendingFor(window) : [] };
    },
  };
}
