/**
 * The console's one CSV module: what every export writes and what every import reads.
 *
 * Writing: UTF-8 with a byte-order mark (so Excel reads Chinese correctly), RFC 4180 quoting, CRLF
 * line ends, and text that a spreadsheet would run as a formula defused (OWASP "CSV injection").
 * Reading: csv-parse (RFC 4180 with CRLF / LF / CR line ends mixed, quoted line breaks, a BOM or
 * none). Each record keeps the file line it starts on, so an import report can point at it; a record
 * whose quoting is broken is kept as an error on its line instead of failing the whole file.
 * The browser build of csv-parse is used because common/ runs in the renderer as well as in the hub.
 */
import { parse, type CsvError, type Info } from 'csv-parse/browser/esm/sync';

export type CsvCell = string | number | null;

export interface CsvRecord {
  /** 1-based line of the file where the record starts (a quoted line break makes it span more). */
  line: number;
  fields: string[];
  /** Set when the record's quoting is broken; its fields are then not to be trusted. */
  error?: { zh: string; en: string };
}

const BOM = '\ufeff';
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;
const CR = 13;
const LF = 10;

export function stripBom(text: string): string {
  return text.startsWith(BOM) ? text.slice(1) : text;
}

/**
 * Text cells that a spreadsheet would run as a formula get a leading apostrophe; undefuseFormula
 * takes it off again on import, so an export re-imports unchanged.
 */
export function defuseFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export function undefuseFormula(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}

export function csvField(cell: CsvCell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  const text = defuseFormula(cell);
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The whole file as text, BOM first and CRLF after every record. */
export function writeCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const lines = [header, ...rows].map((row) => row.map(csvField).join(','));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

const QUOTING_ERRORS: Record<string, { zh: string; en: string }> = {
  CSV_QUOTE_NOT_CLOSED: { zh: '引号未闭合（到文件末尾）', en: 'Unterminated quote (runs to the end of the file)' },
  CSV_INVALID_CLOSING_QUOTE: { zh: '引号后还有多余字符', en: 'Characters after a closing quote' },
};
const OTHER_ERROR = { zh: '无法读取这一行', en: 'This record cannot be read' };

/**
 * The line of each byte offset of the UTF-8 text. csv-parse reports where a record ends in bytes;
 * its own line counter takes a CRLF inside quotes for two lines, so lines are counted here.
 */
function lineFinder(bytes: Uint8Array): { lineAt(offset: number): number; skipBreaks(offset: number): number } {
  const lineStarts = [0];
  for (let i = 0; i < bytes.length; i += 1) {
    const b = bytes[i];
    if (b === LF || (b === CR && bytes[i + 1] !== LF)) lineStarts.push(i + 1);
  }
  return {
    lineAt(offset) {
      let lo = 0;
      let hi = lineStarts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if ((lineStarts[mid] ?? 0) <= offset) lo = mid;
        else hi = mid - 1;
      }
      return lo + 1;
    },
    // Blank lines before a record are not part of it.
    skipBreaks(offset) {
      let at = offset;
      while (bytes[at] === CR || bytes[at] === LF) at += 1;
      return at;
    },
  };
}

export function parseCsv(input: string): CsvRecord[] {
  const text = stripBom(input);
  const lines = lineFinder(new TextEncoder().encode(text));
  const found: { start: number; record: CsvRecord }[] = [];
  let recordStart = 0;
  parse(text, {
    relax_column_count: true,
    skip_empty_lines: true,
    record_delimiter: ['\r\n', '\n', '\r'],
    skip_records_with_error: true,
    on_skip: (error: CsvError | undefined) => {
      // One broken record can be reported twice (a stray character, then the quote left open).
      const start = lines.skipBreaks(recordStart);
      if (found.some((f) => f.start === start)) return;
      const reason = (error && QUOTING_ERRORS[error.code]) ?? OTHER_ERROR;
      found.push({ start, record: { line: lines.lineAt(start), fields: [], error: reason } });
    },
    on_record: (fields: string[], context: Info) => {
      const start = lines.skipBreaks(recordStart);
      found.push({ start, record: { line: lines.lineAt(start), fields } });
      recordStart = context.bytes;
      return fields;
    },
  });
  return found.sort((a, b) => a.start - b.start).map((f) => f.record);
}
