import type { z } from 'zod';
import { apiError } from '../../../common/contract';
import type { planLevelsSchema } from '../../../common/contract/incidents';
import { incidentPlanWords } from '../../services/audit/notes-ops';
import type { IncidentDeps, IncidentHandler } from './incident-handler-kit';

type PlanLevels = z.output<typeof planLevelsSchema>;

/** The response plans (one per incident type): their list and their editing. */
export function incidentPlanHandlers(deps: IncidentDeps) {
  const { incidents, clock } = deps;

  const plansList: IncidentHandler<'incidents.plans.list'> = () => ({ plans: incidents.plans.list() });

  const plansSave: IncidentHandler<'incidents.plans.save'> = (ctx, input) => {
    const { user } = ctx.requireSession();
    return ctx.tx(() => {
      checkPresetViews(input.levels);
      const plan = incidents.plans.save(input, user.displayName, clock());
      ctx.audit.target = `incident-plan:${plan.type}`;
      Object.assign(ctx.audit, incidentPlanWords(plan.name));
      return plan;
    });
  };

  /** A plan's preset view is shown to everyone: it must be a shared wall view. */
  const checkPresetViews = (levels: PlanLevels) => {
    for (const [level, l] of Object.entries(levels)) {
      if (l.presetViewId === null) continue;
      if (!deps.sharedViewExists(l.presetViewId)) {
        const field = `levels.${level}.presetViewId`;
        const zh = `${level} 级的预置画面 ${l.presetViewId} 不存在或不是共享画面`;
        const en = `Level ${level}: preset view ${l.presetViewId} does not exist or is not a shared view`;
        throw apiError('E_INVALID', zh, en, {
          field,
          issues: [{ path: field, message: en }],
          errors: [{ field, zh, en }],
        });
      }
    }
  };

  return { 'incidents.plans.list': plansList, 'incidents.plans.save': plansSave };
}
