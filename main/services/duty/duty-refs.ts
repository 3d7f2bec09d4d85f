import type { Db } from '../../db/connection';
import { idsWhere } from '../../db/statements';
import { unitScopeSql, type DutyScope } from './duty-visibility';

/**
 * The ids among `ids` that a duty log entry links (links.attachmentIds) in a unit whose log the
 * viewer may see (duty-visibility.ts): what makes an attachment visible through the duty log.
 */
export function dutyLinkedAttachmentIds(db: Db, ids: readonly number[], scope: DutyScope): Set<number> {
  const unit = unitScopeSql(scope, 's.org_unit_id');
  // CAST gives the id integer affinity, so a link is compared as with the attachments.id column.
  return idsWhere(
    db,
    ids,
    `EXISTS (SELECT 1 FROM duty_log_entries e JOIN duty_shifts s ON s.id = e.shift_id,
                    json_each(e.links, '$.attachmentIds') j
             WHERE e.links IS NOT NULL AND instr(e.links, '"attachmentIds"') > 0
               AND j.value = CAST(x.value AS INTEGER) ${unit ? `AND ${unit.sql}` : ''})`,
    unit?.params,
  );
}

/** How another domain names a shift (the audit log's words for a duty log entry). */
export interface ShiftRef {
  orgUnitId: string;
  date: string;
  code: string;
}

export function dutyShiftRef(db: Db, shiftId: number): ShiftRef | undefined {
  return db.prepare('SELECT org_unit_id AS orgUnitId, date, code FROM duty_shifts WHERE id = ?').get(shiftId) as
    ShiftRef | undefined;
}
