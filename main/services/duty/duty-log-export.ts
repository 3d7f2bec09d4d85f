import { DUTY_LOG_KIND_NAMES, type DutyLogSearchRow } from '../../../common/contract/duty-log';
import { entryRefLabel } from '../../../common/domain/duty/entry-ref';
import { formatShanghai } from '../../../common/domain/time';
import { displayWidth, writeXlsx, xlsxSerial, type XlsxCell } from '../orders/export/xlsx';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const HEADERS = [
  '编号',
  '时间',
  '单位',
  '班次日期',
  '班次',
  '类型',
  '记录人',
  '内容',
  '更正',
  '被更正',
  '关联工单',
  '附件',
];
const MIN_WIDTHS = [6, 20, 10, 12, 6, 10, 12, 40, 8, 10, 12, 6];

/** `值班日志-YYYYMMDD-HHmmss.xlsx`, Asia/Shanghai. */
export function dutyLogExportName(now: number): string {
  const stamp = formatShanghai(now).replace(/[-:]/g, '').replace(' ', '-');
  return `值班日志-${stamp}.xlsx`;
}

/**
 * Duty-log search results as XLSX: Chinese headers, times as real date cells in
 * Asia/Shanghai wall-clock time, corrections linked both ways by entry number.
 */
export function exportDutyLog(
  rows: readonly DutyLogSearchRow[],
  unitName: (id: string) => string,
  shiftName: (orgUnitId: string, code: string) => string,
  orderCode: (id: number) => string,
  now: number,
): Uint8Array {
  // Entries by their number in their shift (the row carries its shift); corrections with theirs.
  const label = (r: DutyLogSearchRow['correctedByRefs'][number], from: DutyLogSearchRow) =>
    entryRefLabel(r, from.shiftId, (code) => shiftName(from.orgUnitId, code));
  const cells: XlsxCell[][] = rows.map((r) => [
    r.seq,
    xlsxSerial(formatShanghai(r.at)),
    unitName(r.orgUnitId),
    r.shiftDate,
    shiftName(r.orgUnitId, r.shiftCode),
    DUTY_LOG_KIND_NAMES[r.kind].zh,
    r.authorName,
    r.text,
    r.correctsRef === null ? null : label(r.correctsRef, r),
    r.correctedByRefs.length === 0 ? null : r.correctedByRefs.map((c) => label(c, r)).join('、'),
    r.links?.orderIds?.map(orderCode).join(', ') ?? null,
    r.attachments.length === 0 ? null : r.attachments.length,
  ]);
  const columns = HEADERS.map((header, i) => {
    let width = Math.max(MIN_WIDTHS[i] ?? 8, displayWidth(header));
    for (const row of cells) {
      const v = row[i];
      if (typeof v === 'string') width = Math.max(width, displayWidth(v));
    }
    return { header, width: Math.min(width + 2, 80) };
  });
  return writeXlsx({ name: '值班日志', columns, rows: cells }, now);
}
