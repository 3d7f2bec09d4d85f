/**
 * The reports' PDF writer (main/services/reports/pdf): widths and wrapping from the embedded font,
 * and what a parser (pdfjs) reads back — every character, at the width it was measured.
 */
import { describe, expect, it } from 'vitest';
import { hasGlyph } from '../../main/services/reports/pdf';
import { readsBack } from '../../main/services/reports/pdf/font';
import { measure, sanitize, wrapText } from '../../main/services/reports/pdf/text';
import { PdfWriter } from '../../main/services/reports/pdf/writer';
import { pdfActualTexts, pdfPageItems, type PdfTextItem as Line } from '../helpers/pdf-text';

const START = Date.UTC(2026, 10, 26, 0, 0, 0);
/** Mixed text: Chinese, ASCII words, codes, times and punctuation that must not start a line. */
const LONG_TEXT = [
  '夜班巡查：合庆路（东段）积水已退，工单 HQ20261202-0002 于 21:40 办结。',
  'Pump station P-07 reported 3.2 m at 22:15; 请第二联勤站复核“华星村”低洼处。',
  '刘䶮、㐀某已到岗，CAM-0031 至 CAM-0042 画面正常……',
].join('');

async function readPdf(data: Uint8Array): Promise<{ pages: { items: Line[] }[] }> {
  return { pages: await pdfPageItems(data) };
}

const pageText = (items: Line[]): string => items.map((i) => i.str).join('');
const squash = (s: string): string => s.replace(/\s/g, '');

describe('PDF text: glyphs, widths, wrapping', () => {
  it("measures with the embedded font's own advance widths", () => {
    // Ideographs and full-width punctuation are one em; Latin letters and digits are proportional.
    expect(measure('合庆，', 10)).toBe(30);
    expect(measure('䶮㐀', 10)).toBe(20);
    expect(measure('CAM-0012', 9)).toBeGreaterThan(measure('CAM', 9));
    expect(measure('CAM-0012', 9)).toBeCloseTo(measure('CAM-', 9) + 4 * measure('0', 9), 6);
    expect(measure('i', 10)).toBeLessThan(measure('W', 10));
  });

  it('keeps every character: only control characters go', () => {
    expect(sanitize('a\tb\r\nc\u0007')).toBe('a b\nc');
    expect(sanitize('好😀𠀀䶮')).toBe('好😀𠀀䶮');
    expect(hasGlyph('䶮')).toBe(true); // CJK Extension A, outside GBK
    expect(hasGlyph('㐀')).toBe(true);
    expect(hasGlyph('㎎')).toBe(true);
    expect(hasGlyph('☑')).toBe(false);
    expect(hasGlyph('😀')).toBe(false);
  });

  it('wraps CJK anywhere, ASCII at spaces, and keeps punctuation off the start of a line', () => {
    expect(wrapText('一二三四五', 30, 10)).toEqual(['一二三', '四五']);
    expect(wrapText('abc def ghi', measure('abc def', 10), 10)).toEqual(['abc def', 'ghi']);
    expect(wrapText('合庆 hello world', measure('合庆 hello', 10), 10)).toEqual(['合庆 hello', 'world']);
    expect(wrapText('一二，三四', 20, 10)).toEqual(['一', '二，', '三四']);
    expect(wrapText('x'.repeat(25), measure('x'.repeat(10), 10) + 0.01, 10)).toEqual([
      'x'.repeat(10),
      'x'.repeat(10),
      'x'.repeat(5),
    ]);
    // An order code or a time is one word: it moves to the next line whole, never split by a gap.
    expect(wrapText('关联工单 HQ20261202-0002', measure('关联工单 HQ20261202-000', 10), 10)).toEqual([
      '关联工单',
      'HQ20261202-0002',
    ]);
    expect(wrapText('a\n\nb', 100, 10)).toEqual(['a', '', 'b']);
    expect(wrapText('', 100, 10)).toEqual(['']);
  });

  it('never makes a line wider than asked', () => {
    const text = sanitize(LONG_TEXT.repeat(3));
    for (const width of [20, 57, 120, 333]) {
      const lines = wrapText(text, width, 9);
      for (const l of lines) expect(measure(l, 9)).toBeLessThanOrEqual(width + 1e-6);
      expect(squash(lines.join(''))).toBe(squash(text));
    }
  });

  it('draws text at the width it measured, and every character reads back as written', async () => {
    const chars: string[] = [];
    for (let cp = 0x21; cp <= 0x7e; cp++) chars.push(String.fromCharCode(cp));
    for (let cp = 0x4e00; cp <= 0x9fa5; cp += 5) chars.push(String.fromCharCode(cp)); // GBK's hanzi
    // Extension A, less the few characters that share their glyph with another (checked below).
    for (let cp = 0x3400; cp <= 0x4db5; cp += 23)
      if (readsBack(String.fromCharCode(cp))) chars.push(String.fromCharCode(cp));
    chars.push(...Array.from('䶮㐀，。、：；“”（）《》【】—…·'));
    const writer = new PdfWriter();
    const lines: string[] = [];
    for (let i = 0; i < chars.length; i += 40) lines.push(chars.slice(i, i + 40).join(''));
    lines.forEach((l, i) => {
      if (i % 64 === 0) writer.addPage();
      writer
        .allPages()
        .at(-1)
        ?.text(20, 800 - (i % 64) * 12, l, { size: 10 });
    });
    const { pages } = await readPdf(writer.toBytes({ title: 'glyphs', creationDate: new Date(START) }));
    const seen = pages.flatMap((p) => {
      const byLine = new Map<number, Line[]>();
      for (const it of p.items) byLine.set(Math.round(it.y), [...(byLine.get(Math.round(it.y)) ?? []), it]);
      return [...byLine.values()];
    });
    expect(seen).toHaveLength(lines.length);
    seen.forEach((items, i) => {
      const expected = lines[i] ?? '';
      expect(squash(pageText(items))).toBe(expected);
      const last = items.at(-1)!;
      expect(last.x + last.width - items[0]!.x).toBeCloseTo(measure(expected, 10), 1);
    });
  });

  it('draws a character the font lacks as a square and keeps the character in the text layer', async () => {
    const writer = new PdfWriter();
    writer.addPage().text(50, 700, '笑脸😀与𠀀字', { size: 10 });
    const bytes = writer.toBytes({ title: 'missing', creationDate: new Date(START) });
    const { pages } = await readPdf(bytes);
    expect(squash(pageText(pages[0]!.items))).toBe('笑脸□与□字');
    expect(pdfActualTexts(bytes)).toEqual(['😀', '𠀀']);
  });

  it('keeps a character whose glyph another character shares (㮣 and 槩) in the text layer', async () => {
    expect(readsBack('㮣')).toBe(false);
    const writer = new PdfWriter();
    writer.addPage().text(50, 700, '槩与㮣', { size: 10 });
    const bytes = writer.toBytes({ title: 'shared', creationDate: new Date(START) });
    expect(pdfActualTexts(bytes)).toEqual(['槩', '㮣']);
    const { pages } = await readPdf(bytes);
    expect(pages[0]!.items.at(-1)!.x + pages[0]!.items.at(-1)!.width - 50).toBeCloseTo(measure('槩与㮣', 10), 1);
  });
});
