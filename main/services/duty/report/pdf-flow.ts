/**
 * Flowing layout on top of the PDF writer: blocks (headings, paragraphs, ruled tables, signature
 * lines) are placed top to bottom and break onto new pages by themselves. Page headers and footers
 * are drawn last, once the number of pages is known ("第 n / N 页").
 *
 * Positions here are measured from the top of the page (`y` grows downwards); only the drawing
 * calls convert to PDF coordinates.
 */
import {
  A4,
  FONT_ASCENT,
  FONT_DESCENT,
  PdfWriter,
  type DocumentInfo,
  type PdfPage,
  type TextStyle,
} from './pdf-writer';
import { measure, sanitize, wrapText } from './pdf-text';
import { chineseNumber } from './report-format';

export const MARGIN = { top: 62, bottom: 58, left: 50, right: 50 } as const;
export const CONTENT_WIDTH = A4.width - MARGIN.left - MARGIN.right;

/** Space between lines, as a multiple of the font size. */
const LEADING = 1.45;
const CELL_PAD_X = 4;
const CELL_PAD_Y = 3;
const RULE = { width: 0.5, gray: 0.35 } as const;
const HEADER_FILL = 0.9;
/** A table row split across pages keeps at least this many lines on the first page. */
const MIN_SPLIT_LINES = 2;

export interface Column {
  header: string;
  /** Relative width: the columns share the content width in proportion. */
  weight: number;
}

export interface TableOptions {
  size?: number;
  /** Draw the header row (repeated on every page the table spans). Default true. */
  header?: boolean;
  /** Cells of these columns are drawn bold-ish and shaded (labels of a key–value table). */
  labelColumns?: readonly number[];
}

export interface Field {
  label: string;
  value: string | null;
  /** Length of the blank line drawn when there is no value. */
  blankWidth?: number;
}

/** What the page decorations get to know about a page. */
export interface PageFrame {
  page: PdfPage;
  index: number;
  count: number;
}

export class Flow {
  private readonly writer = new PdfWriter();
  private page: PdfPage | null = null;
  private y = MARGIN.top;

  /** Top of the next block, from the top of the page (for tests and layout decisions). */
  get cursor(): number {
    return this.y;
  }

  get pageCount(): number {
    return this.writer.pageCount;
  }

  private current(): PdfPage {
    this.page ??= this.writer.addPage();
    return this.page;
  }

  newPage(): void {
    this.page = this.writer.addPage();
    this.y = MARGIN.top;
  }

  /** Room left on the current page, in points. */
  private room(): number {
    return A4.height - MARGIN.bottom - this.y;
  }

  /** Start a new page unless `height` points still fit (keeps small blocks in one piece). */
  keep(height: number): void {
    if (this.page && height > this.room()) this.newPage();
  }

  space(points: number): void {
    this.y += points;
  }

  /** One line of text at the cursor's line box, left edge `x` (points from the page's left). */
  private drawLine(page: PdfPage, x: number, top: number, text: string, style: TextStyle): void {
    page.text(x, A4.height - baseline(top, style.size), text, style);
  }

  /** A line that is not wrapped, aligned in the content area. */
  line(text: string, style: TextStyle, align: Align = 'left'): void {
    const height = style.size * LEADING;
    this.keep(height);
    placeText(this.current(), this.y, text, style, align);
    this.y += height;
  }

  /** A section heading, kept on the same page as the next few lines. */
  heading(text: string, size = 12): void {
    this.space(size * 0.6);
    this.keep(size * LEADING + 60);
    this.line(text, { size, bold: true });
    this.space(2);
  }

  /** Wrapped text, breaking across pages between lines. */
  paragraph(text: string, style: TextStyle, indent = 0): void {
    const height = style.size * LEADING;
    for (const l of wrapText(sanitize(text), CONTENT_WIDTH - indent, style.size)) {
      this.keep(height);
      this.drawLine(this.current(), MARGIN.left + indent, this.y, l, style);
      this.y += height;
    }
  }

  /**
   * A table with ruled cells. Cell text wraps within its column; a row taller than the room left
   * breaks across pages, and the header row is repeated on each new page.
   */
  table(columns: readonly Column[], rows: readonly (readonly string[])[], options: TableOptions = {}): void {
    const size = options.size ?? 9;
    const leading = size * LEADING;
    const total = columns.reduce((sum, c) => sum + c.weight, 0);
    const widths = columns.map((c) => (CONTENT_WIDTH * c.weight) / total);
    const wrapCells = (cells: readonly string[]): string[][] =>
      widths.map((w, i) => wrapText(sanitize(cells[i] ?? ''), w - 2 * CELL_PAD_X, size));
    const labels = new Set(options.labelColumns ?? []);
    const headerCells = options.header === false ? null : wrapCells(columns.map((c) => c.header));
    const rowHeight = (lines: number): number => lines * leading + 2 * CELL_PAD_Y;
    const headerHeight = headerCells ? rowHeight(Math.max(...headerCells.map((c) => c.length))) : 0;

    const drawHeader = (): void => {
      if (headerCells) this.drawRow(widths, headerCells, 0, Infinity, size, { fillAll: true, labels });
    };
    // The header never stands alone at the bottom of a page.
    this.keep(headerHeight + rowHeight(1));
    drawHeader();
    for (const row of rows) {
      const cells = wrapCells(row);
      const lines = Math.max(1, ...cells.map((c) => c.length));
      let from = 0;
      while (from < lines) {
        const fit = Math.floor((this.room() - 2 * CELL_PAD_Y) / leading);
        const rest = lines - from;
        if (fit >= rest) {
          this.drawRow(widths, cells, from, rest, size, { fillAll: false, labels });
          break;
        }
        // Split a row only when it is tall; a short row moves to the next page whole.
        const tallRow = rowHeight(rest) > (A4.height - MARGIN.top - MARGIN.bottom) / 3;
        if (tallRow && fit >= MIN_SPLIT_LINES) {
          this.drawRow(widths, cells, from, fit, size, { fillAll: false, labels });
          from += fit;
        }
        this.newPage();
        drawHeader();
      }
    }
  }

