/**
 * From the incident as `incidents.get` answers it to the report's content: pure, so the report shows
 * exactly what the caller's own incident view shows (linked orders are already scoped to the caller)
 * and nothing the hub would not tell them.
 */
import type { IncidentDetail, TimelineEntry } from '../../../../common/contract/incidents';
import {
  INCIDENT_LEVEL_NAMES,
  INCIDENT_TYPE_NAMES,
  REPORT_KIND_NAMES,
  type IncidentLevel,
  type TimelineKind,
} from '../../../../common/domain/incidents';
import { ORDER_STATE_NAMES } from '../../../../common/domain/orders/states';
import type { IncidentReportData, ReportDue, ReportLevelChange } from './report-model';

/** Timeline kinds as the report names them. */
export const TIMELINE_KIND_NAMES: Record<TimelineKind, string> = {
  activated: '启动',
  level: '级别调整',
  checklist: '处置清单',
  order_linked: '关联工单',
  notified: '通知',
  confirmed: '确认',
  report: '信息报送',
  note: '备注',
  closed: '结束',
  report_missed: '超时未报',
};

export const CHANNEL_NAMES: Record<IncidentDetail['notifications'][number]['channel'], string> = {
  phone: '电话',
  sms: '短信',
  in_person: '当面',
  console: '系统通知',
};

/** Oldest first; entries of the same millisecond in the order they were written. */
const byTime = (timeline: readonly TimelineEntry[]): TimelineEntry[] =>
  [...timeline].sort((a, b) => a.at - b.at || a.id - b.id);

const levelName = (level: IncidentLevel): string => INCIDENT_LEVEL_NAMES[level].zh;

/** What a level-change entry gives as its reason: the text after "原因：" (the whole text if none). */
function reasonOf(entry: TimelineEntry): string {
  const mark = '原因：';
  const at = entry.text.indexOf(mark);
  return at >= 0 ? entry.text.slice(at + mark.length) : entry.text;
}

/**
 * The level at activation, then every change: read off the timeline, which is append-only, so the
 * paper history cannot differ from what the console showed.
 */
function levelHistory(detail: IncidentDetail): ReportLevelChange[] {
  const changes: ReportLevelChange[] = [];
  for (const e of byTime(detail.timeline)) {
    const level = e.ref?.level;
    if (level === undefined) continue;
    if (e.kind === 'activated') {
      changes.push({ at: e.at, levelName: levelName(level), byName: e.byName, reason: null });
    } else if (e.kind === 'level') {
      changes.push({ at: e.at, levelName: levelName(level), byName: e.byName, reason: reasonOf(e) });
    }
  }
  return changes;
}

/** 初报（口头）, 书面报告, 续报 1, 续报 2 … in deadline order. */
function reports(detail: IncidentDetail): ReportDue[] {
  const sorted = [...detail.reports].sort((a, b) => a.dueAt - b.dueAt || a.id - b.id);
  let updates = 0;
  return sorted.map((r) => ({
    name: r.kind === 'update' ? `${REPORT_KIND_NAMES.update.zh} ${++updates}` : REPORT_KIND_NAMES[r.kind].zh,
    levelName: levelName(r.level),
    dueAt: r.dueAt,
    recordedAt: r.recordedAt,
    byName: r.recordedByName,
    supersededAt: r.supersededAt,
  }));
}

export interface PrintInfo {
  at: number;
  by: string;
}

export function buildIncidentReport(detail: IncidentDetail, print: PrintInfo): IncidentReportData {
  const i = detail.incident;
  return {
    id: i.id,
    typeName: INCIDENT_TYPE_NAMES[i.type].zh,
    name: i.name,
    drill: i.drill,
    levelName: levelName(i.level),
    levelHistory: levelHistory(detail),
    affectedUnits: i.areas.map((a) => a.name),
    commander: i.commanderName,
    planName: i.planName,
    situation: i.situation,
    startedAt: i.startedAt,
    startedBy: i.startedByName,
    endedAt: i.closedAt,
    closedBy: i.closedByName,
    summary: i.summary,
    timeline: byTime(detail.timeline).map((e) => ({
      at: e.at,
      kindName: TIMELINE_KIND_NAMES[e.kind],
      byName: e.byName,
      text: e.text,
      alarm: e.kind === 'report_missed',
    })),
    // Oldest first, as they were raised (the console lists the newest link first).
    orders: [...detail.orders]
      .sort((a, b) => a.createdAt - b.createdAt || a.id - b.id)
      .map((o) => ({
        code: o.code,
        title: o.title,
        stateName: ORDER_STATE_NAMES[o.state].zh,
        createdAt: o.createdAt,
        finishedAt: o.closedAt,
      })),
    checklist: detail.checklist.map((c) => ({
      levelName: levelName(c.level),
      text: c.text,
      done: c.done,
      byName: c.doneByName,
      at: c.doneAt,
    })),
    notifications: [...detail.notifications]
      .sort((a, b) => a.at - b.at || a.id - b.id)
      .map((n) => ({
        contact: n.contactPhone ? `${n.contactName}（${n.contactPhone}）` : n.contactName,
        channelName: CHANNEL_NAMES[n.channel],
        byName: n.byName,
        at: n.at,
        confirmedAt: n.confirmedAt,
        confirmedBy: n.confirmedByName,
      })),
    reports: reports(detail),
    printedAt: print.at,
    printedBy: print.by,
  };
}
