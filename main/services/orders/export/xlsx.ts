import { strToU8, zipSync, type Zippable } from 'fflate';

/**
 * A minimal Office Open XML (SpreadsheetML) writer: one sheet, shared strings, a bold frozen header
 * row with an auto-filter, column widths, and real date cells. Enough for Excel, WPS and
 * LibreOffice; nothing more (no formulas are ever written, so cell text cannot become one).
 */

/** A date cell: the wall-clock time to show, as "days since 1899-12-30" (Excel's serial). */
export interface XlsxDate {
  serial: number;
}

export type XlsxCell = string | number | XlsxDate | null;

export interface XlsxColumn {
  header: string;
  /** In characters of the default font. */
  width: number;
}

export interface XlsxSheet {
  name: string;
  columns: readonly XlsxColumn[];
  rows: readonly (readonly XlsxCell[])[];
}

/** Format shown for date cells. */
export const XLSX_DATE_FORMAT = 'yyyy-mm-dd hh:mm:ss';
/** Excel's hard limit on the text of one cell. */
const MAX_CELL_CHARS = 32767;

/** Display width in spreadsheet characters: CJK and other wide characters count twice. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text)
    width +=
      /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/u.test(
        ch,
      )
        ? 2
        : 1;
  return width;
}

/** Excel serial of a wall-clock time given as `YYYY-MM-DD HH:mm:ss` (no zone: what the cell shows). */
export function xlsxSerial(wallClock: string): XlsxDate {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(wallClock);
  if (!m) throw new Error(`not a wall-clock time: ${wallClock}`);
  const [, y, mo, d, h, mi, s] = m.map(Number) as [number, number, number, number, number, number, number];
  const utc = Date.UTC(y, mo - 1, d, h, mi, s);
  return { serial: utc / 86_400_000 + 25_569 };
}

/** Escapes text for XML and drops the characters XML 1.0 cannot carry at all. */
export function xmlText(value: string): string {
  return (
    value
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
      .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
  );
}

/** `A`, `B`, … `Z`, `AA`, … for a zero-based column index. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Style indexes into cellXfs below. */
const STYLE_HEADER = 1;
const STYLE_DATE = 2;

function contentTypes(sheets: number): string {
  const overrides = Array.from(
    { length: sheets },
    (_, i) =>
      `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
  ).join('\n');
  return `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
${overrides}
<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>
<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>
<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>
</Types>`;
}

const ROOT_RELS = `${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>
<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>
</Relationships>`;

/** Sheets are rId1…rIdN; styles and shared strings follow them. */
function workbookRels(sheets: number): string {
  const rel = (id: number, type: string, target: string) =>
    `<Relationship Id="rId${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${target}"/>`;
  const sheetRels = Array.from({ length: sheets }, (_, i) => rel(i + 1, 'worksheet', `worksheets/sheet${i + 1}.xml`));
  return `${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}">
${[...sheetRels, rel(sheets + 1, 'styles', 'styles.xml'), rel(sheets + 2, 'sharedStrings', 'sharedStrings.xml')].join('\n')}
</Relationships>`;
}

const STYLES = `${XML_HEAD}<styleSheet xmlns="${NS_MAIN}">
<numFmts count="1"><numFmt numFmtId="164" formatCode="${XLSX_DATE_FORMAT}"/></numFmts>
<fonts count="2">
<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>
<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font>
</fonts>
<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>
<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="3">
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>
<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>
<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
</cellXfs>
<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>
</styleSheet>`;

function workbookXml(sheets: readonly { name: string; lastRef: string }[]): string {
  const entries = sheets.map((sheet, i) => {
    const name = xmlText(sheet.name);
    const quoted = `'${name.replace(/'/g, "''")}'`;
    const range = sheet.lastRef.replace(/([A-Z]+)(\d+)/, '$$$1$$$2');
    return {
      sheet: `<sheet name="${name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`,
      filter: `<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">${quoted}!$A$1:${range}</definedName>`,
    };
  });
  return `${XML_HEAD}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">
<bookViews><workbookView/></bookViews>
<sheets>${entries.map((e) => e.sheet).join('')}</sheets>
<definedNames>${entries.map((e) => e.filter).join('')}</definedNames>
</workbook>`;
}

