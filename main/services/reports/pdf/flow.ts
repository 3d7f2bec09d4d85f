/**
 * Flowing layout of a report: blocks (headings, paragraphs, ruled tables, signature lines) are
 * placed top to bottom and break onto new pages by themselves; a table's header row is repeated on
 * every page it spans. Page headers and footers are drawn last, once the number of pages is known.
 */
import { CONTENT_WIDTH, LEADING, MARGIN, baseline, drawLine, placeText, type Align } from './page';
import { measure, sanitize, wrapText } from './text';
import { A4, PdfWriter, type DocumentInfo, type PdfPage, type TextStyle } from './writer';

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

/** A table being laid out: column widths and the wrapped header. */
interface TableLayout {
  widths: number[];
  size: number;
  labels: ReadonlySet<number>;
  header: string[][] | null;
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
      drawLine(this.current(), MARGIN.left + indent, this.y, l, style);
      this.y += height;
    }
  }

  /**
   * A table with ruled cells. Cell text wraps within its column; a row taller than the room left
   * breaks across pages, and the header row is repeated on each new page.
   */
  table(columns: readonly Column[], rows: readonly (readonly string[])[], options: TableOptions = {}): void {
    const size = options.size ?? 9;
    const total = columns.reduce((sum, c) => sum + c.weight, 0);
    const widths = columns.map((c) => (CONTENT_WIDTH * c.weight) / total);
    const layout: TableLayout = { widths, size, labels: new Set(options.labelColumns ?? []), header: null };
    if (options.header !== false)
      layout.header = wrapCells(
        layout,
        columns.map((c) => c.header),
      );
    const headerHeight = layout.header ? rowHeight(size, Math.max(...layout.header.map((c) => c.length))) : 0;
    // The header never stands alone at the bottom of a page.
    this.keep(headerHeight + rowHeight(size, 1));
    this.drawHeader(layout);
    for (const row of rows) this.tableRow(layout, wrapCells(layout, row));
  }

  private drawHeader(layout: TableLayout): void {
    if (layout.header) this.drawRow(layout, layout.header, 0, Infinity, true);
  }

  /** One row: whole if it fits, else moved to the next page, or split there if it is tall. */
  private tableRow(layout: TableLayout, cells: string[][]): void {
    const leading = layout.size * LEADING;
    const lines = Math.max(1, ...cells.map((c) => c.length));
    let from = 0;
    while (from < lines) {
      const fit = Math.floor((this.room() - 2 * CELL_PAD_Y) / leading);
      const rest = lines - from;
      if (fit >= rest) {
        this.drawRow(layout, cells, from, rest, false);
        return;
      }
      // Split a row only when it is tall; a short row moves to the next page whole.
      const tallRow = rowHeight(layout.size, rest) > (A4.height - MARGIN.top - MARGIN.bottom) / 3;
      if (tallRow && fit >= MIN_SPLIT_LINES) {
        this.drawRow(layout, cells, from, fit, false);
        from += fit;
      }
      this.newPage();
      this.drawHeader(layout);
    }
  }

  /** Lines [from, from + count) of every cell as one ruled row at the cursor. */
  private drawRow(layout: TableLayout, cells: readonly string[][], from: number, count: number, header: boolean): void {
    const page = this.current();
    const { widths, size, labels } = layout;
    const leading = size * LEADING;
    const shown = Math.min(count, Math.max(1, ...cells.map((c) => c.length - from)));
    const height = shown * leading + 2 * CELL_PAD_Y;
    const top = A4.height - this.y;
    const bottom = top - height;
    let x = MARGIN.left;
    widths.forEach((w, i) => {
      const shaded = header || labels.has(i);
      if (shaded) page.fillRect(x, bottom, w, height, HEADER_FILL);
      (cells[i] ?? []).slice(from, from + shown).forEach((l, k) => {
        drawLine(page, x + CELL_PAD_X, this.y + CELL_PAD_Y + k * leading, l, { size, bold: shaded });
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
   * A block of `height` points drawn by `draw` (a chart), kept whole on one page; `top` is its top
   * from the page's top, as for drawLine.
   */
  drawing(height: number, draw: (page: PdfPage, top: number) => void): void {
    this.keep(height);
    draw(this.current(), this.y);
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
      drawLine(page, x, top, label, { size, bold: true });
      x += measure(sanitize(label), size) + 2;
      if (item.value !== null) {
        drawLine(page, x, top, item.value, { size });
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

function rowHeight(size: number, lines: number): number {
  return lines * size * LEADING + 2 * CELL_PAD_Y;
}

function wrapCells(layout: TableLayout, cells: readonly string[]): string[][] {
  return layout.widths.map((w, i) => wrapText(sanitize(cells[i] ?? ''), w - 2 * CELL_PAD_X, layout.size));
}
