import { apiError, type ApiError } from './errors';

/**
 * Odd text at the contract (docs/architecture.md#security-posture): C0/C1 control characters other than
 * tab and line breaks, and lone UTF-16 surrogates, never reach a service. SQLite's `length()`
 * and LIKE stop at U+0000, exports and PDFs garble the rest, and none of them is typed by a person.
 * CR is allowed with LF: pasted CSV and text from Windows carries CRLF.
 */
/* eslint-disable no-control-regex -- matching control characters is the point */
const ODD_TEXT =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/u;
/* eslint-enable no-control-regex */

export interface OddTextHit {
  /** Dotted path of the string inside the input ("" for the input itself). */
  path: string;
  /** The offending character as U+XXXX. */
  char: string;
}

/** The first string (value or object key) holding odd text, depth-first; null when clean. */
export function findOddText(value: unknown, path: readonly (string | number)[] = [], depth = 0): OddTextHit | null {
  if (depth > 64) return null; // deeper than any schema: the schema refuses it anyway
  const hit = (text: string, at: readonly (string | number)[]): OddTextHit | null => {
    const m = ODD_TEXT.exec(text);
    if (!m) return null;
    const code = m[0].codePointAt(0) ?? 0;
    return { path: at.join('.'), char: `U+${code.toString(16).toUpperCase().padStart(4, '0')}` };
  };
  if (typeof value === 'string') return hit(value, path);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findOddText(value[i], [...path, i], depth + 1);
      if (found) return found;
    }
    return null;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      const found = hit(key, [...path, key]) ?? findOddText(inner, [...path, key], depth + 1);
      if (found) return found;
    }
  }
  return null;
}

/** E_INVALID naming the field, in both shapes the renderer reads (issues and bilingual errors). */
export function oddTextError(found: OddTextHit): ApiError {
  const field = found.path || '(input)';
  const zh = `${field}：含有不可见的控制字符（${found.char}），请删除后重试`;
  const en = `${field}: contains an invisible control character (${found.char}); remove it and try again`;
  return apiError('E_INVALID', zh, en, {
    issues: [{ path: found.path, message: en }],
    errors: [{ field: found.path, zh, en }],
  });
}
