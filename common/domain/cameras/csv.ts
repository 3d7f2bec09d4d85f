/**
 * CSV as spreadsheets write it (RFC 4180): comma separated, fields optionally in double quotes with
 * `""` for a quote and line breaks allowed inside, CRLF / LF / CR line ends, UTF-8 with or without a
 * byte-order mark. Each record remembers the file line it starts on, so a report can point at it.
 */

export interface CsvRecord {
  /** 1-based line of the file where the record starts (a quoted line break makes it span more). */
  line: number;
  fields: string[];
  /** Set when the record's quoting is broken; its fields are then not to be trusted. */
  error?: { zh: string; en: string };
}

const BOM = '\ufeff';

export function stripBom(text: string): string {
  return text.startsWith(BOM) ? text.slice(1) : text;
}

export function parseCsv(input: string): CsvRecord[] {
  const text = stripBom(input);
  const records: CsvRecord[] = [];
  let line = 1;
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let startLine = 1;
  let error: CsvRecord['error'];
  // Whether the current record holds anything: a blank line is no record at all.
  let touched = false;
  let i = 0;

  const endField = () => {
    fields.push(field);
    field = '';
  };
  const endRecord = () => {
    endField();
    if (touched) records.push(error ? { line: startLine, fields, error } : { line: startLine, fields });
    fields = [];
    touched = false;
    error = undefined;
  };
  const lineBreakAt = (k: number): number => (text[k] === '\r' && text[k + 1] === '\n' ? 2 : 1);

  while (i < text.length) {
    const ch = text[i] ?? '';
    if (!touched) startLine = line;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
      } else if (ch === '"') {
        quoted = false;
        i += 1;
        const next = text[i];
        if (next !== undefined && next !== ',' && next !== '\r' && next !== '\n' && !error) {
          error = { zh: '引号后还有多余字符', en: 'Characters after a closing quote' };
        }
      } else if (ch === '\r' || ch === '\n') {
        const n = lineBreakAt(i);
        field += text.slice(i, i + n);
        line += 1;
        i += n;
      } else {
        field += ch;
        i += 1;
      }
      continue;
    }
    if (ch === '"' && field.length === 0) {
      quoted = true;
      touched = true;
      i += 1;
    } else if (ch === ',') {
      touched = true;
      endField();
      i += 1;
    } else if (ch === '\r' || ch === '\n') {
      i += lineBreakAt(i);
      endRecord();
      line += 1;
    } else {
      touched = true;
      field += ch;
      i += 1;
    }
  }
  if (quoted) error = { zh: '引号未闭合（到文件末尾）', en: 'Unterminated quote (runs to the end of the file)' };
  if (touched) endRecord();
  return records;
}

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

/**
 * Text cells that a spreadsheet would run as a formula get a leading apostrophe (OWASP "CSV
 * injection"); undefuseFormula takes it off again on import, so an export re-imports unchanged.
 */
export function defuseFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export function undefuseFormula(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}

export function csvField(value: string): string {
  const text = defuseFormula(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** UTF-8 text with a BOM (so Excel reads Chinese correctly) and CRLF line ends. */
export function writeCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const lines = [header, ...rows].map((row) => row.map(csvField).join(','));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}
