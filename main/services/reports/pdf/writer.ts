/**
 * A4 pages of text, lines and filled boxes, written as PDF by pdfkit with the report font embedded
 * as a subset (./font). Pages record their drawing first and are written when the document is
 * finished, so a layout can still add to every page once it knows how many there are ("第 n / N 页").
 *
 * Coordinates are PDF points with the origin at the bottom-left of the page.
 */
import PDFDocument from 'pdfkit';
import { fontBytes, hasGlyph, readsBack } from './font';
import { MISSING_GLYPH, measure, sanitize } from './text';

/** A4 portrait, in points. */
export const A4 = { width: 595.28, height: 841.89 } as const;

export interface TextStyle {
  size: number;
  /** Drawn heavier by also stroking the glyph outlines (text render mode 2): one font file is enough. */
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

type Op =
  | { kind: 'text'; x: number; y: number; text: string; style: TextStyle }
  | { kind: 'line'; x1: number; y1: number; x2: number; y2: number; style: LineStyle }
  | { kind: 'rect'; x: number; y: number; w: number; h: number; gray: number };

/** One page's drawing, in order. */
export class PdfPage {
  readonly ops: Op[] = [];

  /** Draw one line of text with its baseline at (x, y). */
  text(x: number, y: number, text: string, style: TextStyle): void {
    const safe = sanitize(text).replace(/\n/g, ' ');
    if (safe) this.ops.push({ kind: 'text', x, y, text: safe, style });
  }

  line(x1: number, y1: number, x2: number, y2: number, style: LineStyle = {}): void {
    this.ops.push({ kind: 'line', x1, y1, x2, y2, style });
  }

  /** A filled rectangle (x, y = bottom-left corner). */
  fillRect(x: number, y: number, w: number, h: number, gray: number): void {
    this.ops.push({ kind: 'rect', x, y, w, h, gray });
  }
}

const FONT = 'report';
/** No kerning, no ligatures: glyphs advance exactly as ./text measured them. */
const PLAIN = { kern: false, liga: false, clig: false, calt: false } as unknown as PDFKit.Mixins.OpenTypeFeatures[];
const rgb = (gray: number): [number, number, number] => {
  const v = Math.round(Math.min(1, Math.max(0, gray)) * 255);
  return [v, v, v];
};

type RunKind = 'plain' | 'missing' | 'shared';

/** Runs of characters drawn as they are, of those the font lacks, and of those whose glyph is shared. */
function runs(text: string): { text: string; kind: RunKind }[] {
  const out: { text: string; kind: RunKind }[] = [];
  for (const ch of text) {
    const kind: RunKind = !hasGlyph(ch) ? 'missing' : readsBack(ch) ? 'plain' : 'shared';
    const last = out.at(-1);
    if (last && last.kind === kind) last.text += ch;
    else out.push({ text: ch, kind });
  }
  return out;
}

function drawText(doc: PDFKit.PDFDocument, op: Extract<Op, { kind: 'text' }>): void {
  const { size, bold, gray = 0 } = op.style;
  doc.font(FONT).fontSize(size).fillColor(rgb(gray));
  if (bold) doc.lineWidth(size * 0.035).strokeColor(rgb(gray));
  let x = op.x;
  const top = A4.height - op.y;
  const options = { lineBreak: false, baseline: 'alphabetic', features: PLAIN, fill: true, stroke: bold === true };
  for (const run of runs(op.text)) {
    // A character the font lacks shows as a square; /ActualText keeps the character itself for
    // copying, searching and text extraction (and so for a character whose glyph is shared).
    const marked = run.kind !== 'plain';
    if (marked) doc.markContent('Span', { actual: run.text });
    const shown = run.kind === 'missing' ? MISSING_GLYPH.repeat(Array.from(run.text).length) : run.text;
    doc.text(shown, x, top, options as PDFKit.Mixins.TextOptions);
    if (marked) doc.endMarkedContent();
    x += measure(run.text, size);
  }
}

function drawPage(doc: PDFKit.PDFDocument, page: PdfPage): void {
  doc.addPage({ size: [A4.width, A4.height], margin: 0 });
  for (const op of page.ops) {
    if (op.kind === 'text') drawText(doc, op);
    else if (op.kind === 'line') {
      doc
        .save()
        .lineWidth(op.style.width ?? 0.5)
        .strokeColor(rgb(op.style.gray ?? 0));
      doc
        .moveTo(op.x1, A4.height - op.y1)
        .lineTo(op.x2, A4.height - op.y2)
        .stroke()
        .restore();
    } else {
      doc
        .save()
        .rect(op.x, A4.height - op.y - op.h, op.w, op.h)
        .fill(rgb(op.gray))
        .restore();
    }
  }
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

  /**
   * The finished file. The same pages and info give the same bytes: the creation date is the
   * given one, and pdfkit derives the file identifier and the subset's name from the content.
   */
  toBytes(info: DocumentInfo): Uint8Array {
    if (this.pages.length === 0) this.addPage(); // a PDF needs at least one page
    const doc = new PDFDocument({
      autoFirstPage: false,
      // No standard font: pdfkit would read its Helvetica metrics from a file beside its sources.
      font: null as unknown as string,
      pdfVersion: '1.7',
      compress: true,
      displayTitle: true,
      lang: 'zh-CN',
      info: {
        Title: info.title,
        ...(info.author ? { Author: info.author } : {}),
        ...(info.subject ? { Subject: info.subject } : {}),
        Creator: '合庆城运',
        Producer: '合庆城运',
        CreationDate: info.creationDate,
        ModDate: info.creationDate,
      },
    });
    doc.registerFont(FONT, fontBytes());
    for (const page of this.pages) drawPage(doc, page);
    doc.end();
    // pdfkit writes the whole file into its stream buffer synchronously on end(): read it at once.
    const out = doc.read() as Buffer | null;
    if (!out) throw new Error('PDF writer produced no output');
    return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
  }
}
