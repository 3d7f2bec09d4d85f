import {
  apiError,
  WALL_USERS,
  type Audience,
  type WallPushed,
  type WallPushTarget,
  type WallWindow,
  type wallMethods,
} from '../../../common/contract';
import { WALL_LAYOUT_TILES, WALL_WINDOW_SUPERVISORS, type WallScope } from '../../../common/domain/wall';
import type { WallServices, WallUser, WallWindowEntry } from '../../services/wall';
import {
  wallAlarmAckWords,
  wallDeleteWords,
  wallPushWords,
  wallTourSaveWords,
  wallViewSaveWords,
  wallWindowAlarmWords,
  type Bilingual,
} from '../../services/audit/notes-ops';
import type { EventBus } from '../event-bus';
import type { Handler, HandlerContext } from '../handler-types';

export type WallDeps = WallServices;

/** The incident's wall is answered beside these, from the incidents (wall-incident-handlers.ts). */
type WallHandlers = {
  [M in Exclude<keyof typeof wallMethods, 'wall.incident.current' | 'wall.alarm.pending'>]: Handler<M>;
};

function actorOf(ctx: HandlerContext): WallUser {
  const { user } = ctx.requireSession();
  return { id: user.id, roles: user.roles, displayName: user.displayName, orgUnitId: user.orgUnitId };
}

/**
 * Who refetches after a view or tour changed: every wall user when it is (or was) shared, else its
 * owner's other consoles only — a personal item is nobody else's business.
 */
function listAudience(scopes: readonly (WallScope | undefined)[], ownerId: number): Audience {
  return scopes.includes('shared') ? { roles: WALL_USERS } : { userIds: [ownerId] };
}

/** Everyone who lists a wall window: its user, and the chiefs of its org unit (two audiences: they are ANDed). */
function windowAudiences(w: WallWindowEntry): Audience[] {
  return [{ userIds: [w.userId] }, { orgUnitIds: [w.orgUnitId], roles: WALL_WINDOW_SUPERVISORS }];
}

function windowDto(w: WallWindowEntry, connId: string): WallWindow {
  return {
    windowId: w.windowId,
    name: w.name,
    userId: w.userId,
    userName: w.userName,
    orgUnitId: w.orgUnitId,
    registeredAt: w.registeredAt,
    self: w.connId === connId,
    alarm: w.alarm,
  };
}

/**
 * The video wall's saved views, tours and wall windows. Saves, deletes
 * and pushes are writing calls: the router audits them with the summaries set here.
 */
export function wallHandlers(deps: WallDeps): WallHandlers {
  const { views, tours, windows, alarms, cameras, clock } = deps;

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
    'wall.views.list': (ctx) => ({ rows: views.list(actorOf(ctx)) }),

    'wall.views.save': (ctx, input) => {
      const actor = actorOf(ctx);
      return ctx.tx(() => {
        const { view, before } = views.save(input, actor);
        const tiles = WALL_LAYOUT_TILES[view.layout];
        const cams = view.slots.filter((s) => s !== null).length;
        ctx.audit.target = `wall-view:${view.id}`;
        Object.assign(ctx.audit, wallViewSaveWords(view, before, tiles, cams));
        ctx.publish('wall.changed', { what: 'views' }, listAudience([before?.scope, view.scope], view.ownerId));
        return view;
      });
    },

    'wall.views.delete': (ctx, { id }) => {
      const actor = actorOf(ctx);
      ctx.tx(() => {
        const row = views.delete(id, actor);
        ctx.audit.target = `wall-view:${row.id}`;
        Object.assign(ctx.audit, wallDeleteWords('wall.viewDelete', row));
        ctx.publish('wall.changed', { what: 'views' }, listAudience([row.scope], row.ownerId));
      });
      return null;
    },

    'wall.tours.list': (ctx) => ({ rows: tours.list(actorOf(ctx)) }),

    'wall.tours.save': (ctx, input) => {
      const actor = actorOf(ctx);
      return ctx.tx(() => {
        const { tour, before } = tours.save(input, actor);
        ctx.audit.target = `wall-tour:${tour.id}`;
        Object.assign(ctx.audit, wallTourSaveWords({ ...tour, cameras: tour.cameras.length }, before));
        ctx.publish('wall.changed', { what: 'tours' }, listAudience([before?.scope, tour.scope], tour.ownerId));
        return tour;
      });
    },

    'wall.tours.delete': (ctx, { id }) => {
      const actor = actorOf(ctx);
      ctx.tx(() => {
        const row = tours.delete(id, actor);
        ctx.audit.target = `wall-tour:${row.id}`;
        Object.assign(ctx.audit, wallDeleteWords('wall.tourDelete', row));
        ctx.publish('wall.changed', { what: 'tours' }, listAudience([row.scope], row.ownerId));
      });
      return null;
    },

    'wall.windows.register': (ctx, { name, alarm }) => {
      const entry = windows.register(ctx.conn.id, actorOf(ctx), name, alarm);
      for (const audience of windowAudiences(entry)) ctx.publish('wall.changed', { what: 'windows' }, audience);
      return windowDto(entry, ctx.conn.id);
    },

    'wall.windows.unregister': (ctx) => {
      const entry = windows.detach(ctx.conn.id);
      if (entry)
        for (const audience of windowAudiences(entry)) ctx.publish('wall.changed', { what: 'windows' }, audience);
      return { removed: entry !== undefined };
    },

    'wall.windows.list': (ctx) => ({
      rows: windows.visibleTo(actorOf(ctx)).map((w) => windowDto(w, ctx.conn.id)),
    }),

    'wall.windows.setAlarm': (ctx, { windowId, alarm }) => {
      const entry = windows.setAlarm(windowId, actorOf(ctx), alarm);
      ctx.audit.target = `wall-window:${entry.windowId}`;
      Object.assign(ctx.audit, wallWindowAlarmWords(alarm, entry));
      for (const audience of windowAudiences(entry)) ctx.publish('wall.changed', { what: 'windows' }, audience);
      return windowDto(entry, ctx.conn.id);
    },

    'wall.alarm.ack': (ctx, { alarmId }) =>
      // Recorded with who and when (wall_alarms), in the call's transaction with its audit row.
      ctx.tx(() => {
        const alarm = alarms.ack(alarmId, actorOf(ctx), clock());
        const why =
          alarm.reason.kind === 'order'
            ? { zh: `特急工单 ${alarm.reason.orderCode}`, en: `critical order ${alarm.reason.orderCode}` }
            : { zh: `事件 #${alarm.reason.incidentId}`, en: `incident #${alarm.reason.incidentId}` };
        ctx.audit.target = `wall-window:${alarm.windowId}`;
        Object.assign(ctx.audit, wallAlarmAckWords(alarm.windowName, why));
        return { alarmId: alarm.alarmId };
      }),

    'wall.push': (ctx, { windowId, target }) => {
      const actor = actorOf(ctx);
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

/**
 * Call when the hub detaches a connection: its wall window (if it was one) closes, and the consoles
 * that list it refetch.
 */
export function closeWallWindow(deps: Pick<WallDeps, 'windows'>, bus: EventBus, connId: string): void {
  const entry = deps.windows.detach(connId);
  if (!entry) return;
  for (const audience of windowAudiences(entry)) bus.publish('wall.changed', { what: 'windows' }, audience);
}
