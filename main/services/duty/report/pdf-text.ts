/**
 * Text for the non-embedded STSong-Light font of the PDF writer: which characters it can show,
 * their widths, the UCS-2 encoding, and line wrapping.
 *
 * The font is not embedded, so we can neither ask it for glyphs nor for metrics. Instead the writer
 * declares the widths in the font's /W array (ASCII half an em, everything else one em) and this
 * module measures with exactly the same rule, so wrapped lines fit whatever font a viewer substitutes.
 * What the font can show is approximated by GBK: the Adobe-GB1 collection (Supplement 2 and later)
 * covers every GBK character, and UniGB-UCS2-H maps them all.
 */

import { TextDecoder } from 'node:util';

/** Advance widths in 1/1000 em, as declared in the font's /W and /DW. */
export const HALF_WIDTH = 500;
export const FULL_WIDTH = 1000;

/** Characters that have no GB1 glyph but an obvious stand-in that has one. */
const STAND_INS: Readonly<Record<string, string>> = {
  '\u00a0': ' ', // no-break space
  '\u2002': ' ',
  '\u2003': '\u3000',
  '\u2009': ' ',
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2013': '-', // en dash (GBK has no en dash in its double-byte area)
  '\u2212': '-',
  '\u2022': '·', // bullet
  '\u2027': '·',
  '\u2713': '√', // check marks
  '\u2714': '√',
  '\u2611': '√',
  '\u2610': '□',
  '\u2715': '×',
  '\u2716': '×',
  '\u2717': '×',
  '\u201a': ',',
  '\u201e': '"',
  '\u2039': '<',
  '\u203a': '>',
  '\u00ab': '《',
  '\u00bb': '》',
};

let gbkSet: ReadonlySet<number> | null = null;

/**
 * The code points of GBK's double-byte area (decoded once with the platform's GBK decoder; user-
 * defined areas decode to the Private Use Area and are left out, they have no glyphs).
 */
function gbk(): ReadonlySet<number> {
  if (gbkSet) return gbkSet;
  const set = new Set<number>();
  let decoder: TextDecoder | null = null;
  try {
    decoder = new TextDecoder('gbk', { fatal: true });
  } catch {
    decoder = null; // a runtime without ICU's legacy encodings: fall back to the ranges below
  }
  if (decoder) {
    const pair = new Uint8Array(2);
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        pair[0] = lead;
        pair[1] = trail;
        let s: string;
        try {
          s = decoder.decode(pair);
        } catch {
          continue;
        }
        const cp = s.length === 1 ? s.codePointAt(0) : undefined;
        if (cp !== undefined && !(cp >= 0xe000 && cp <= 0xf8ff)) set.add(cp);
      }
    }
  } else {
    const add = (from: number, to: number): void => {
      for (let cp = from; cp <= to; cp++) set.add(cp);
    };
    add(0x4e00, 0x9fa5); // CJK unified ideographs (GBK's hanzi)
    add(0x3000, 0x3003); // ideographic space, 、。〃
    add(0x3008, 0x3011); // 〈〉《》「」『』【】
    add(0xff01, 0xff5e); // fullwidth ASCII
    for (const c of Array.from('—…‘’“”·×÷°±≤≥≠∶№□■△▲○●◎◇◆☆★→←↑↓√')) set.add(c.codePointAt(0) ?? 0);
  }
  gbkSet = set;
  return set;
}

/** Printable ASCII: drawn half-width (CIDs 1–95 through UniGB-UCS2-H). */
export function isAscii(cp: number): boolean {
  return cp >= 0x20 && cp <= 0x7e;
}

/** Whether the font can draw this code point. */
export function hasGlyph(ch: string): boolean {
  const cp = ch.codePointAt(0);
  if (cp === undefined || ch.length !== 1) return false; // outside the BMP: UCS-2 cannot say it
  return isAscii(cp) || gbk().has(cp);
}

/**
 * Text the font can draw: tabs become a space, line breaks are kept ('\n'), other control
 * characters go, and characters without a glyph take a stand-in (or '?').
 */
export function sanitize(text: string): string {
  let out = '';
  for (const ch of text.replace(/\r\n?/g, '\n')) {
    if (ch === '\n') out += ch;
    else if (ch === '\t') out += ' ';
    else if (/\p{Cc}|\p{Cf}/u.test(ch)) continue;
    else if (hasGlyph(ch)) out += ch;
    else out += standIn(ch);
  }
  return out;
}

