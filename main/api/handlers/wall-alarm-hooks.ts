import type { MethodName } from '../../../common/contract';
import type { WallAlarmRouter, WallWindows } from '../../services/wall';
import type { Handler, HandlerContext } from '../handler-types';

/** Runs `send` once the write is committed; a failure there is logged and never fails the write. */
function afterCommit(ctx: HandlerContext, log: (err: unknown) => void, send: () => void): void {
  ctx.afterSuccess(() => {
    try {
      send();
    } catch (err) {
      log(err);
    }
  });
}

/**
 * A write after which 特急 orders may be waiting for their alarm (orders.create): once it is
 * committed, the queue the database fills (wall_alarm_orders) is sent at once rather than at the
 * next sweep. Which orders alarm is not decided here — the database queues every 特急 order
 * whichever way it came — so a method wrapped by mistake sends nothing twice. Never fails the write.
 */
export function drainAlarmsAfter<M extends MethodName>(
  handler: Handler<M>,
  router: Pick<WallAlarmRouter, 'drainOrders'>,
  log: (err: unknown) => void,
): Handler<M> {
  return async (ctx, input) => {
    const result = await handler(ctx, input);
    afterCommit(ctx, log, () => {
      router.drainOrders();
    });
    return result;
  };
}

type Marking = 'wall.windows.register' | 'wall.windows.setAlarm';

/**
 * A window (re)registered or marked for alarms gets its owner's alarms still unacknowledged from a
 * window of the same name that closed — a reload, or the hub restarted.
 */
export function redeliverAlarmsAfter<M extends Marking>(
  handler: Handler<M>,
  router: Pick<WallAlarmRouter, 'redeliver'>,
  windows: Pick<WallWindows, 'byWindowId'>,
  log: (err: unknown) => void,
): Handler<M> {
  return async (ctx, input) => {
    const result = await handler(ctx, input);
    afterCommit(ctx, log, () => {
      const window = windows.byWindowId(result.windowId);
      if (window) router.redeliver(window);
    });
    return result;
  };
}
