import type { CameraInput } from './camera-row';
import { CAMERA_COLUMNS, columnOf, parseEnabled, REQUIRED_COLUMNS, splitTags, type CameraColumnKey } from './columns';
import { parseCsv, stripBom, undefuseFormula } from '../../formats/csv';
import { fieldError, type CameraFieldError } from './errors';
import { jsonElementLines, jsonErrorLine } from './json-lines';
import { safeEcho } from './stream-url';

export type ImportFormat = 'csv' | 'json';

export const MAX_IMPORT_ROWS = 5000;

/** One camera row of a file, read but not yet checked against the registry. */
export interface ImportRow {
  line: number;
  /** Columns the row states; an absent one keeps the existing camera's value on update. */
  present: ReadonlySet<CameraColumnKey>;
  input: CameraInput;
  /** Problems found while reading the cells (unreadable 启用, wrong JSON types …). */
  errors: CameraFieldError[];
  /** The row could not be read at all (broken quoting, not an object): its cells mean nothing. */
  unreadable: boolean;
}

export interface ImportFile {
  rows: ImportRow[];
  /** Problems of the file as a whole (bad header, unparseable JSON): then nothing is imported. */
  fileErrors: { line: number; errors: CameraFieldError[] }[];
}

type Cells = Partial<Record<CameraColumnKey, string | readonly string[] | boolean | null>>;

function fileFailure(line: number, code: CameraFieldError['code'], zh: string, en: string): ImportFile {
  return { rows: [], fileErrors: [{ line, errors: [fieldError('file', code, zh, en)] }] };
}

function tooMany(count: number): ImportFile {
  return fileFailure(
    1,
    'too_many_rows',
    `一次最多导入 ${MAX_IMPORT_ROWS} 行（文件有 ${count} 行）`,
    `At most ${MAX_IMPORT_ROWS} rows per import (the file has ${count})`,
  );
}

const text = (v: Cells[CameraColumnKey]): string => (typeof v === 'string' ? v : '');

/** Turns read cells into a camera input; cells of the wrong kind become errors of the row. */
function toRow(line: number, cells: Cells, errors: CameraFieldError[], unreadable = false): ImportRow {
  const present = new Set(Object.keys(cells) as CameraColumnKey[]);
  const tags = cells.tags;
  // A stated but blank (or null) 启用 means enabled, as for a new camera.
  let enabled: boolean | undefined = cells.enabled === null ? true : undefined;
  if (typeof cells.enabled === 'boolean') enabled = cells.enabled;
  else if (typeof cells.enabled === 'string') {
    enabled = parseEnabled(cells.enabled);
    if (enabled === undefined) {
      errors.push(
        fieldError(
          'enabled',
          'invalid_enabled',
          `启用应为 是/否（现为“${safeEcho(cells.enabled)}”）`,
          `enabled must be yes/no (got “${safeEcho(cells.enabled)}”)`,
        ),
      );
    }
  }
  const input: CameraInput = {
    id: text(cells.id),
    name: text(cells.name),
    code: text(cells.code),
    workstation: text(cells.workstation),
    mainUrl: text(cells.mainUrl),
    subUrl: text(cells.subUrl),
    protocol: text(cells.protocol),
    tags: Array.isArray(tags) ? tags : splitTags(text(tags)),
    enabled,
  };
  return { line, present, input, errors, unreadable };
}

function readCsv(body: string): ImportFile {
  const records = parseCsv(body);
  const [header, ...rest] = records;
  if (!header) return fileFailure(1, 'parse_error', '文件为空', 'The file is empty');
  if (header.error)
    return fileFailure(header.line, 'parse_error', `表头：${header.error.zh}`, `Header: ${header.error.en}`);
  const keys: (CameraColumnKey | undefined)[] = header.fields.map((h) => columnOf(h));
  const problems: CameraFieldError[] = [];
  header.fields.forEach((h, i) => {
    if (h.trim() === '' && rest.every((r) => (r.fields[i] ?? '').trim() === '')) return;
    if (!keys[i])
      problems.push(
        fieldError('file', 'unknown_column', `未知的列“${safeEcho(h)}”`, `Unknown column “${safeEcho(h)}”`),
      );
    else if (keys.indexOf(keys[i]) !== i) {
      problems.push(fieldError('file', 'duplicate_column', `列“${h}”重复`, `Column “${h}” appears twice`));
    }
  });
  for (const key of REQUIRED_COLUMNS) {
    if (!keys.includes(key)) {
      const c = CAMERA_COLUMNS[key];
      problems.push(fieldError('file', 'missing_column', `缺少“${c.zh}”列`, `Missing column “${c.en}”`));
    }
  }
  if (problems.length > 0) return { rows: [], fileErrors: [{ line: header.line, errors: problems }] };
  const data = rest.filter((r) => r.fields.some((f) => f.trim() !== ''));
  if (data.length > MAX_IMPORT_ROWS) return tooMany(data.length);
  const rows = data.map((record) => {
    if (record.error) {
      return toRow(record.line, {}, [fieldError('file', 'parse_error', record.error.zh, record.error.en)], true);
    }
    const cells: Cells = {};
    const errors: CameraFieldError[] = [];
    record.fields.forEach((value, i) => {
      const key = keys[i];
      if (key) cells[key] = undefuseFormula(value);
      else if (value.trim() !== '') {
        errors.push(fieldError('file', 'parse_error', `第 ${i + 1} 列超出表头`, `Field ${i + 1} is beyond the header`));
      }
    });
    // A short record still states every column of the header: its missing cells are blank.
    for (const key of keys) if (key && !(key in cells)) cells[key] = '';
    return toRow(record.line, cells, errors);
  });
  return { rows, fileErrors: [] };
}