function standIn(ch: string): string {
  const mapped = STAND_INS[ch];
  if (mapped !== undefined) return mapped;
  // Compatibility forms (ligatures, circled letters, …) often decompose into drawable characters.
  const nfkc = ch.normalize('NFKC');
  if (nfkc !== ch && Array.from(nfkc).every(hasGlyph)) return nfkc;
  return '?';
}

/** Advance width of one (sanitized) character, in 1/1000 em. */
export function charWidth(ch: string): number {
  return isAscii(ch.codePointAt(0) ?? 0) ? HALF_WIDTH : FULL_WIDTH;
}

/** Width of sanitized text at a font size, in points. */
export function measure(text: string, size: number): number {
  let units = 0;
  for (const ch of text) units += charWidth(ch);
  return (units * size) / 1000;
}

/** The string operand of Tj: big-endian UCS-2 in a hex string (sanitized text is all BMP). */
export function encodeUcs2Hex(text: string): string {
  let hex = '';
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).padStart(4, '0');
  return `<${hex.toUpperCase()}>`;
}

/** Closing punctuation that should not begin a line (kinsoku shori, simplified). */
const NO_LINE_START = new Set(Array.from('，。、：；！？）》」』】〕〉”’…—·,.;:!?)]}%'));
/** Opening punctuation that should not end a line. */
const NO_LINE_END = new Set(Array.from('（《「『【〔〈“‘([{'));

/**
 * Break a paragraph (no '\n') into tokens: runs of ASCII non-space characters stay together as
 * words, a space is its own (breakable) token, and every other character is a token, since CJK
 * text may break between any two characters.
 */
function tokenize(text: string): string[] {
  const tokens: string[] = [];
  let word = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (isAscii(cp) && ch !== ' ') {
      word += ch;
      continue;
    }
    if (word) tokens.push(word);
    word = '';
    tokens.push(ch);
  }
  if (word) tokens.push(word);
  return tokens;
}

function wrapParagraph(text: string, maxWidth: number, size: number): string[] {
  const lines: string[] = [];
  let line: string[] = [];
  let width = 0;
  const flush = (): void => {
    while (line.length > 0 && line[line.length - 1] === ' ') line.pop();
    lines.push(line.join(''));
    line = [];
    width = 0;
  };
  const queue = tokenize(text);
  for (let i = 0; i < queue.length; i++) {
    const token = queue[i] ?? '';
    const w = measure(token, size);
    if (width + w <= maxWidth + 1e-6) {
      if (token === ' ' && line.length === 0 && lines.length > 0) continue; // no leading space after a break
      line.push(token);
      width += w;
      continue;
    }
    if (token === ' ') {
      flush();
      continue;
    }
    if (w > maxWidth) {
      // A word longer than a whole line (a hash, a URL): break it by characters.
      let rest = token;
      while (rest) {
        let take = 0;
        let tw = 0;
        for (const ch of rest) {
          const cw = measure(ch, size);
          if (width + tw + cw > maxWidth + 1e-6 && (take > 0 || line.length > 0)) break;
          tw += cw;
          take += ch.length;
        }
        if (take === 0) {
          flush();
          continue;
        }
        line.push(rest.slice(0, take));
        width += tw;
        rest = rest.slice(take);
        if (rest) flush();
      }
      continue;
    }
    // Keep closing punctuation with the character before it, and opening punctuation with the one after.
    const kept = line.slice();
    const carried: string[] = [];
    if (NO_LINE_START.has(token) && kept.length > 1 && kept.at(-1) !== ' ') carried.unshift(kept.pop() ?? '');
    while (kept.length > 1 && NO_LINE_END.has(kept[kept.length - 1] ?? '')) carried.unshift(kept.pop() ?? '');
    if (carried.length > 0 && measure(carried.join('') + token, size) <= maxWidth) line = kept;
    else carried.length = 0;
    flush();
    for (const c of carried) {
      line.push(c);
      width += measure(c, size);
    }
    i--; // place the token again, on the new line
  }
  if (line.length > 0 || lines.length === 0) flush();
  return lines;
}

/**
 * Lines of sanitized text that each fit `maxWidth` points at `size`: breaks at '\n', between CJK
 * characters and at spaces; ASCII words are split only when longer than a whole line.
 */
export function wrapText(text: string, maxWidth: number, size: number): string[] {
  return text.split('\n').flatMap((paragraph) => wrapParagraph(paragraph, maxWidth, size));
}
