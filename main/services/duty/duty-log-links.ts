import { apiError, type AttachmentInfo } from '../../../common/contract';
import type { DutyLogLinks } from '../../../common/contract/duty-log';
import type { Db } from '../../db/connection';
import { requireVisibleAttachments, visibleAttachmentIds } from '../attachments/attachment-visibility';
import { cameraRefs } from '../cameras/camera-refs';
import { canSeeCameras } from '../cameras/camera-visibility';
import { orderNotFound, visibleOrderIds } from '../orders/order-visibility';
import type { Viewer } from '../org/viewer';

/**
 * Refuses links to anything the writer may not see, each with the rule of its own list: orders
 * (order-visibility.ts), cameras (camera-visibility.ts), attachments (attachment-visibility.ts).
 * An unknown id and an invisible one get the same E_NOT_FOUND, naming the field and the id, so the
 * answer never tells whether another station's order exists, let alone its code or title.
 */
export function checkLinks(db: Db, links: DutyLogLinks | undefined, viewer: Viewer): void {
  const orderIds = links?.orderIds ?? [];
  const orders = visibleOrderIds(db, orderIds, viewer);
  const hiddenOrder = orderIds.find((id) => !orders.has(id));
  if (hiddenOrder !== undefined) throw orderNotFound(hiddenOrder, 'links.orderIds');

  const cameraIds = links?.cameraIds ?? [];
  if (cameraIds.length > 0) {
    const known = canSeeCameras(viewer) ? new Set(cameraRefs(db, cameraIds).keys()) : new Set<string>();
    const hiddenCamera = cameraIds.find((id) => !known.has(id));
    if (hiddenCamera !== undefined) {
      throw apiError(
        'E_NOT_FOUND',
        `摄像机 ${hiddenCamera.slice(0, 64)} 不存在或无权查看`,
        `Camera ${hiddenCamera.slice(0, 64)} does not exist or is not visible to you`,
        { field: 'links.cameraIds', id: hiddenCamera },
      );
    }
  }

  requireVisibleAttachments(db, links?.attachmentIds ?? [], viewer, 'links.attachmentIds');
}

interface WithRefs {
  orders: { id: number; code: string; title: string }[];
  attachments: AttachmentInfo[];
}

/**
 * The entries as the viewer may see their references: orders and files they may not see (an order
 * since moved to another station, say) are left out of the echo. The stored links stay as written
 * (they are sealed); only the codes, titles and file names are withheld.
 */
export function scopeRefs<E extends WithRefs>(db: Db, entries: E[], viewer: Viewer): E[] {
  const orders = visibleOrderIds(
    db,
    entries.flatMap((e) => e.orders.map((o) => o.id)),
    viewer,
  );
  const files = visibleAttachmentIds(
    db,
    entries.flatMap((e) => e.attachments.map((a) => a.id)),
    viewer,
  );
  return entries.map((e) => ({
    ...e,
    orders: e.orders.filter((o) => orders.has(o.id)),
    attachments: e.attachments.filter((a) => files.has(a.id)),
  }));
}
