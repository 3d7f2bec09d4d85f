import type { ClockSanity } from '../../services/system/clock-sanity';
import type { Handler } from '../handler-types';

export function clockHandlers(sanity: ClockSanity) {
  const report: Handler<'system.clock.report'> = (ctx, { consoleTime }) => {
    const { user } = ctx.requireSession();
    const { skewMs, off } = sanity.report({
      connectionId: ctx.conn.id,
      userId: user.id,
      userName: user.displayName,
      consoleTime,
    });
    return { hubTime: consoleTime - skewMs, skewMs, off };
  };
  const status: Handler<'system.clock.status'> = () => sanity.status();
  return { 'system.clock.report': report, 'system.clock.status': status };
}
