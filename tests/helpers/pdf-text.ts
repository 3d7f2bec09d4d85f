import path from 'node:path';
import { inflateSync } from 'node:zlib';

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

/** The content of every stream of a PDF, inflated where it is Flate-compressed (as a latin1 string). */
export function pdfStreams(data: Uint8Array): string[] {
  const raw = Buffer.from(data).toString('latin1');
  const out: string[] = [];
  const re = /<<((?:(?!>>\s*stream)[\s\S])*)>>\s*stream\r?\n/g;
  for (let m = re.exec(raw); m; m = re.exec(raw)) {
    const start = m.index + m[0].length;
    const length = Number(/\/Length (\d+)/.exec(m[1] ?? '')?.[1] ?? NaN);
    const end = Number.isFinite(length) ? start + length : raw.indexOf('endstream', start);
    const body = Buffer.from(raw.slice(start, end), 'latin1');
    out.push((m[1] ?? '').includes('/FlateDecode') ? inflateSync(body).toString('latin1') : body.toString('latin1'));
  }
  return out;
}

/** A PDF literal string's bytes, its escapes undone. */
function literalBytes(s: string): Buffer {
  const bytes: number[] = [];
  const named: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12 };
  for (let i = 0; i < s.length; i++) {
    const c = s[i] ?? '';
    if (c !== '\\') {
      bytes.push(c.charCodeAt(0));
      continue;
    }
    const next = s[++i] ?? '';
    const octal = /^[0-7]{1,3}/.exec(s.slice(i))?.[0];
    if (octal) {
      bytes.push(parseInt(octal, 8));
      i += octal.length - 1;
    } else bytes.push(named[next] ?? next.charCodeAt(0));
  }
  return Buffer.from(bytes);
}

/** The /ActualText of every marked span in the page streams, decoded (UTF-16BE with a BOM, or PDFDocEncoding). */
export function pdfActualTexts(data: Uint8Array): string[] {
  const texts: string[] = [];
  for (const stream of pdfStreams(data)) {
    for (const m of stream.matchAll(/\/ActualText \(((?:\\[\s\S]|[^\\)])*)\)/g)) {
      const bytes = literalBytes(m[1] ?? '');
      texts.push(
        bytes[0] === 0xfe && bytes[1] === 0xff
          ? bytes.subarray(2).swap16().toString('utf16le')
          : bytes.toString('latin1'),
      );
    }
  }
  return texts;
}
