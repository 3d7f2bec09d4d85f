import path from 'node:path';

const CMAPS = `${path.resolve(import.meta.dirname, '../../node_modules/pdfjs-dist/cmaps')}/`;

/** The text of each page of a PDF as pdfjs reads it (items joined without separators). */
export async function pdfPageTexts(data: Uint8Array): Promise<string[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({
    data: data.slice(), // pdfjs detaches the buffer it is given
    cMapUrl: CMAPS,
    cMapPacked: true,
    useSystemFonts: false,
    disableFontFace: true,
    isEvalSupported: false,
  }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    pages.push(content.items.map((it) => ('str' in it ? it.str : '')).join(''));
  }
  await doc.destroy();
  return pages;
}

/** The whole document's text, pages joined by a line break. */
export async function pdfText(data: Uint8Array): Promise<string> {
  return (await pdfPageTexts(data)).join('\n');
}

export interface PdfTextItem {
  str: string;
  x: number;
  y: number;
  width: number;
}

/** Each page's size and its text items with their positions (PDF points, origin bottom-left). */
export async function pdfPageItems(
  data: Uint8Array,
): Promise<{ width: number; height: number; items: PdfTextItem[] }[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({
    data: data.slice(),
    cMapUrl: CMAPS,
    cMapPacked: true,
    useSystemFonts: false,
    disableFontFace: true,
    isEvalSupported: false,
  }).promise;
  const pages = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const { width, height } = page.getViewport({ scale: 1 });
    const items: PdfTextItem[] = [];
    for (const it of (await page.getTextContent()).items) {
      if (!('str' in it) || it.str === '') continue;
      items.push({ str: it.str, x: it.transform[4] as number, y: it.transform[5] as number, width: it.width });
    }
    pages.push({ width, height, items });
  }
  await doc.destroy();
  return pages;
}
