import { strFromU8, unzipSync } from 'fflate';
import { parse } from 'csv-parse/sync';
import type ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { OrderSummary } from '../../common/contract';
import { csvField } from '../../common/formats/csv';
import { columnLetter, xlsxSerial } from '../../main/services/orders/export/xlsx';
import { EXPORT_HEADERS, exportOrders } from '../../main/services/orders/order-export';
import { xlsxCell, xlsxFirstSheet, xlsxRows } from '../helpers/xlsx-read';

// 2026-11-26 17:30:05 UTC = 2026-11-27 01:30:05 in Shanghai: the date changes with the zone.
const NOW = Date.UTC(2026, 10, 26, 17, 30, 5);

function order(over: Partial<OrderSummary> = {}): OrderSummary {
  return {
    id: 1,
    code: 'HQ20261126-0001',
    title: '井盖缺失',
    categoryId: '010101',
    categoryName: '井盖',
    domainId: '01',
    workstationId: 'HQ-W01',
    workstationName: '合庆村',
    stationId: 'HQ-S1',
    address: '合庆镇庆达路 1 号',
    source: 'hotline',
    urgency: 'urgent',
    responseLevel: 'joint',
    state: 'handling',
    handler: { kind: 'department', id: 'D-CG', name: '城管中队' },
    deadlineAt: Date.UTC(2026, 10, 26, 16, 0, 0), // 2026-11-27 00:00:00 Shanghai
    light: 'yellow',
    timeUsed: 0.85,
    supervised: true,
    reworkCount: 1,
    pending: null,
    createdAt: Date.UTC(2026, 10, 25, 23, 59, 59), // 2026-11-26 07:59:59 Shanghai
    updatedAt: Date.UTC(2026, 10, 26, 1, 2, 3), // 2026-11-26 09:02:03 Shanghai
    incidentId: null,
    feedbackResult: null,
    ...over,
  };
}

const DOMAINS = new Map([
  ['01', '市容环境'],
  ['02', '设施管理'],
]);

const ROWS: OrderSummary[] = [
  order(),
  order({
    id: 2,
    code: 'HQ20261126-0002',
    title: '=HYPERLINK("http://evil","点我")',
    address: '庆达路, 2 号 "东门"\n北侧',
    domainId: '02',
    categoryName: '路灯',
    workstationName: null,
    handler: null,
    deadlineAt: null,
    light: 'green',
    supervised: false,
    reworkCount: 0,
    source: 'video',
    urgency: 'normal',
    responseLevel: 'patrol',
    state: 'filed',
  }),
  order({
    id: 3,
    code: 'HQ20261126-0003',
    title: '+1 车辆占道',
    address: '@home',
    domainId: '99',
    state: 'fed_back',
    feedbackResult: 'basically_satisfied',
  }),
];

/** Read back by csv-parse, strictly: CRLF records only, each as wide as the header. */
function parseCsv(text: string): string[][] {
  return parse(text, { record_delimiter: '\r\n' });
}