  /** Lines [from, from + count) of every cell as one ruled row at the cursor. */
  private drawRow(
    widths: readonly number[],
    cells: readonly string[][],
    from: number,
    count: number,
    size: number,
    how: { fillAll: boolean; labels: ReadonlySet<number> },
  ): void {
    const page = this.current();
    const leading = size * LEADING;
    const shown = Math.min(count, Math.max(1, ...cells.map((c) => c.length - from)));
    const height = shown * leading + 2 * CELL_PAD_Y;
    const top = A4.height - this.y;
    const bottom = top - height;
    let x = MARGIN.left;
    widths.forEach((w, i) => {
      const shaded = how.fillAll || how.labels.has(i);
      if (shaded) page.fillRect(x, bottom, w, height, HEADER_FILL);
      const lines = (cells[i] ?? []).slice(from, from + shown);
      lines.forEach((l, k) => {
        this.drawLine(page, x + CELL_PAD_X, this.y + CELL_PAD_Y + k * leading, l, { size, bold: shaded });
      });
      x += w;
    });
    // Rules: top and bottom of the row, then every column edge.
    const right = MARGIN.left + CONTENT_WIDTH;
    page.line(MARGIN.left, top, right, top, RULE);
    page.line(MARGIN.left, bottom, right, bottom, RULE);
    x = MARGIN.left;
    page.line(x, top, x, bottom, RULE);
    for (const w of widths) {
      x += w;
      page.line(x, top, x, bottom, RULE);
    }
    this.y += height;
  }

  /**
   * Fields on one line, left to right: "label：value", or, with no value, "label：" and a ruled
   * blank for a handwritten entry on paper (a signature, the time it was signed).
   */
  fields(items: readonly Field[], size = 10): void {
    const height = size * LEADING * 1.7;
    this.keep(height);
    const page = this.current();
    const top = this.y + (height - size * LEADING);
    let x = MARGIN.left;
    for (const item of items) {
      const label = `${item.label}：`;
      this.drawLine(page, x, top, label, { size, bold: true });
      x += measure(sanitize(label), size) + 2;
      if (item.value !== null) {
        this.drawLine(page, x, top, item.value, { size });
        x += measure(sanitize(item.value), size);
      } else {
        const y = A4.height - baseline(top, size) - 2;
        const w = item.blankWidth ?? 120;
        page.line(x, y, x + w, y, { width: 0.6 });
        x += w;
      }
      x += 24;
    }
    this.y += height;
  }

  /** Call `decorate` for every page (headers, footers), then produce the file. */
  finish(decorate: (frame: PageFrame) => void, info: DocumentInfo): Uint8Array {
    this.current(); // even an empty report has a page
    const pages = this.writer.allPages();
    pages.forEach((page, index) => decorate({ page, index, count: pages.length }));
    return this.writer.toBytes(info);
  }
}

export type Align = 'left' | 'center' | 'right';

/**
 * One unwrapped line in the line box whose top is `top` (points from the page's top), aligned
 * within the content width: for page headers and footers, which sit in the margins.
 */
export function placeText(page: PdfPage, top: number, text: string, style: TextStyle, align: Align = 'left'): void {
  const w = measure(sanitize(text), style.size);
  const x =
    align === 'left'
      ? MARGIN.left
      : align === 'center'
        ? MARGIN.left + (CONTENT_WIDTH - w) / 2
        : A4.width - MARGIN.right - w;
  page.text(x, A4.height - baseline(top, style.size), text, style);
}

const PAGE_DECORATION = { size: 8, gray: 0.35 } as const;

/**
 * The header and footer every report page carries, in the margins: the title left and the subject
 * right above a rule; below a rule, who printed it when, and "第 n / N 页".
 */
export function decorateReportPage(
  { page, index, count }: PageFrame,
  header: { title: string; subject: string },
  printedLine: string,
): void {
  const headerTop = MARGIN.top - 30;
  placeText(page, headerTop, header.title, PAGE_DECORATION);
  placeText(page, headerTop, header.subject, PAGE_DECORATION, 'right');
  const ruleY = A4.height - (MARGIN.top - 14);
  page.line(MARGIN.left, ruleY, MARGIN.left + CONTENT_WIDTH, ruleY, { width: 0.4, gray: 0.5 });

  const footerTop = A4.height - MARGIN.bottom + 20;
  const footRule = A4.height - footerTop + 4;
  page.line(MARGIN.left, footRule, MARGIN.left + CONTENT_WIDTH, footRule, { width: 0.4, gray: 0.5 });
  placeText(page, footerTop, printedLine, PAGE_DECORATION);
  placeText(page, footerTop, `第 ${index + 1} / ${count} 页`, PAGE_DECORATION, 'right');
}

/** Baseline of a line box whose top is `top` (from the page's top): the glyphs are centered vertically. */
export function baseline(top: number, size: number): number {
  const glyph = ((FONT_ASCENT - FONT_DESCENT) / 1000) * size;
  return top + (size * LEADING - glyph) / 2 + (FONT_ASCENT / 1000) * size;
}

/** A report's top-level sections, numbered 一、二、… in the order they appear. */
export class NumberedSections {
  private n = 0;
  constructor(private readonly flow: Flow) {}

  heading(text: string): void {
    this.n += 1;
    this.flow.heading(`${chineseNumber(this.n)}、${text}`);
  }
}
