/** Who edits plans (the hub's incidents.plans.save is the same). */
export const PLAN_EDITORS = ['admin'] as const;
