import type { WallAlarmRouter } from '../../services/wall';
import type { Handler } from '../handler-types';

/**
 * `orders.create` that, for a 特急 order, pushes its cameras to the alarm windows once the order is
 * saved (issue 11 item 8). The push never fails the order: it is reported and the order stands.
 */
export function alarmAfterCriticalOrder(
  handler: Handler<'orders.create'>,
  router: Pick<WallAlarmRouter, 'order'>,
  log: (err: unknown) => void,
): Handler<'orders.create'> {
  return async (ctx, input) => {
    const detail = await handler(ctx, input);
    if (input.urgency === 'critical') {
      const { user } = ctx.requireSession();
      ctx.afterSuccess(() => {
        try {
          router.order(detail.id, { userId: user.id, userName: user.displayName });
        } catch (err) {
          log(err);
        }
      });
    }
    return detail;
  };
}
