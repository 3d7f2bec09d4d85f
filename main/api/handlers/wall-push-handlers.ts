import {
  apiError,
  BIGSCREEN_DWELL_DEFAULT_S,
  canSeeBigScreen,
  type WallPushed,
  type WallPushTarget,
} from '../../../common/contract';
import type { WallServices, WallUser, WallWindowEntry } from '../../services/wall';
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
  const resolve = (
    target: WallPushTarget,
    actor: WallUser,
    window: WallWindowEntry,
  ): { pushed: WallPushed['target']; what: Bilingual } => {
    switch (target.kind) {
      case 'bigscreen':
        return bigScreen(target.dwellSeconds ?? BIGSCREEN_DWELL_DEFAULT_S, actor, window);
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
      const { pushed, what } = resolve(target, actor, window);
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

/**
 * The big screen (大屏) for a wall window: only someone who may see it pushes it, and only to a window
 * whose own user may (the window reads overview.get and dashboard.get with its own session, so it
 * shows that user's scope — a station chief's window their station's).
 */
function bigScreen(
  dwellSeconds: number,
  actor: WallUser,
  window: WallWindowEntry,
): { pushed: WallPushed['target']; what: Bilingual } {
  if (!canSeeBigScreen(actor.roles)) {
    throw apiError('E_FORBIDDEN', '无权推送大屏', 'You may not push the big screen');
  }
  if (!canSeeBigScreen(window.roles)) {
    throw apiError(
      'E_CONFLICT',
      `电视墙窗口“${window.name}”的登录用户（${window.userName}）无权查看大屏`,
      `The user signed in on wall window “${window.name}” (${window.userName}) may not see the big screen`,
      { reason: 'bigscreen_viewer' },
    );
  }
  return {
    pushed: { kind: 'bigscreen', dwellSeconds },
    what: { zh: `大屏（每 ${dwellSeconds} 秒轮换）`, en: `the big screen (panels every ${dwellSeconds} s)` },
  };
}
