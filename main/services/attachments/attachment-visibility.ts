import { apiError } from '../../../common/contract';
import type { Db } from '../../db/connection';
import { dutyLinkedAttachmentIds } from '../duty/duty-refs';
import { incidentReportAttachmentIds } from '../incidents/visibility';
import { orderLinkedAttachmentIds } from '../orders/order-visibility';
import { idsParam, type Viewer } from '../org/viewer';

/**
 * The ids among `ids` of attachments the viewer may see: the ones they uploaded, the ones on an
 * order they may see (orders/order-visibility.ts), the ones linked from a duty log entry of a unit
 * whose log they may see (duty/duty-refs.ts), and the ones recorded with an incident report of an
 * incident they may see (incidents/visibility.ts).
 * Built from the order and duty rules themselves, so an attachment is never more visible than the
 * records it hangs on.
 */
export function visibleAttachmentIds(db: Db, ids: readonly number[], viewer: Viewer): Set<number> {
  if (ids.length === 0) return new Set();
  // Each domain says which hang on a record of its own that the viewer may see.
  const linked = [
    ...orderLinkedAttachmentIds(db, ids, viewer),
    ...dutyLinkedAttachmentIds(db, ids, viewer),
    ...incidentReportAttachmentIds(db, ids, viewer),
  ];
  const rows = db
    .prepare(
      `SELECT a.id FROM attachments a
       WHERE a.id IN (SELECT value FROM json_each(?))
         AND (a.created_by = ? OR a.id IN (SELECT value FROM json_each(?)))`,
    )
    .all(idsParam(ids), viewer.userId ?? -1, idsParam(linked)) as { id: number }[];
  return new Set(rows.map((r) => r.id));
}

/** The answer for an attachment that does not exist or is not visible: the same, so existence does not leak. */
export function attachmentNotFound(id: number, field?: string) {
  return apiError(
    'E_NOT_FOUND',
    `附件 ${id} 不存在或无权查看`,
    `Attachment ${id} does not exist or is not visible to you`,
    field === undefined ? { id } : { field, id },
  );
}

/** Refuses to link any attachment the viewer may not see (E_NOT_FOUND naming the first, with `field`). */
export function requireVisibleAttachments(db: Db, ids: readonly number[], viewer: Viewer, field: string): void {
  const visible = visibleAttachmentIds(db, ids, viewer);
  const hidden = ids.find((id) => !visible.has(id));
  if (hidden !== undefined) throw attachmentNotFound(hidden, field);
}
