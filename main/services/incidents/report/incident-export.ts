/**
 * `incidents.export`'s file: the report as PDF, or the timeline as XLSX, with a file name that says
 * which incident, whether it was a drill, and when it was printed.
 */
import { renderIncidentPdf } from './incident-pdf';
import { renderIncidentTimelineXlsx, XLSX_MIME } from './incident-xlsx';
import { fileStamp } from './report-format';
import type { IncidentReportData } from './report-model';

export type IncidentExportFormat = 'pdf' | 'xlsx';

export interface IncidentExportFile {
  fileName: string;
  mime: string;
  data: Uint8Array;
}

/** `应急事件报告-12-20261202-1930.pdf`, `演练-应急事件时间线-13-….xlsx`; an interim PDF says 阶段报告. */
export function incidentExportName(r: IncidentReportData, format: IncidentExportFormat): string {
  const what = format === 'xlsx' ? '应急事件时间线' : r.endedAt === null ? '应急事件阶段报告' : '应急事件报告';
  return `${r.drill ? '演练-' : ''}${what}-${r.id}-${fileStamp(r.printedAt)}.${format}`;
}

export function exportIncident(r: IncidentReportData, format: IncidentExportFormat): IncidentExportFile {
  return format === 'pdf'
    ? { fileName: incidentExportName(r, format), mime: 'application/pdf', data: renderIncidentPdf(r) }
    : { fileName: incidentExportName(r, format), mime: XLSX_MIME, data: renderIncidentTimelineXlsx(r) };
}