describe('order export: CSV', () => {
  const file = exportOrders(ROWS, 'csv', NOW, DOMAINS);
  const text = file.data.toString('utf8');

  it('is UTF-8 with a BOM, CRLF lines, named by Shanghai time', () => {
    expect([...file.data.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(file.fileName).toBe('工单导出-20261127-013005.csv');
    expect(file.mime).toBe('text/csv; charset=utf-8');
    expect(text.slice(1).split('\r\n')[0]).toBe(EXPORT_HEADERS.join(','));
    expect(text.endsWith('\r\n')).toBe(true);
  });

  it('has the Chinese headers and names, and Shanghai times', () => {
    const rows = parseCsv(text.slice(1));
    expect(rows).toHaveLength(4);
    expect(rows[0]).toEqual([
      '工单编号',
      '标题',
      '大类',
      '小类',
      '村居',
      '地址',
      '来源',
      '紧急程度',
      '响应等级',
      '状态',
      '处置单位',
      '时限',
      '红黄灯',
      '督办',
      '返工次数',
      '受理时间',
      '更新时间',
      '回访结果',
    ]);
    expect(rows[1]).toEqual([
      'HQ20261126-0001',
      '井盖缺失',
      '市容环境',
      '井盖',
      '合庆村',
      '合庆镇庆达路 1 号',
      '热线',
      '紧急',
      '联勤呼应',
      '处置中',
      '城管中队',
      '2026-11-27 00:00:00',
      '黄灯',
      '是',
      '1',
      '2026-11-26 07:59:59',
      '2026-11-26 09:02:03',
      '',
    ]);
    const second = rows[2]!;
    expect(second.slice(2, 5)).toEqual(['设施管理', '路灯', '']);
    expect(second.slice(6, 15)).toEqual(['视频', '一般', '日常巡勤', '待派遣', '', '', '绿灯', '否', '0']);
    expect(rows[3]![2]).toBe('99'); // unknown domain: its id rather than nothing
    expect(rows[3]![17]).toBe('基本满意'); // 回访结果 by its Chinese name
  });

  it('quotes per RFC 4180 and defuses formula-looking text', () => {
    const rows = parseCsv(text.slice(1));
    expect(rows[2]![1]).toBe(`'=HYPERLINK("http://evil","点我")`);
    expect(rows[2]![5]).toBe('庆达路, 2 号 "东门"\n北侧');
    expect(text).toContain('"庆达路, 2 号 ""东门""\n北侧"');
    expect(rows[3]![1]).toBe("'+1 车辆占道");
    expect(rows[3]![5]).toBe("'@home");
    expect(csvField('-2')).toBe("'-2");
    expect(csvField('\t=1')).toBe("'\t=1");
    expect(csvField(' x')).toBe('" x"');
    expect(csvField(3)).toBe('3');
  });
});

describe('order export: XLSX', () => {
  const file = exportOrders(ROWS, 'xlsx', NOW, (id) => DOMAINS.get(id));
  const parts = unzipSync(new Uint8Array(file.data));
  const part = (name: string) => {
    const data = parts[name];
    if (!data) throw new Error(`missing part ${name}`);
    return strFromU8(data);
  };

  it('is an Office Open XML package with the parts Excel needs', () => {
    expect(file.fileName).toBe('工单导出-20261127-013005.xlsx');
    expect(file.mime).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect([...file.data.subarray(0, 2)]).toEqual([0x50, 0x4b]); // PK
    expect(Object.keys(parts).sort()).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'docProps/app.xml',
      'docProps/core.xml',
      'xl/_rels/workbook.xml.rels',
      'xl/sharedStrings.xml',
      'xl/styles.xml',
      'xl/workbook.xml',
      'xl/worksheets/sheet1.xml',
    ]);
    expect(part('[Content_Types].xml')).toContain('/xl/worksheets/sheet1.xml');
    expect(part('xl/workbook.xml')).toContain('<sheet name="工单" sheetId="1" r:id="rId1"/>');
  });

  it('has the headers (bold, frozen), one row per order, Chinese text and date cells', async () => {
    // Read back by exceljs, as a spreadsheet program reads it.
    const read = await xlsxFirstSheet(new Uint8Array(file.data));
    const cellText = (ref: string) => xlsxCell(read, ref);
    expect(read.name).toBe('工单');
    expect(read.rowCount).toBe(ROWS.length + 1);
    expect(EXPORT_HEADERS.map((_h, i) => cellText(`${columnLetter(i)}1`))).toEqual(EXPORT_HEADERS);
    expect(read.getCell('A1').font.bold).toBe(true);
    // exceljs types a cell's font as always there; an unstyled cell has none.
    expect((read.getCell('A2').font as ExcelJS.Font | undefined)?.bold).not.toBe(true);
    expect(read.views[0]).toMatchObject({ state: 'frozen', ySplit: 1, topLeftCell: 'A2' });
    expect(read.autoFilter).toBe('A1:R4');
    expect(read.getColumn(2).width).toBeGreaterThan(4);
    expect(cellText('B2')).toBe('井盖缺失');
    expect(cellText('C2')).toBe('市容环境');
    expect(cellText('J2')).toBe('处置中');
    expect(cellText('O2')).toBe('1');
    // Text stays text: a formula-looking title is read back as that text (xlsxCell fails on a
    // formula), with no apostrophe added.
    expect(xlsxRows(read)).toHaveLength(ROWS.length + 1);
    expect(cellText('B3')).toBe('=HYPERLINK("http://evil","点我")');
    // Times: date cells (format yyyy-mm-dd hh:mm:ss) showing Shanghai wall-clock time.
    expect(read.getCell('P2').numFmt).toBe('yyyy-mm-dd hh:mm:ss');
    expect(cellText('P2')).toBe('2026-11-26 07:59:59');
    expect(cellText('L2')).toBe('2026-11-27 00:00:00');
    expect(cellText('L3')).toBeNull(); // no deadline: empty cell
  });

  it('converts wall-clock times to Excel serials', () => {
    expect(xlsxSerial('1900-03-01 00:00:00').serial).toBe(61);
    expect(xlsxSerial('2026-11-27 12:00:00').serial).toBe(46353.5);
    expect(columnLetter(0)).toBe('A');
    expect(columnLetter(25)).toBe('Z');
    expect(columnLetter(26)).toBe('AA');
  });

  it('writes a valid workbook for an empty list', async () => {
    const data = new Uint8Array(exportOrders([], 'xlsx', NOW).data);
    const sheet = await xlsxFirstSheet(data);
    expect(sheet.rowCount).toBe(1);
    expect(xlsxRows(sheet)[0]).toEqual([...EXPORT_HEADERS]);
    expect(strFromU8(unzipSync(data)['xl/worksheets/sheet1.xml']!)).toContain('<dimension ref="A1:R1"/>');
  });
});
