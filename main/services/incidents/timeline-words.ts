import type { AuditDetail, AuditParam } from '../../../common/contract/audit-detail';
import { NOTIFY_CHANNEL_NAMES, type NotifyChannel } from '../../../common/domain/contacts';
import type { TimelineDetailKey } from '../../../common/domain/incidents/timeline-keys';
import {
  INCIDENT_LEVEL_NAMES,
  INCIDENT_TYPE_NAMES,
  REPORT_KIND_NAMES,
  type IncidentLevel,
  type IncidentType,
  type ReportKind,
} from '../../../common/domain/incidents/types';
import { formatShanghai } from '../../../common/domain/time';

/**
 * A timeline entry's Chinese text (the record, and what the report PDF prints) together with the same
 * as data for the console. Names, titles and notes people typed stay as typed.
 */
export interface TimelineWords {
  text: string;
  detail: AuditDetail;
}

function words(key: TimelineDetailKey, text: string, params: Record<string, AuditParam | undefined>): TimelineWords {
  const clean: Record<string, AuditParam> = {};
  for (const [name, value] of Object.entries(params)) if (value !== undefined) clean[name] = value;
  return { text, detail: { key, params: clean } };
}

export function activatedWords(i: {
  drill: boolean;
  type: IncidentType;
  level: IncidentLevel;
  areas: string[];
  commander: string;
  situation: string;
}): TimelineWords {
  return words(
    i.drill ? 'timeline.drillActivated' : 'timeline.activated',
    `${i.drill ? '启动演练' : '启动应急响应'}：${INCIDENT_TYPE_NAMES[i.type].zh} ${INCIDENT_LEVEL_NAMES[i.level].zh}；` +
      `影响范围：${i.areas.join('、')}；指挥：${i.commander}；情况：${i.situation}`,
    { incidentType: i.type, level: i.level, areas: i.areas, commander: i.commander, note: i.situation },
  );
}

export function levelWords(up: boolean, from: IncidentLevel, to: IncidentLevel, reason: string): TimelineWords {
  return words(
    up ? 'timeline.levelUp' : 'timeline.levelDown',
    `${up ? '升级' : '降级'}：${INCIDENT_LEVEL_NAMES[from].zh} → ${INCIDENT_LEVEL_NAMES[to].zh}；原因：${reason}`,
    { fromLevel: from, level: to, note: reason },
  );
}

export function closedWords(drill: boolean, summary: string): TimelineWords {
  return words(
    drill ? 'timeline.drillClosed' : 'timeline.closed',
    `${drill ? '结束演练' : '结束应急响应'}：${summary}`,
    {
      note: summary,
    },
  );
}

export function tickWords(done: boolean, item: string): TimelineWords {
  return words(done ? 'timeline.tick' : 'timeline.untick', `${done ? '完成' : '撤销完成'}：${item}`, { note: item });
}

export function reportWords(kind: ReportKind, late: boolean, text: string): TimelineWords {
  return words(
    late ? 'timeline.reportLate' : 'timeline.report',
    `报送${REPORT_KIND_NAMES[kind].zh}${late ? '（超时）' : ''}：${text}`,
    { reportKind: kind, note: text },
  );
}

export function reportMissedWords(kind: ReportKind, dueAt: number): TimelineWords {
  return words(
    'timeline.reportMissed',
    `${REPORT_KIND_NAMES[kind].zh}未在时限内报送（应于 ${formatShanghai(dueAt).slice(0, 16)} 前报送）`,
    { reportKind: kind, dueAt },
  );
}

export function orderLinkedWords(auto: boolean, order: { code: string; title: string }): TimelineWords {
  return words(
    auto ? 'timeline.orderCreatedLinked' : 'timeline.orderLinked',
    `${auto ? '新建并关联工单' : '关联工单'} ${order.code}「${order.title}」`,
    { code: order.code, title: order.title },
  );
}

export function notifiedWords(n: {
  name: string;
  title: string | null;
  channel: NotifyChannel;
  phone: string | null;
  note: string | null;
}): TimelineWords {
  const how = NOTIFY_CHANNEL_NAMES[n.channel];
  return words(
    'timeline.notified',
    `通知${n.title ? `${n.name}（${n.title}）` : n.name}（${how.zh}${n.phone ? ` ${n.phone}` : ''}）${n.note ? `：${n.note}` : ''}`,
    { name: n.name, title: n.title ?? undefined, channel: how, phone: n.phone ?? undefined, note: n.note ?? undefined },
  );
}

export function confirmedWords(c: { name: string; channel: NotifyChannel; note: string | null }): TimelineWords {
  const how = NOTIFY_CHANNEL_NAMES[c.channel];
  const note = c.note ? `：${c.note}` : '';
  return c.channel === 'console'
    ? words('timeline.confirmedConsole', `${c.name}确认收到（${how.zh}）${note}`, {
        name: c.name,
        channel: how,
        note: c.note ?? undefined,
      })
    : words('timeline.confirmedReply', `记录${c.name}回复确认（${how.zh}）${note}`, {
        name: c.name,
        channel: how,
        note: c.note ?? undefined,
      });
}
