import type { Light, OrderSummary } from '../../../common/contract';
import {
  ORDER_STATE_NAMES,
  RESPONSE_LEVEL_NAMES,
  SOURCE_NAMES,
  URGENCY_NAMES,
} from '../../../common/domain/orders/states';
import { FEEDBACK_RESULT_NAMES } from '../../../common/domain/orders/feedback';
import { writeCsv } from '../../../common/formats/csv';
import { formatShanghai } from '../../../common/domain/time';
import { displayWidth, writeXlsx, xlsxSerial, type XlsxCell } from './export/xlsx';

export type ExportFormat = 'xlsx' | 'csv';

export interface ExportedFile {
  fileName: string;
  mime: string;
  data: Buffer;
}

/** Names of the category domains (大类) by id: a map, or a lookup function. */
export type DomainNames = ReadonlyMap<string, string> | ((domainId: string) => string | undefined);

export const EXPORT_MIME: Record<ExportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

export const LIGHT_NAMES: Record<Light, string> = {
  green: '绿灯',
  yellow: '黄灯',
  red: '红灯',
  paused: '暂停计时',
  done: '已办结',
};

/** A date column: text `YYYY-MM-DD HH:mm:ss` (Asia/Shanghai) in CSV, a date cell showing the same in XLSX. */
interface DateValue {
  at: number | null;
}

type Value = string | number | DateValue | null;

interface Column {
  header: string;
  /** Minimum width in characters (XLSX). */
  width: number;
  value: (row: OrderSummary, domainName: (id: string) => string) => Value;
}

const COLUMNS: readonly Column[] = [
  { header: '工单编号', width: 16, value: (r) => r.code },
  { header: '标题', width: 24, value: (r) => r.title },
  { header: '大类', width: 10, value: (r, domain) => domain(r.domainId) },
  { header: '小类', width: 12, value: (r) => r.categoryName },
  { header: '村居', width: 10, value: (r) => r.workstationName },
  { header: '地址', width: 24, value: (r) => r.address },
  { header: '来源', width: 6, value: (r) => SOURCE_NAMES[r.source].zh },
  { header: '紧急程度', width: 8, value: (r) => URGENCY_NAMES[r.urgency].zh },
  { header: '响应等级', width: 10, value: (r) => RESPONSE_LEVEL_NAMES[r.responseLevel].zh },
  { header: '状态', width: 8, value: (r) => ORDER_STATE_NAMES[r.state].zh },
  { header: '处置单位', width: 14, value: (r) => r.handler?.name ?? null },
  { header: '时限', width: 20, value: (r) => ({ at: r.deadlineAt }) },
  { header: '红黄灯', width: 8, value: (r) => LIGHT_NAMES[r.light] },
  { header: '督办', width: 6, value: (r) => (r.supervised ? '是' : '否') },
  { header: '返工次数', width: 8, value: (r) => r.reworkCount },
  { header: '受理时间', width: 20, value: (r) => ({ at: r.createdAt }) },
  { header: '更新时间', width: 20, value: (r) => ({ at: r.updatedAt }) },
  {
    header: '回访结果',
    width: 8,
    value: (r) => (r.feedbackResult ? FEEDBACK_RESULT_NAMES[r.feedbackResult].zh : null),
  },
];

export const EXPORT_HEADERS: readonly string[] = COLUMNS.map((c) => c.header);

function isDate(value: Value): value is DateValue {
  return typeof value === 'object' && value !== null;
}

function lookup(names: DomainNames): (id: string) => string {
  return (id) => (typeof names === 'function' ? names(id) : names.get(id)) ?? id;
}

/** `工单导出-YYYYMMDD-HHmmss.<ext>`, Asia/Shanghai. */
export function exportFileName(format: ExportFormat, now: number): string {
  const stamp = formatShanghai(now).replace(/[-:]/g, '').replace(' ', '-');
  return `工单导出-${stamp}.${format}`;
}

/**
 * The filtered order list as a spreadsheet: Chinese headers and names, times in
 * Asia/Shanghai. CSV: UTF-8 with BOM, RFC 4180, formula-looking text defused. XLSX: bold frozen
 * header with a filter, column widths, times as real date cells formatted `yyyy-mm-dd hh:mm:ss`
 * (so they sort and filter as dates) showing Shanghai wall-clock time.
 */
export function exportOrders(
  rows: readonly OrderSummary[],
  format: ExportFormat,
  now: number,
  domainNames: DomainNames = new Map<string, string>(),
): ExportedFile {
  const domain = lookup(domainNames);
  const values = rows.map((row) => COLUMNS.map((c) => c.value(row, domain)));
  const fileName = exportFileName(format, now);
  if (format === 'csv') {
    const cells = values.map((row) => row.map((v) => (isDate(v) ? (v.at === null ? null : formatShanghai(v.at)) : v)));
    return { fileName, mime: EXPORT_MIME.csv, data: Buffer.from(writeCsv(EXPORT_HEADERS, cells), 'utf8') };
  }
  const cells: XlsxCell[][] = values.map((row) =>
    row.map((v) => (isDate(v) ? (v.at === null ? null : xlsxSerial(formatShanghai(v.at))) : v)),
  );
  const columns = COLUMNS.map((c, i) => {
    let width = Math.max(c.width, displayWidth(c.header));
    for (const row of values) {
      const v = row[i];
      if (typeof v === 'string') width = Math.max(width, displayWidth(v));
    }
    return { header: c.header, width: Math.min(width + 2, 60) };
  });
  const zip = writeXlsx({ name: '工单', columns, rows: cells }, now);
  return { fileName, mime: EXPORT_MIME.xlsx, data: Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength) };
}
