/**
 * Chinese full-text search without a segmenter: text is indexed as overlapping character bigrams
 * (井盖破损 → 井盖 盖破 破损), and a query term becomes the phrase of its bigrams, so any term of two
 * or more characters matches exactly the texts that contain it. Latin words and numbers stay whole
 * tokens (lower-cased). Used by SQLite FTS5 with the unicode61 tokenizer.
 */

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const WORD = /[\p{L}\p{N}]/u;

/** Splits text into runs: CJK runs and latin/number words; everything else separates. */
function runs(text: string): { cjk: boolean; text: string }[] {
  const out: { cjk: boolean; text: string }[] = [];
  // A separator ends the current run even when the next character is of the same kind.
  let separated = true;
  for (const ch of text.normalize('NFKC')) {
    const cjk = CJK.test(ch);
    if (!cjk && !WORD.test(ch)) {
      separated = true;
      continue;
    }
    const last = out.at(-1);
    if (separated || !last || last.cjk !== cjk) out.push({ cjk, text: cjk ? ch : ch.toLowerCase() });
    else last.text += cjk ? ch : ch.toLowerCase();
    separated = false;
  }
  return out;
}

function bigramsOf(run: string): string[] {
  // Code points, not UTF-16 units: every Han character is one.
  const chars = Array.from(run);
  if (chars.length === 1) return chars;
  const grams: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) grams.push(`${chars[i] ?? ''}${chars[i + 1] ?? ''}`);
  return grams;
}

/** The indexed form of a document. */
export function toGrams(text: string): string {
  return runs(text)
    .flatMap((r) => (r.cjk ? bigramsOf(r.text) : [r.text]))
    .join(' ');
}

/**
 * An FTS5 MATCH expression requiring every term (split on white space) as a phrase, or null when
 * no term is searchable (a lone CJK character matches too much to be useful and is ignored).
 */
export function toMatchQuery(query: string): string | null {
  const phrases = query
    .split(/\s+/)
    .flatMap((term) => runs(term))
    .filter((r) => !r.cjk || Array.from(r.text).length >= 2)
    .map((r) => (r.cjk ? bigramsOf(r.text) : [r.text]))
    .map((grams) => `"${grams.join(' ').replaceAll('"', '')}"`);
  return phrases.length > 0 ? phrases.join(' AND ') : null;
}
