/**
 * What every printed report shares: the header and footer of each page, and numbered sections.
 */
import type { Flow, PageFrame } from './flow';
import { CONTENT_WIDTH, MARGIN, placeText } from './page';
import { A4 } from './writer';

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

/** 一、二、三… for section numbers (reports have fewer than ten sections). */
export function chineseNumber(n: number): string {
  return '一二三四五六七八九十'[n - 1] ?? String(n);
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