function jsonCell(key: CameraColumnKey, value: unknown, errors: CameraFieldError[]): Cells[CameraColumnKey] {
  if (value === null || value === undefined) return null;
  if (key === 'enabled' && (typeof value === 'boolean' || typeof value === 'string')) return value;
  if (key === 'tags' && Array.isArray(value) && value.every((t) => typeof t === 'string')) return value;
  if (typeof value === 'string') return value;
  const c = CAMERA_COLUMNS[key];
  // A 20-digit code as a JSON number has already lost digits: refuse rather than store a wrong code.
  errors.push(
    fieldError(
      key,
      'invalid_type',
      `“${c.zh}”应为${key === 'tags' ? '字符串数组' : '字符串'}`,
      `“${c.en}” must be a ${key === 'tags' ? 'list of strings' : 'string'}`,
    ),
  );
  return null;
}

function readJson(body: string): ImportFile {
  let doc: unknown;
  try {
    doc = JSON.parse(body);
  } catch {
    // Not V8's message: it quotes the text around the error, which may be a password.
    const line = jsonErrorLine(body);
    return fileFailure(line, 'parse_error', `JSON 格式错误（第 ${line} 行）`, `Invalid JSON (line ${line})`);
  }
  const list: unknown = Array.isArray(doc)
    ? doc
    : typeof doc === 'object' && doc !== null
      ? (doc as { cameras?: unknown }).cameras
      : undefined;
  if (!Array.isArray(list)) {
    return fileFailure(
      1,
      'parse_error',
      'JSON 应为摄像机数组，或含 cameras 数组的对象',
      'JSON must be an array of cameras, or an object with a cameras array',
    );
  }
  if (list.length > MAX_IMPORT_ROWS) return tooMany(list.length);
  const lines = jsonElementLines(body);
  const rows = list.map((item: unknown, i) => {
    const line = lines[i] ?? 1;
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      const error = fieldError('file', 'invalid_type', '每个摄像机应为一个对象', 'Each camera must be an object');
      return toRow(line, {}, [error], true);
    }
    const cells: Cells = {};
    const errors: CameraFieldError[] = [];
    for (const [name, value] of Object.entries(item)) {
      const key = columnOf(name);
      if (!key)
        errors.push(
          fieldError('file', 'unknown_column', `未知的字段“${safeEcho(name)}”`, `Unknown field “${safeEcho(name)}”`),
        );
      else cells[key] = jsonCell(key, value, errors);
    }
    for (const key of REQUIRED_COLUMNS) if (!(key in cells)) cells[key] = '';
    return toRow(line, cells, errors);
  });
  return { rows, fileErrors: [] };
}

/** Reads a camera file: CSV (Chinese or English header, BOM or not) or JSON (as exported). */
export function readImportFile(format: ImportFormat, raw: string): ImportFile {
  const body = stripBom(raw);
  if (body.trim() === '') return fileFailure(1, 'parse_error', '文件为空', 'The file is empty');
  return format === 'csv' ? readCsv(body) : readJson(body);
}

/** Later rows that repeat an id (case-insensitive) or a code of an earlier row of the same file. */
export function duplicatesInFile(rows: readonly { line: number; id: string | null; code: string | null }[]) {
  const firstId = new Map<string, number>();
  const firstCode = new Map<string, number>();
  const found = new Map<number, CameraFieldError[]>();
  const add = (line: number, error: CameraFieldError) => found.set(line, [...(found.get(line) ?? []), error]);
  for (const row of rows) {
    const id = row.id?.toLowerCase();
    const idSeen = id === undefined ? undefined : firstId.get(id);
    if (idSeen !== undefined) {
      add(row.line, fieldError('id', 'duplicate_in_file', `编号与第 ${idSeen} 行重复`, `Same id as line ${idSeen}`));
    } else if (id !== undefined) firstId.set(id, row.line);
    const codeSeen = row.code === null ? undefined : firstCode.get(row.code);
    if (codeSeen !== undefined) {
      add(
        row.line,
        fieldError('code', 'duplicate_in_file', `编码与第 ${codeSeen} 行重复`, `Same code as line ${codeSeen}`),
      );
    } else if (row.code !== null) firstCode.set(row.code, row.line);
  }
  return found;
}
