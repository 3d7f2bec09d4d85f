import { apiError } from '../../../common/contract';
import { isPinList } from './order-pin';
import type { OrderSort } from './order-segments';

/** Where a page of the order list ends: carried to the client and back, checked on return. */
export interface Cursor {
  /** the sort the cursor belongs to */
  o: OrderSort;
  /** 1 when the full-text index drives the scan (decided on the first page, kept while paging) */
  f: 0 | 1;
  /** segment index */
  s: number;
  /** key values of the last row shown; null = from the segment's start */
  k: number[] | null;
  /** the total counted for the first page */
  t: number;
  /** the incidents pinned on the first page, kept while paging (absent: none) */
  p?: number[];
}

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify(c)).toString('base64url');
}

export function badCursor(): Error {
  return apiError('E_INVALID', '分页游标无效，请重新查询', 'Invalid page cursor; run the search again');
}

export function decodeCursor(text: string, sort: OrderSort): Cursor {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw badCursor();
  }
  if (typeof value !== 'object' || value === null) throw badCursor();
  const c = value as Partial<Record<keyof Cursor, unknown>>;
  const ok =
    c.o === sort &&
    (c.f === 0 || c.f === 1) &&
    typeof c.s === 'number' &&
    Number.isInteger(c.s) &&
    (c.k === null || (Array.isArray(c.k) && c.k.every((x) => Number.isSafeInteger(x)))) &&
    typeof c.t === 'number' &&
    Number.isSafeInteger(c.t) &&
    c.t >= 0 &&
    (c.p === undefined || isPinList(c.p));
  if (!ok) throw badCursor();
  return value as Cursor;
}
