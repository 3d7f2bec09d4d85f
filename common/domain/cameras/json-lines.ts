/**
 * Line numbers for a JSON camera file, so its report points at lines like a CSV report does. The
 * text has already parsed; this walks it once and notes the line where each element of the camera
 * array starts (the top-level array, or the `cameras` array of a top-level object).
 */
export function jsonElementLines(text: string): number[] {
  const lines: number[] = [];
  const stack: string[] = [];
  let line = 1;
  // Stack depth inside the camera array once found; 'done' after it closes.
  let cameraDepth: number | 'none' | 'done' = 'none';
  let awaiting = false;
  let lastRootKey: string | null = null;
  let i = 0;
  while (i < text.length) {
    const ch = text[i] ?? '';
    if (ch === '\n') line += 1;
    if (/\s/.test(ch)) {
      i += 1;
      continue;
    }
    if (awaiting && ch !== ']') {
      lines.push(line);
      awaiting = false;
    }
    if (ch === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      const value = text.slice(i + 1, j);
      // A string directly in the root object followed by ':' is a key.
      if (stack.length === 1 && stack[0] === '{' && /^\s*:/.test(text.slice(j + 1, j + 20))) lastRootKey = value;
      i = j + 1;
      continue;
    }
    if (ch === '[' || ch === '{') {
      const isCameraArray =
        ch === '[' &&
        cameraDepth === 'none' &&
        (stack.length === 0 || (stack.length === 1 && lastRootKey === 'cameras'));
      stack.push(ch);
      if (isCameraArray) {
        cameraDepth = stack.length;
        awaiting = true;
      }
    } else if (ch === ']' || ch === '}') {
      if (stack.length === cameraDepth) cameraDepth = 'done';
      stack.pop();
    } else if (ch === ',' && stack.length === cameraDepth) {
      awaiting = true;
    }
    i += 1;
  }
  return lines;
}

class SyntaxAt extends Error {
  constructor(readonly offset: number) {
    super(`JSON syntax error at ${offset}`);
  }
}

const LITERAL = /^(?:-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/;

/**
 * Where JSON text first breaks the grammar. JSON.parse's message names the spot in some V8 versions
 * and not in others, so the report finds it itself (only ever run on text JSON.parse refused).
 */
function jsonErrorOffset(text: string): number {
  let i = 0;
  const fail = (): never => {
    throw new SyntaxAt(i);
  };
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text.charAt(i))) i += 1;
  };
  const string = () => {
    i += 1;
    while (i < text.length && text[i] !== '"') {
      if (text.charCodeAt(i) < 0x20) fail();
      i += text[i] === '\\' ? 2 : 1;
    }
    if (i >= text.length) fail();
    i += 1;
  };
  const sequence = (close: string, item: () => void) => {
    i += 1;
    ws();
    if (text[i] === close) {
      i += 1;
      return;
    }
    for (;;) {
      item();
      ws();
      if (text[i] === close) {
        i += 1;
        return;
      }
      if (text[i] !== ',') fail();
      i += 1;
    }
  };
  const value = (): void => {
    ws();
    const ch = text[i];
    if (ch === '{') {
      sequence('}', () => {
        ws();
        if (text[i] !== '"') fail();
        string();
        ws();
        if (text[i] !== ':') fail();
        i += 1;
        value();
      });
    } else if (ch === '[') sequence(']', value);
    else if (ch === '"') string();
    else {
      const m = LITERAL.exec(text.slice(i, i + 400));
      if (!m) fail();
      i += m?.[0].length ?? 0;
    }
  };
  try {
    value();
    ws();
    if (i < text.length) fail();
  } catch (err) {
    // Anything else (absurd nesting overflowing the stack) falls back to the first line.
    return err instanceof SyntaxAt ? err.offset : 0;
  }
  return 0;
}

/** The 1-based line where JSON text that JSON.parse refused goes wrong. */
export function jsonErrorLine(text: string): number {
  return text.slice(0, jsonErrorOffset(text)).split('\n').length;
}
