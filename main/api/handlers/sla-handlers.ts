import { URGENCY_NAMES } from '../../../common/domain/orders/states';
import type { SlaService } from '../../services/sla/sla-service';
import type { Handler } from '../handler-types';

const MODE_NAMES = { natural: '自然时间', working: '工作时间' } as const;
const DAY_KIND_NAMES = { holiday: '节假日', workday: '调休上班', normal: '按周一至周五' } as const;

export function slaHandlers(sla: SlaService) {
  const listLimits: Handler<'sla.limits.list'> = () => sla.limits();

  const setLimit: Handler<'sla.limits.set'> = (ctx, input) => {
    ctx.audit.target = `time_limit:${input.categoryId}/${input.urgency}`;
    ctx.audit.summary =
      `处置时限 ${input.categoryId === '*' ? '默认' : input.categoryId}·${URGENCY_NAMES[input.urgency].zh}` +
      ` = ${input.minutes} 分钟（${MODE_NAMES[input.mode]}） / time limit ${input.minutes} min ${input.mode}`;
    return ctx.tx(() => sla.setLimit(input));
  };

  const listCalendar: Handler<'sla.calendar.list'> = (_ctx, { year }) => sla.calendarDays(year);

  const setCalendarDay: Handler<'sla.calendar.set'> = (ctx, { date, kind, name }) => {
    ctx.audit.target = `calendar:${date}`;
    ctx.audit.summary = `工作日历 ${date} → ${DAY_KIND_NAMES[kind]}${name ? `（${name}）` : ''} / calendar ${kind}`;
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