function coreXml(createdIso: string): string {
  return `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<dc:creator>合庆城运</dc:creator>
<dcterms:created xsi:type="dcterms:W3CDTF">${createdIso}</dcterms:created>
</cp:coreProperties>`;
}

const APP_XML = `${XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>合庆城运</Application></Properties>`;

class SharedStrings {
  private readonly index = new Map<string, number>();
  private readonly list: string[] = [];
  count = 0;

  add(value: string): number {
    this.count += 1;
    const known = this.index.get(value);
    if (known !== undefined) return known;
    const i = this.list.length;
    this.list.push(value);
    this.index.set(value, i);
    return i;
  }

  xml(): string {
    const items = this.list.map((s) => {
      const space = /^\s|\s$/.test(s) ? ' xml:space="preserve"' : '';
      return `<si><t${space}>${xmlText(s)}</t></si>`;
    });
    return `${XML_HEAD}<sst xmlns="${NS_MAIN}" count="${this.count}" uniqueCount="${this.list.length}">${items.join('')}</sst>`;
  }
}

function cellXml(ref: string, cell: XlsxCell, strings: SharedStrings, style = 0): string {
  const s = style ? ` s="${style}"` : '';
  if (cell === null || cell === '') return '';
  if (typeof cell === 'string')
    return `<c r="${ref}" t="s"${s}><v>${strings.add(cell.slice(0, MAX_CELL_CHARS))}</v></c>`;
  if (typeof cell === 'number') return Number.isFinite(cell) ? `<c r="${ref}"${s}><v>${cell}</v></c>` : '';
  return `<c r="${ref}" s="${STYLE_DATE}"><v>${cell.serial}</v></c>`;
}

function sheetXml(sheet: XlsxSheet, strings: SharedStrings, lastRef: string, selected: boolean): string {
  const cols = sheet.columns
    .map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${c.width}" customWidth="1"/>`)
    .join('');
  const header = sheet.columns.map((c, i) => cellXml(`${columnLetter(i)}1`, c.header, strings, STYLE_HEADER)).join('');
  const rows = [`<row r="1">${header}</row>`];
  sheet.rows.forEach((row, r) => {
    const n = r + 2;
    rows.push(`<row r="${n}">${row.map((cell, i) => cellXml(`${columnLetter(i)}${n}`, cell, strings)).join('')}</row>`);
  });
  return `${XML_HEAD}<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">
<dimension ref="A1:${lastRef}"/>
<sheetViews><sheetView${selected ? ' tabSelected="1"' : ''} workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>
<sheetFormatPr defaultRowHeight="15"/>
<cols>${cols}</cols>
<sheetData>${rows.join('')}</sheetData>
<autoFilter ref="A1:${lastRef}"/>
<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>
</worksheet>`;
}

/** The .xlsx file of one sheet. `created` stamps the document properties and the zip entries. */
export function writeXlsx(sheet: XlsxSheet, created: number): Uint8Array {
  return writeXlsxBook([sheet], created);
}

/** The .xlsx file of several sheets (names unique, at most 31 characters, none of []:*?/\\), the first one shown. */
export function writeXlsxBook(sheets: readonly XlsxSheet[], created: number): Uint8Array {
  const strings = new SharedStrings();
  const laid = sheets.map((sheet) => ({
    sheet,
    lastRef: `${columnLetter(Math.max(sheet.columns.length - 1, 0))}${sheet.rows.length + 1}`,
  }));
  const files: Zippable = {
    '[Content_Types].xml': strToU8(contentTypes(sheets.length)),
    '_rels/.rels': strToU8(ROOT_RELS),
    'docProps/core.xml': strToU8(coreXml(new Date(created).toISOString().replace(/\.\d{3}Z$/, 'Z'))),
    'docProps/app.xml': strToU8(APP_XML),
    'xl/workbook.xml': strToU8(workbookXml(laid.map((l) => ({ name: l.sheet.name, lastRef: l.lastRef })))),
    'xl/_rels/workbook.xml.rels': strToU8(workbookRels(sheets.length)),
    'xl/styles.xml': strToU8(STYLES),
  };
  laid.forEach((l, i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(sheetXml(l.sheet, strings, l.lastRef, i === 0));
  });
  // The shared strings last: every sheet has added its text.
  files['xl/sharedStrings.xml'] = strToU8(strings.xml());
  return zipSync(files, { level: 6, mtime: new Date(created) });
}
