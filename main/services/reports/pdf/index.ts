/**
 * The report PDF writer: a flowing A4 layout (headings, paragraphs, tables that wrap and break
 * across pages with their header repeated, page headers and footers with page numbers) on pdfkit,
 * with the Noto Sans SC font embedded as a subset. Used by the handover and incident reports.
 */
export { Flow, type Column, type Field, type PageFrame, type TableOptions } from './flow';
export { CONTENT_WIDTH, MARGIN, drawLine, type Align } from './page';
export { measure } from './text';
export { NumberedSections, chineseNumber, decorateReportPage } from './report-page';
export { hasGlyph } from './font';
export { A4, type DocumentInfo, type PdfPage, type TextStyle } from './writer';
