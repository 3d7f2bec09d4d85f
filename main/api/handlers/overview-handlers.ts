import { viewerOf } from '../../services/org/viewer';
import type { OverviewService } from '../../services/overview/overview-service';
import type { OrgRepo } from '../../services/org/org-repo';
import type { Handler } from '../handler-types';

/** 态势总览: one read, scoped by the caller's unit as the order list is (a station user: their station). */
export function overviewHandlers(deps: { overview: OverviewService; org: OrgRepo }) {
  const get: Handler<'overview.get'> = (ctx) => deps.overview.get(viewerOf(deps.org, ctx.requireSession().user));
  return { 'overview.get': get };
}
