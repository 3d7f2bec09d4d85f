import { apiError, type WallPushed, type WallPushTarget } from '../../../common/contract';
import type { WallServices, WallUser } from '../../services/wall';
import { wallPushWords, type Bilingual } from '../../services/audit/notes-ops';
import type { Handler } from '../handler-types';
import { wallActorOf } from './wall-actor';

/** wall.push: a camera, view or tour sent to one wall window the caller may push to. */
export function wallPushHandlers({
  views,
  tours,
  windows,
  cameras,
  clock,
}: Pick<WallServices, 'views' | 'tours' | 'windows' | 'cameras' | 'clock'>): { 'wall.push': Handler<'wall.push'> } {
  /** The push target with its content, checked against what the caller may see. */
  const resolve = (target: WallPushTarget, actor: WallUser): { pushed: WallPushed['target']; what: Bilingual } => {
    switch (target.kind) {
      case 'camera': {
        const row = cameras.repo.byId(target.cameraId);
        if (!row) {
          throw apiError('E_NOT_FOUND', `摄像机 ${target.cameraId} 不存在`, `No camera ${target.cameraId}`);
        }
        if (!row.enabled) throw apiError('E_CONFLICT', `摄像机 ${row.id} 已停用`, `Camera ${row.id} is disabled`);
        const slot = target.slot === undefined ? {} : { slot: target.slot };
        const where =
          target.slot === undefined
            ? { zh: '', en: '' }
            : { zh: `（第 ${target.slot + 1} 格）`, en: ` (tile ${target.slot + 1})` };
        return {
          pushed: { kind: 'camera', cameraId: row.id, ...slot },
          what: { zh: `摄像机 ${row.id} ${row.name}${where.zh}`, en: `camera ${row.id} ${row.name}${where.en}` },
        };
      }
      case 'view': {
        const { name, layout, slots } = views.get(target.viewId, actor);
        return {
          pushed: { kind: 'view', viewId: target.viewId, view: { name, layout, slots } },
          what: { zh: `画面 #${target.viewId}“${name}”`, en: `view #${target.viewId} “${name}”` },
        };
      }
      case 'tour': {
        const { name, mode, layout, cameras: ids, dwellSeconds } = tours.get(target.tourId, actor);
        const slot = target.slot === undefined ? {} : { slot: target.slot };
        return {
          pushed: {
            kind: 'tour',
            tourId: target.tourId,
            tour: { name, mode, layout, cameras: ids, dwellSeconds },
            ...slot,
          },
          what: { zh: `轮巡 #${target.tourId}“${name}”`, en: `tour #${target.tourId} “${name}”` },
        };
      }
    }
  };

  return {
    'wall.push': (ctx, { windowId, target }) => {
      const actor = wallActorOf(ctx);
      const window = windows.target(windowId, actor);
      const { pushed, what } = resolve(target, actor);
      const payload: WallPushed = {
        windowId: window.windowId,
        target: pushed,
        by: { userId: actor.id, userName: actor.displayName },
        at: clock(),
      };
      ctx.audit.target = `wall-window:${window.windowId}`;
      Object.assign(ctx.audit, wallPushWords(what, window));
      // Only that window's connection, and only while the same user is signed in on it.
      ctx.publish('wall.pushed', payload, { connectionIds: [window.connId], userIds: [window.userId] });
      return payload;
    },
  };
}
