/**
 * Search in the camera registry. Orders use an FTS index of character bigrams
 * (common/domain/text/bigrams.ts) because there are millions of them; a town's cameras are hundreds
 * (a district's a few thousand), so the registry is matched in memory instead. A plain substring
 * test finds exactly what a bigram phrase finds for a Chinese term of two or more characters, and
 * also a single character (村), part of an id (0012) or the tail of a GB code — which is how
 * operators look for a camera — and it follows renamed workstations without reindexing.
 */

function fold(text: string): string {
  // NFKC turns full-width letters and digits (Ｃａｍ１) into their ASCII forms.
  return text.normalize('NFKC').toLowerCase();
}

/** A predicate requiring every whitespace-separated term of the query; null for an empty query. */
export function textMatcher(query: string): ((text: string) => boolean) | null {
  const terms = fold(query)
    .split(/\s+/)
    .filter((t) => t.length > 0);
  if (terms.length === 0) return null;
  return (text) => {
    const folded = fold(text);
    return terms.every((t) => folded.includes(t));
  };
}
