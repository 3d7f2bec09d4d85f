/**
 * What the incident report shows, with every name already resolved: the PDF and
 * the XLSX are drawn from this and nothing else, so they can be tested from a plain object and the
 * hub decides in one place (./report-build) what a caller gets to see.
 *
 * Times are epoch milliseconds; the renderers write them in Asia/Shanghai.
 */

export interface ReportLevelChange {
  at: number;
  /** 'Ⅲ级（较大）'. */
  levelName: string;
  byName: string;
  reason: string | null;
}

export interface ReportTimelineEntry {
  at: number;
  /** The kind in Chinese: 启动, 级别调整, 处置清单, … */
  kindName: string;
  byName: string;
  text: string;
  /** A missed report deadline: marked on paper as it stays red on the console's timeline. */
  alarm: boolean;
}

export interface ReportOrder {
  code: string;
  title: string;
  stateName: string;
  createdAt: number;
  /** When the order was finished (办结/归档/关闭); null while it is still open. */
  finishedAt: number | null;
}

export interface ReportChecklistItem {
  /** The level whose plan added the item ('Ⅳ级（一般）'); items stay when the level changes. */
  levelName: string;
  text: string;
  done: boolean;
  byName: string | null;
  at: number | null;
}

export interface ReportNotification {
  /** Who was told: a person (with their unit or title) or a department. */
  contact: string;
  channelName: string;
  byName: string;
  at: number;
  confirmedAt: number | null;
  confirmedBy: string | null;
}

export interface ReportDue {
  /** 初报（口头）, 书面报告, 续报 3 … */
  name: string;
  /** The level whose plan set the deadline. */
  levelName: string;
  dueAt: number;
  recordedAt: number | null;
  byName: string | null;
  /** Called off by a level change or the close before it was recorded. */
  supersededAt: number | null;
}

export interface IncidentReportData {
  id: number;
  typeName: string;
  /** The incident's own name (defaults to the type's name). */
  name: string;
  drill: boolean;
  levelName: string;
  levelHistory: readonly ReportLevelChange[];
  /** Workstations and grids the incident covers, by name. */
  affectedUnits: readonly string[];
  commander: string;
  /** The plan (预案) applied, or null when none was. */
  planName: string | null;
  situation: string;
  startedAt: number;
  startedBy: string;
  endedAt: number | null;
  closedBy: string | null;
  summary: string | null;
  timeline: readonly ReportTimelineEntry[];
  orders: readonly ReportOrder[];
  checklist: readonly ReportChecklistItem[];
  notifications: readonly ReportNotification[];
  reports: readonly ReportDue[];
  printedAt: number;
  printedBy: string;
}
