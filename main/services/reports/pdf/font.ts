/**
 * The one font of printed reports: Noto Sans SC Regular (SIL Open Font License 1.1), shipped with
 * the console in the npm package @expo-google-fonts/noto-sans-sc and embedded as a subset of the
 * glyphs a report uses, so a report looks the same on every PC, with or without Chinese fonts.
 *
 * The font file is found through Node's module resolution: from the sources (tests), from the
 * esbuild bundles (out/node, out/electron) and from a packaged app, whose asar keeps this one file
 * of the package (electron-builder.yml).
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as fontkit from 'fontkit';

/** The package's Regular weight; the other weights of the package are not shipped. */
export const FONT_MODULE_PATH = '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf';

let bytes: Buffer | null = null;
let parsed: fontkit.Font | null = null;
const advances = new Map<number, number>();
let sharing: Map<number, number> | null = null;

/** Bundles have `require` (CommonJS, or the ESM bundle's banner); the sources resolve from the working folder. */
function resolver(): NodeJS.Require {
  return typeof require === 'function' ? require : createRequire(path.join(process.cwd(), 'package.json'));
}

/** The font file's bytes, read once. */
export function fontBytes(): Buffer {
  bytes ??= fs.readFileSync(resolver().resolve(FONT_MODULE_PATH));
  return bytes;
}

function font(): fontkit.Font {
  if (!parsed) {
    const f = fontkit.create(fontBytes());
    if (!('glyphForCodePoint' in f)) throw new Error('report font is a collection, not a single font');
    parsed = f;
  }
  return parsed;
}

/** Whether the font has a glyph for this character (one code point). */
export function hasGlyph(ch: string): boolean {
  const cp = ch.codePointAt(0);
  if (cp === undefined || String.fromCodePoint(cp) !== ch) return false;
  return font().hasGlyphForCodePoint(cp);
}

/**
 * Unified ideographs (the basic block and the extensions). Compatibility ideographs and radicals
 * are left out: they are meant to look like the unified ideograph whose glyph they share.
 */
function isUnifiedIdeograph(cp: number): boolean {
  return (cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0x4e00 && cp <= 0x9fff) || cp >= 0x20000;
}

/**
 * Whether the glyph of this character reads back as this character. A few distinct ideographs
 * share one glyph in the font (㮣 and 槩); the text layer names a glyph by one character, so these
 * are drawn with /ActualText (./writer) to keep what was written.
 */
export function readsBack(ch: string): boolean {
  const cp = ch.codePointAt(0) ?? 0;
  if (!isUnifiedIdeograph(cp)) return true;
  const f = font();
  if (!sharing) {
    // How many unified ideographs map to each glyph, from the font's character map (once).
    const counts = new Map<number, number>();
    for (const c of f.characterSet) {
      if (!isUnifiedIdeograph(c)) continue;
      const id = f.glyphForCodePoint(c).id;
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    sharing = counts;
  }
  return (sharing.get(f.glyphForCodePoint(cp).id) ?? 0) <= 1;
}

/** Advance width of one code point, in 1/1000 em (0 for a character the font lacks). */
export function advance(cp: number): number {
  let w = advances.get(cp);
  if (w === undefined) {
    const f = font();
    w = f.hasGlyphForCodePoint(cp) ? (f.glyphForCodePoint(cp).advanceWidth * 1000) / f.unitsPerEm : 0;
    advances.set(cp, w);
  }
  return w;
}

/**
 * The ideographic em box's top and bottom (OS/2 typographic ascender and descender), in 1/1000 em:
 * lines are centred on it, as CJK typesetting does.
 */
export function fontBox(): { ascent: number; descent: number } {
  const f = font();
  const os2 = f['OS/2'] as { typoAscender?: number; typoDescender?: number } | undefined;
  const scale = 1000 / f.unitsPerEm;
  return { ascent: (os2?.typoAscender ?? f.ascent) * scale, descent: (os2?.typoDescender ?? f.descent) * scale };
}
