import { WALL_USERS, type Audience, type wallMethods } from '../../../common/contract';
import { WALL_LAYOUT_TILES, type WallScope } from '../../../common/domain/wall';
import type { WallServices } from '../../services/wall';
import { wallDeleteWords, wallTourSaveWords, wallViewSaveWords } from '../../services/audit/notes-ops';
import type { Handler } from '../handler-types';
import { wallActorOf } from './wall-actor';

type ViewMethod = Extract<keyof typeof wallMethods, `wall.views.${string}` | `wall.tours.${string}`>;

/**
 * Who refetches after a view or tour changed: every wall user when it is (or was) shared, else its
 * owner's other consoles only — a personal item is nobody else's business.
 */
function listAudience(scopes: readonly (WallScope | undefined)[], ownerId: number): Audience {
  return scopes.includes('shared') ? { roles: WALL_USERS } : { userIds: [ownerId] };
}

/** The wall's saved views and tours: list, save, delete (writes audited by the router with these words). */
export function wallViewHandlers({ views, tours }: Pick<WallServices, 'views' | 'tours'>): {
  [M in ViewMethod]: Handler<M>;
} {
  return {
    'wall.views.list': (ctx) => ({ rows: views.list(wallActorOf(ctx)) }),

    'wall.views.save': (ctx, input) => {
      const actor = wallActorOf(ctx);
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
      const actor = wallActorOf(ctx);
      ctx.tx(() => {
        const row = views.delete(id, actor);
        ctx.audit.target = `wall-view:${row.id}`;
        Object.assign(ctx.audit, wallDeleteWords('wall.viewDelete', row));
        ctx.publish('wall.changed', { what: 'views' }, listAudience([row.scope], row.ownerId));
      });
      return null;
    },

    'wall.tours.list': (ctx) => ({ rows: tours.list(wallActorOf(ctx)) }),

    'wall.tours.save': (ctx, input) => {
      const actor = wallActorOf(ctx);
      return ctx.tx(() => {
        const { tour, before } = tours.save(input, actor);
        ctx.audit.target = `wall-tour:${tour.id}`;
        Object.assign(ctx.audit, wallTourSaveWords({ ...tour, cameras: tour.cameras.length }, before));
        ctx.publish('wall.changed', { what: 'tours' }, listAudience([before?.scope, tour.scope], tour.ownerId));
        return tour;
      });
    },

    'wall.tours.delete': (ctx, { id }) => {
      const actor = wallActorOf(ctx);
      ctx.tx(() => {
        const row = tours.delete(id, actor);
        ctx.audit.target = `wall-tour:${row.id}`;
        Object.assign(ctx.audit, wallDeleteWords('wall.tourDelete', row));
        ctx.publish('wall.changed', { what: 'tours' }, listAudience([row.scope], row.ownerId));
      });
      return null;
    },
  };
}
