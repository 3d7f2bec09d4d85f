import type { Audience, WallWindow, wallMethods } from '../../../common/contract';
import { WALL_WINDOW_SUPERVISORS } from '../../../common/domain/wall';
import type { WallServices, WallWindowEntry } from '../../services/wall';
import { wallAlarmAckWords, wallWindowAlarmWords } from '../../services/audit/notes-ops';
import type { Handler } from '../handler-types';
import { wallActorOf } from './wall-actor';

type WindowMethod = Extract<keyof typeof wallMethods, `wall.windows.${string}` | 'wall.alarm.ack'>;

/** Everyone who lists a wall window: its user, and the chiefs of its org unit (two audiences: they are ANDed). */
export function windowAudiences(w: WallWindowEntry): Audience[] {
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

/** The wall windows: register, list, mark for alarms, and acknowledge an alarm shown on one. */
export function wallWindowHandlers({ windows, alarms, clock }: Pick<WallServices, 'windows' | 'alarms' | 'clock'>): {
  [M in WindowMethod]: Handler<M>;
} {
  return {
    'wall.windows.register': (ctx, { name, alarm }) => {
      const entry = windows.register(ctx.conn.id, wallActorOf(ctx), name, alarm);
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
      rows: windows.visibleTo(wallActorOf(ctx)).map((w) => windowDto(w, ctx.conn.id)),
    }),

    'wall.windows.setAlarm': (ctx, { windowId, alarm }) => {
      const entry = windows.setAlarm(windowId, wallActorOf(ctx), alarm);
      ctx.audit.target = `wall-window:${entry.windowId}`;
      Object.assign(ctx.audit, wallWindowAlarmWords(alarm, entry));
      for (const audience of windowAudiences(entry)) ctx.publish('wall.changed', { what: 'windows' }, audience);
      return windowDto(entry, ctx.conn.id);
    },

    'wall.alarm.ack': (ctx, { alarmId }) =>
      // Recorded with who and when (wall_alarms), in the call's transaction with its audit row.
      ctx.tx(() => {
        const alarm = alarms.ack(alarmId, wallActorOf(ctx), clock());
        const why =
          alarm.reason.kind === 'order'
            ? { zh: `特急工单 ${alarm.reason.orderCode}`, en: `critical order ${alarm.reason.orderCode}` }
            : { zh: `事件 #${alarm.reason.incidentId}`, en: `incident #${alarm.reason.incidentId}` };
        ctx.audit.target = `wall-window:${alarm.windowId}`;
        Object.assign(ctx.audit, wallAlarmAckWords(alarm.windowName, why));
        return { alarmId: alarm.alarmId };
      }),
  };
}
