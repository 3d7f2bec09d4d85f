import ExcelJS from 'exceljs';

/**
 * Reads an exported workbook back with exceljs — a parser independent of the console's own lean
 * writer, so a test checks what a spreadsheet program would see, not the writer's XML.
 */
export async function readXlsx(data: Uint8Array): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  // exceljs's load() is typed for an older Buffer; the bytes are what it reads.
  await book.xlsx.load(Buffer.from(data) as unknown as ArrayBuffer);
  return book;
}

export async function xlsxFirstSheet(data: Uint8Array): Promise<ExcelJS.Worksheet> {
  const sheet = (await readXlsx(data)).worksheets[0];
  if (!sheet) throw new Error('the workbook has no sheet');
  return sheet;
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A cell as its reader sees it: text as text, numbers as written, a date cell as the wall-clock time
 * it shows (`YYYY-MM-DD HH:mm:ss` — exceljs reads date-formatted serials as UTC dates), an empty
 * cell as null. A formula anywhere is a failure: exports write text, never formulas.
 */
export function xlsxCell(sheet: ExcelJS.Worksheet, ref: string): string | null {
  const cell = sheet.getCell(ref);
  const value = cell.value;
  if (value === null || value === undefined) return null;
  if (cell.type === ExcelJS.ValueType.Formula) throw new Error(`${ref} holds a formula`);
  if (value instanceof Date) {
    const d = value;
    return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  throw new Error(`${ref} holds a ${cell.type} cell the exports do not write`);
}

/** Every row's shown values (1-based rows and columns as in the sheet), for whole-table checks. */
export function xlsxRows(sheet: ExcelJS.Worksheet): (string | null)[][] {
  const rows: (string | null)[][] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row: (string | null)[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) row.push(xlsxCell(sheet, sheet.getCell(r, c).address));
    rows.push(row);
  }
  return rows;
}
