/**
 * The report's charts, drawn as vectors with the reports' PDF writer (bars, lines, labels in
 * Chinese) from the series dashboard.get answers — the same numbers the dashboard's charts show,
 * never counted again. Grays only: the report is printed on office printers.
 */
import { A4, CONTENT_WIDTH, MARGIN, drawLine, measure, type Flow, type PdfPage } from '../reports/pdf';
import type { LabelledCount } from './report-model';

const LABEL = { size: 7.5 } as const;
const SMALL = { size: 6.5, gray: 0.25 } as const;
const TITLE = { size: 10, bold: true } as const;
const BAR_GRAY = 0.45;
const AXIS = { width: 0.5, gray: 0.4 } as const;
/** The SLA lights' shades, darkest for red; the legend names them. */
export const LIGHT_SHADES = { green: 0.8, yellow: 0.55, red: 0.2 } as const;

/** PDF y (from the bottom) of a distance from the page's top. */
const pdfY = (top: number): number => A4.height - top;

/** Text cut (with "…") to fit `width` points at `size`. */
function fit(text: string, width: number, size: number): string {
  if (measure(text, size) <= width) return text;
  const chars = Array.from(text);
  while (chars.length > 0 && measure(`${chars.join('')}…`, size) > width) chars.pop();
  return `${chars.join('')}…`;
}

/** A filled box whose top-left corner is (x, top), `top` from the page's top. */
function box(page: PdfPage, x: number, top: number, w: number, h: number, gray: number): void {
  if (w > 0 && h > 0) page.fillRect(x, pdfY(top + h), w, h, gray);
}

function chartTitle(flow: Flow, title: string, blockHeight: number): void {
  flow.space(6);
  // The title stays on the page of its chart.
  flow.keep(TITLE.size * 1.45 + blockHeight);
  flow.line(title, TITLE);
}

/** Horizontal bars, one row per label, the count at the bar's end (a long list stays readable). */
export function horizontalBars(flow: Flow, title: string, rows: readonly LabelledCount[], labelWidth = 120): void {
  const rowHeight = 11;
  const height = rows.length * rowHeight + 4;
  chartTitle(flow, title, height);
  if (rows.length === 0) {
    flow.line('（本期无工单）', LABEL);
    return;
  }
  const max = Math.max(1, ...rows.map((r) => r.count));
  const left = MARGIN.left + labelWidth;
  const span = CONTENT_WIDTH - labelWidth - 36;
  flow.drawing(height, (page, top) => {
    rows.forEach((r, i) => {
      const y = top + i * rowHeight;
      drawLine(page, MARGIN.left, y, fit(r.label, labelWidth - 6, LABEL.size), LABEL);
      const w = (span * r.count) / max;
      box(page, left, y + 2, w, rowHeight - 4, BAR_GRAY);
      drawLine(page, left + w + 3, y, String(r.count), LABEL);
    });
    page.line(left, pdfY(top), left, pdfY(top + rows.length * rowHeight), AXIS);
  });
}

interface Plot {
  left: number;
  width: number;
  /** The baseline's distance from the page's top. */
  base: number;
  height: number;
  max: number;
}

/** The axes of a column or line chart, with its maximum marked on the left. */
function axes(page: PdfPage, p: Plot): void {
  page.line(p.left, pdfY(p.base), p.left + p.width, pdfY(p.base), AXIS);
  page.line(p.left, pdfY(p.base), p.left, pdfY(p.base - p.height), AXIS);
  const label = String(p.max);
  drawLine(page, p.left - measure(label, SMALL.size) - 3, p.base - p.height - SMALL.size, label, SMALL);
  drawLine(page, p.left - measure('0', SMALL.size) - 3, p.base - SMALL.size, '0', SMALL);
}

