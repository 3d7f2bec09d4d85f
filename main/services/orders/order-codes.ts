import type { Db } from '../../db/connection';
import { formatShanghai } from '../../../common/domain/time';

/** `HQ20261126-0001`: unique, sequential per day (Asia/Shanghai). Call inside the creating transaction. */
export function nextOrderCode(db: Db, at: number): string {
  const day = formatShanghai(at).slice(0, 10).replaceAll('-', '');
  const row = db
    .prepare(
      `INSERT INTO order_code_seq (day, last) VALUES (?, 1)
       ON CONFLICT (day) DO UPDATE SET last = last + 1 RETURNING last`,
    )
    .get(day) as { last: number };
  return `HQ${day}-${String(row.last).padStart(4, '0')}`;
}
