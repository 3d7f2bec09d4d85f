import type { SlaService } from '../../services/sla/sla-service';
import type { Handler } from '../handler-types';
import { slaCalendarWords, slaLimitWords } from '../../services/audit/notes';

export function slaHandlers(sla: SlaService) {
  const listLimits: Handler<'sla.limits.list'> = () => sla.limits();

  const setLimit: Handler<'sla.limits.set'> = (ctx, input) => {
    ctx.audit.target = `time_limit:${input.categoryId}/${input.urgency}`;
    Object.assign(ctx.audit, slaLimitWords(input, undefined));
    return ctx.tx(() => sla.setLimit(input));
  };

  const listCalendar: Handler<'sla.calendar.list'> = (_ctx, { year }) => sla.calendarDays(year);

  const setCalendarDay: Handler<'sla.calendar.set'> = (ctx, { date, kind, name }) => {
    ctx.audit.target = `calendar:${date}`;
    Object.assign(ctx.audit, slaCalendarWords(date, kind, name));
    ctx.tx(() => sla.setCalendarDay(date, kind, name));
    return null;
  };

  return {
    'sla.limits.list': listLimits,
    'sla.limits.set': setLimit,
    'sla.calendar.list': listCalendar,
    'sla.calendar.set': setCalendarDay,
  };
}