/** Columns over labelled slots (the hours of the day), each count above its column. */
export function columns(flow: Flow, title: string, rows: readonly LabelledCount[]): void {
  const height = 110;
  chartTitle(flow, title, height);
  flow.drawing(height, (page, top) => {
    const p: Plot = { left: MARGIN.left + 24, width: CONTENT_WIDTH - 24, base: top + 90, height: 78, max: 0 };
    p.max = Math.max(1, ...rows.map((r) => r.count));
    axes(page, p);
    const slot = p.width / Math.max(1, rows.length);
    rows.forEach((r, i) => {
      const x = p.left + i * slot;
      const h = (p.height * r.count) / p.max;
      box(page, x + slot * 0.15, p.base - h, slot * 0.7, h, BAR_GRAY);
      const centre = (text: string) => x + (slot - measure(text, SMALL.size)) / 2;
      if (r.count > 0) drawLine(page, centre(String(r.count)), p.base - h - SMALL.size * 1.5, String(r.count), SMALL);
      drawLine(page, centre(r.label), p.base + 2, r.label, SMALL);
    });
  });
}

/** A line through the counts of consecutive slots (the days of the period), each count at its point. */
export function line(flow: Flow, title: string, rows: readonly LabelledCount[]): void {
  const height = 110;
  chartTitle(flow, title, height);
  flow.drawing(height, (page, top) => {
    const p: Plot = { left: MARGIN.left + 24, width: CONTENT_WIDTH - 24, base: top + 90, height: 72, max: 0 };
    p.max = Math.max(1, ...rows.map((r) => r.count));
    axes(page, p);
    const slot = p.width / Math.max(1, rows.length);
    const points = rows.map((r, i) => ({
      x: p.left + slot * (i + 0.5),
      y: p.base - (p.height * r.count) / p.max,
      r,
    }));
    points.forEach((pt, i) => {
      const next = points[i + 1];
      if (next) page.line(pt.x, pdfY(pt.y), next.x, pdfY(next.y), { width: 1.2, gray: 0.2 });
      box(page, pt.x - 2, pt.y - 2, 4, 4, 0);
      const count = String(pt.r.count);
      drawLine(page, pt.x - measure(count, SMALL.size) / 2, pt.y - SMALL.size * 2, count, SMALL);
      drawLine(page, pt.x - measure(pt.r.label, SMALL.size) / 2, p.base + 2, pt.r.label, SMALL);
    });
  });
}

export interface LightsRow {
  label: string;
  green: number;
  yellow: number;
  red: number;
}

/** Per day, one bar split into green, yellow and red (by shade), with a legend and the three counts. */
export function stackedLights(flow: Flow, title: string, rows: readonly LightsRow[]): void {
  const rowHeight = 12;
  const height = rows.length * rowHeight + 18;
  chartTitle(flow, title, height);
  const labelWidth = 60;
  const left = MARGIN.left + labelWidth;
  const span = CONTENT_WIDTH - labelWidth - 110;
  const max = Math.max(1, ...rows.map((r) => r.green + r.yellow + r.red));
  flow.drawing(height, (page, top) => {
    let x = left;
    for (const [name, shade] of [
      ['绿灯', LIGHT_SHADES.green],
      ['黄灯', LIGHT_SHADES.yellow],
      ['红灯', LIGHT_SHADES.red],
    ] as const) {
      box(page, x, top + 3, 8, 7, shade);
      drawLine(page, x + 11, top, name, LABEL);
      x += 50;
    }
    rows.forEach((r, i) => {
      const y = top + 16 + i * rowHeight;
      drawLine(page, MARGIN.left, y, r.label, LABEL);
      let bx = left;
      for (const [n, shade] of [
        [r.green, LIGHT_SHADES.green],
        [r.yellow, LIGHT_SHADES.yellow],
        [r.red, LIGHT_SHADES.red],
      ] as const) {
        const w = (span * n) / max;
        box(page, bx, y + 2, w, rowHeight - 4, shade);
        bx += w;
      }
      drawLine(page, left + span + 6, y, `绿 ${r.green} / 黄 ${r.yellow} / 红 ${r.red}`, LABEL);
    });
  });
}
