/**
 * Text for the report font: what is drawn, how wide it is, and line wrapping. Widths come from the
 * embedded font's own advance widths, and the writer draws without kerning or ligatures, so a line
 * is exactly as wide on paper as it was measured here.
 */
import { advance, hasGlyph } from './font';

/**
 * What a character the font lacks (an emoji, a rare character of CJK Extension B) is drawn as: a
 * white square, with the character itself kept in the text layer (./writer marks it /ActualText).
 */
export const MISSING_GLYPH = '\u25a1';

/**
 * Text ready to draw: tabs become a space, line breaks are kept ('\n'), other control and format
 * characters go. Every other character is kept as it is.
 */
export function sanitize(text: string): string {
  let out = '';
  for (const ch of text.replace(/\r\n?/g, '\n')) {
    if (ch === '\n') out += ch;
    else if (ch === '\t') out += ' ';
    else if (/\p{Cc}|\p{Cf}/u.test(ch)) continue;
    else out += ch;
  }
  return out;
}

/** Advance width of one character, in 1/1000 em (a character the font lacks is as wide as its stand-in). */
export function charWidth(ch: string): number {
  const cp = ch.codePointAt(0) ?? 0;
  return hasGlyph(ch) ? advance(cp) : advance(MISSING_GLYPH.codePointAt(0) ?? 0);
}

/** Width of sanitized text at a font size, in points. */
export function measure(text: string, size: number): number {
  let units = 0;
  for (const ch of text) units += charWidth(ch);
  return (units * size) / 1000;
}

/** Printable ASCII: letters and digits of one word stay together when wrapping. */
function isAscii(cp: number): boolean {
  return cp >= 0x20 && cp <= 0x7e;
}

/** Closing punctuation that should not begin a line (kinsoku shori, simplified). */
const NO_LINE_START = new Set(Array.from('，。、：；！？）》」』】〕〉”’…—·,.;:!?)]}%'));
/** Opening punctuation that should not end a line. */
const NO_LINE_END = new Set(Array.from('（《「『【〔〈“‘([{'));

/**
 * Break a paragraph (no '\n') into tokens: runs of ASCII non-space characters stay together as
 * words (order codes, times, hashes), a space is its own (breakable) token, and every other
 * character is a token, since CJK text may break between any two characters.
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

/** One line being filled. */
class LineBuilder {
  readonly lines: string[] = [];
  parts: string[] = [];
  width = 0;

  constructor(
    readonly maxWidth: number,
    readonly size: number,
  ) {}

  fits(w: number): boolean {
    return this.width + w <= this.maxWidth + 1e-6;
  }

  push(token: string, w = measure(token, this.size)): void {
    this.parts.push(token);
    this.width += w;
  }

  flush(): void {
    while (this.parts.length > 0 && this.parts[this.parts.length - 1] === ' ') this.parts.pop();
    this.lines.push(this.parts.join(''));
    this.parts = [];
    this.width = 0;
  }
}

/** A word longer than a whole line (a hash, a URL): broken by characters. */
function breakWord(b: LineBuilder, token: string): void {
  let rest = token;
  while (rest) {
    let take = 0;
    let tw = 0;
    for (const ch of rest) {
      const cw = measure(ch, b.size);
      if (!b.fits(tw + cw) && (take > 0 || b.parts.length > 0)) break;
      tw += cw;
      take += ch.length;
    }
    if (take === 0) {
      b.flush();
      continue;
    }
    b.push(rest.slice(0, take), tw);
    rest = rest.slice(take);
    if (rest) b.flush();
  }
}

/** Keep closing punctuation with the character before it, and opening punctuation with the one after. */
function breakBefore(b: LineBuilder, token: string): void {
  const kept = b.parts.slice();
  const carried: string[] = [];
  if (NO_LINE_START.has(token) && kept.length > 1 && kept.at(-1) !== ' ') carried.unshift(kept.pop() ?? '');
  while (kept.length > 1 && NO_LINE_END.has(kept[kept.length - 1] ?? '')) carried.unshift(kept.pop() ?? '');
  if (carried.length > 0 && measure(carried.join('') + token, b.size) <= b.maxWidth) b.parts = kept;
  else carried.length = 0;
  b.flush();
  for (const c of carried) b.push(c);
}

function wrapParagraph(text: string, maxWidth: number, size: number): string[] {
  const b = new LineBuilder(maxWidth, size);
  const queue = tokenize(text);
  for (let i = 0; i < queue.length; i++) {
    const token = queue[i] ?? '';
    const w = measure(token, size);
    if (b.fits(w)) {
      if (token === ' ' && b.parts.length === 0 && b.lines.length > 0) continue; // no leading space after a break
      b.push(token, w);
    } else if (token === ' ') {
      b.flush();
    } else if (w > maxWidth) {
      breakWord(b, token);
    } else {
      breakBefore(b, token);
      i--; // place the token again, on the new line
    }
  }
  if (b.parts.length > 0 || b.lines.length === 0) b.flush();
  return b.lines;
}

/**
 * Lines of sanitized text that each fit `maxWidth` points at `size`: breaks at '\n', between CJK
 * characters and at spaces; ASCII words (order codes, times) are split only when longer than a
 * whole line.
 */
export function wrapText(text: string, maxWidth: number, size: number): string[] {
  return text.split('\n').flatMap((paragraph) => wrapParagraph(paragraph, maxWidth, size));
}
