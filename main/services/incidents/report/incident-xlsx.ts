/**
 * The incident's timeline as XLSX, with the same writer as the duty-log export:
 * Chinese headers, times as real date cells in Asia/Shanghai wall-clock time, a frozen header row
 * with an auto-filter. No formula is ever written, so hostile text stays text.
 */
import { formatShanghai } from '../../../../common/domain/time';
import { displayWidth, writeXlsx, xlsxSerial, type XlsxCell } from '../../orders/export/xlsx';
import type { IncidentReportData } from './report-model';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const TIMELINE_HEADERS = ['序号', '时间', '类型', '记录人', '内容', '超时'] as const;
const MIN_WIDTHS = [6, 20, 10, 12, 50, 6];
/** Column widths stop here; longer text wraps in the spreadsheet's own cell editor. */
const MAX_WIDTH = 80;

/** The timeline rows, oldest first: numbered, with the time as a date cell. */
export function timelineRows(r: IncidentReportData): XlsxCell[][] {
  return r.timeline.map((e, i) => [
    i + 1,
    xlsxSerial(formatShanghai(e.at)),
    e.kindName,
    e.byName,
    e.text,
    e.alarm ? '是' : null,
  ]);
}

export function renderIncidentTimelineXlsx(r: IncidentReportData): Uint8Array {
  const rows = timelineRows(r);
  const columns = TIMELINE_HEADERS.map((header, i) => {
    let width = Math.max(MIN_WIDTHS[i] ?? 8, displayWidth(header));
    for (const row of rows) {
      const v = row[i];
      if (typeof v === 'string') width = Math.max(width, displayWidth(v));
    }
    return { header, width: Math.min(width + 2, MAX_WIDTH) };
  });
  const name = r.drill ? `演练${r.id}时间线` : `事件${r.id}时间线`;
  return writeXlsx({ name, columns, rows }, r.printedAt);
}
