/**
 * A minimal PDF 1.7 writer for printable reports: A4 pages of text, lines and filled boxes in one
 * font, with Flate-compressed content streams. No dependency and no font files: Chinese is shown
 * with STSong-Light, one of the standard CJK fonts every PDF viewer knows how to substitute (the
 * same non-embedded font iText's "asian" package uses), addressed in Unicode through the predefined
 * UniGB-UCS2-H CMap. What the font can show and how wide it is lives in ./pdf-text.
 *
 * Coordinates are PDF points with the origin at the bottom-left of the page.
 */
import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { HALF_WIDTH, FULL_WIDTH, encodeUcs2Hex, sanitize } from './pdf-text';

/** A4 portrait, in points. */
export const A4 = { width: 595.28, height: 841.89 } as const;

/** Ascent and descent of the font, in 1/1000 em (from STSong-Light's metrics). */
export const FONT_ASCENT = 857;
export const FONT_DESCENT = -143;

export interface TextStyle {
  size: number;
  /** Drawn heavier by also stroking the glyph outlines (text render mode 2): no bold font is needed. */
  bold?: boolean;
  /** 0 = black … 1 = white. */
  gray?: number;
}

export interface LineStyle {
  width?: number;
  gray?: number;
}

export interface DocumentInfo {
  title: string;
  author?: string;
  subject?: string;
  creationDate: Date;
}

/** Numbers as PDF writes them: at most 3 decimals, no exponent, no trailing zeros. */
export function num(n: number): string {
  const s = (Math.round(n * 1000) / 1000).toFixed(3);
  return s.replace(/\.?0+$/, '') || '0';
}

/** One page's content stream, built from drawing operations. */
export class PdfPage {
  private readonly ops: string[] = [];

  /** Draw one line of text with its baseline at (x, y). Text is sanitized for the font first. */
  text(x: number, y: number, text: string, style: TextStyle): void {
    const safe = sanitize(text).replace(/\n/g, ' ');
    if (!safe) return;
    const gray = num(style.gray ?? 0);
    const render = style.bold ? `2 Tr ${num(style.size * 0.035)} w ${gray} G ` : '';
    this.ops.push(
      `q ${gray} g BT ${render}/F1 ${num(style.size)} Tf ${num(x)} ${num(y)} Td ${encodeUcs2Hex(safe)} Tj ET Q`,
    );
  }

  line(x1: number, y1: number, x2: number, y2: number, style: LineStyle = {}): void {
    this.ops.push(
      `q ${num(style.gray ?? 0)} G ${num(style.width ?? 0.5)} w ${num(x1)} ${num(y1)} m ${num(x2)} ${num(y2)} l S Q`,
    );
  }

  /** A filled rectangle (x, y = bottom-left corner). */
  fillRect(x: number, y: number, w: number, h: number, gray: number): void {
    this.ops.push(`q ${num(gray)} g ${num(x)} ${num(y)} ${num(w)} ${num(h)} re f Q`);
  }

  /** The uncompressed content stream. */
  content(): string {
    return this.ops.join('\n');
  }
}

/** A text string in the document information dictionary: UTF-16BE with a byte-order mark. */
function infoString(s: string): string {
  let hex = 'FEFF';
  for (let i = 0; i < s.length; i++) hex += s.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase();
  return `<${hex}>`;
}

/** `D:YYYYMMDDHHmmss+08'00'`: the date in Asia/Shanghai, which has had no daylight saving since 1991. */
function pdfDate(d: Date): string {
  const sh = new Date(d.getTime() + 8 * 3_600_000);
  const p = (n: number, w = 2): string => String(n).padStart(w, '0');
  return (
    `D:${p(sh.getUTCFullYear(), 4)}${p(sh.getUTCMonth() + 1)}${p(sh.getUTCDate())}` +
    `${p(sh.getUTCHours())}${p(sh.getUTCMinutes())}${p(sh.getUTCSeconds())}+08'00'`
  );
}

/** Object numbers of the shared objects; pages follow from FIRST_PAGE_OBJECT on, two objects each. */
const CATALOG = 1;
const PAGES = 2;
const FONT = 3;
const CID_FONT = 4;
const FONT_DESCRIPTOR = 5;
const INFO = 6;
const FIRST_PAGE_OBJECT = 7;

/**
 * The font objects. /W gives CIDs 1–95 (what UniGB-UCS2-H maps printable ASCII to) half an em and
 * /DW every other CID a full em: whatever font the viewer substitutes, glyphs advance exactly as
 * ./pdf-text measured them.
 */
