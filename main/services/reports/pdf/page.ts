/**
 * The report page: margins, line height, and where a line's baseline sits. Positions here are
 * measured from the top of the page (`y` grows downwards); only the drawing calls convert.
 */
import { fontBox } from './font';
import { measure, sanitize } from './text';
import { A4, type PdfPage, type TextStyle } from './writer';

export const MARGIN = { top: 62, bottom: 58, left: 50, right: 50 } as const;
export const CONTENT_WIDTH = A4.width - MARGIN.left - MARGIN.right;

/** Space between lines, as a multiple of the font size. */
export const LEADING = 1.45;

export type Align = 'left' | 'center' | 'right';

/** Baseline of a line box whose top is `top` (from the page's top): the em box is centred vertically. */
export function baseline(top: number, size: number): number {
  const { ascent, descent } = fontBox();
  const glyph = ((ascent - descent) / 1000) * size;
  return top + (size * LEADING - glyph) / 2 + (ascent / 1000) * size;
}

/** One line of text whose line box's top is `top`, left edge `x` (points from the page's left). */
export function drawLine(page: PdfPage, x: number, top: number, text: string, style: TextStyle): void {
  page.text(x, A4.height - baseline(top, style.size), text, style);
}

/**
 * One unwrapped line in the line box whose top is `top`, aligned within the content width: for
 * page headers and footers, which sit in the margins.
 */
export function placeText(page: PdfPage, top: number, text: string, style: TextStyle, align: Align = 'left'): void {
  const w = measure(sanitize(text), style.size);
  const x =
    align === 'left'
      ? MARGIN.left
      : align === 'center'
        ? MARGIN.left + (CONTENT_WIDTH - w) / 2
        : A4.width - MARGIN.right - w;
  drawLine(page, x, top, text, style);
}