function fontObjects(): Record<number, string> {
  return {
    [FONT]:
      `<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H ` +
      `/DescendantFonts [${CID_FONT} 0 R] >>`,
    [CID_FONT]:
      `<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light ` +
      `/CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> ` +
      `/FontDescriptor ${FONT_DESCRIPTOR} 0 R /DW ${FULL_WIDTH} /W [1 95 ${HALF_WIDTH}] >>`,
    // Flags 7 = fixed pitch + serif + symbolic. Fixed pitch is true of the font as we use it (ASCII half
    // an em, the rest a full em) and makes substituting viewers pick a duospaced CJK font (SimSun, Noto
    // Sans Mono CJK) whose Latin letters fit the half-em advance instead of overlapping.
    [FONT_DESCRIPTOR]:
      `<< /Type /FontDescriptor /FontName /STSong-Light /Flags 7 /FontBBox [-25 -254 1000 880] ` +
      `/ItalicAngle 0 /Ascent ${FONT_ASCENT} /Descent ${FONT_DESCENT} /CapHeight 737 /XHeight 535 ` +
      `/StemV 93 /MissingWidth ${FULL_WIDTH} >>`,
  };
}

/** A document of A4 pages. */
export class PdfWriter {
  private readonly pages: PdfPage[] = [];

  addPage(): PdfPage {
    const page = new PdfPage();
    this.pages.push(page);
    return page;
  }

  get pageCount(): number {
    return this.pages.length;
  }

  /** The pages so far, in order (to draw on them after the layout, e.g. "page n of N"). */
  allPages(): readonly PdfPage[] {
    return this.pages;
  }

  /** The finished file. */
  toBytes(info: DocumentInfo): Uint8Array {
    if (this.pages.length === 0) this.addPage(); // a PDF needs at least one page
    const objects = new Map<number, Buffer>();
    const put = (id: number, body: string | Buffer): void => {
      objects.set(id, typeof body === 'string' ? Buffer.from(body, 'latin1') : body);
    };

    const pageIds = this.pages.map((_, i) => FIRST_PAGE_OBJECT + 2 * i);
    put(CATALOG, `<< /Type /Catalog /Pages ${PAGES} 0 R >>`);
    put(PAGES, `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pageIds.length} >>`);
    for (const [id, body] of Object.entries(fontObjects())) put(Number(id), body);
    const infoEntries = [
      `/Title ${infoString(info.title)}`,
      info.author ? `/Author ${infoString(info.author)}` : '',
      info.subject ? `/Subject ${infoString(info.subject)}` : '',
      `/Creator ${infoString('合庆城运')}`,
      `/Producer ${infoString('合庆城运')}`,
      `/CreationDate (${pdfDate(info.creationDate)})`,
    ];
    put(INFO, `<< ${infoEntries.filter(Boolean).join(' ')} >>`);

    const resources = `<< /Font << /F1 ${FONT} 0 R >> /ProcSet [/PDF /Text] >>`;
    this.pages.forEach((page, i) => {
      const pageId = FIRST_PAGE_OBJECT + 2 * i;
      const contentId = pageId + 1;
      put(
        pageId,
        `<< /Type /Page /Parent ${PAGES} 0 R /MediaBox [0 0 ${num(A4.width)} ${num(A4.height)}] ` +
          `/Resources ${resources} /Contents ${contentId} 0 R >>`,
      );
      const data = deflateSync(Buffer.from(page.content(), 'latin1'));
      put(
        contentId,
        Buffer.concat([
          Buffer.from(`<< /Length ${data.length} /Filter /FlateDecode >>\nstream\n`, 'latin1'),
          data,
          Buffer.from('\nendstream', 'latin1'),
        ]),
      );
    });
    return serialize(objects);
  }
}

/** Header, numbered objects, cross-reference table and trailer. */
function serialize(objects: Map<number, Buffer>): Uint8Array {
  // The second header line's high bytes tell transfer tools the file is binary.
  const chunks: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let offset = chunks[0]?.length ?? 0;
  const count = Math.max(...objects.keys()) + 1;
  const offsets: number[] = new Array<number>(count).fill(0);
  const hash = createHash('md5');
  for (let id = 1; id < count; id++) {
    const body = objects.get(id);
    if (!body) throw new Error(`PDF object ${id} missing`);
    const chunk = Buffer.concat([Buffer.from(`${id} 0 obj\n`, 'latin1'), body, Buffer.from('\nendobj\n', 'latin1')]);
    offsets[id] = offset;
    offset += chunk.length;
    chunks.push(chunk);
    hash.update(chunk);
  }
  // Each cross-reference entry is exactly 20 bytes, its end of line included.
  const xref = [`xref\n0 ${count}\n`, '0000000000 65535 f \n'];
  for (let id = 1; id < count; id++) xref.push(`${String(offsets[id]).padStart(10, '0')} 00000 n \n`);
  // The file identifier comes from the content, so the same report always gives the same bytes.
  const fileId = hash.digest('hex').toUpperCase();
  const trailer =
    `trailer\n<< /Size ${count} /Root ${CATALOG} 0 R /Info ${INFO} 0 R /ID [<${fileId}> <${fileId}>] >>\n` +
    `startxref\n${offset}\n%%EOF\n`;
  chunks.push(Buffer.from(xref.join('') + trailer, 'latin1'));
  return new Uint8Array(Buffer.concat(chunks));
}
