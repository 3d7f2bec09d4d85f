import { real } from './cohorts';
import {
  accurateFilingRate,
  chiefScore,
  onTimeClosingRate,
  onTimeFilingRate,
  scoreOf,
  type ChiefOptions,
  type ChiefScore,
} from './chief-score';
import type { OrderFacts } from './order-facts';
import { inPeriod, type Period } from './ratio';

/** Who took a step: the user's id (null for a user since deleted) and name as the history recorded it. */
export interface StepActor {
  id: number | null;
  name: string;
}

/** Who filed (立案) and who closed (结案) an order: the actor of its last such step, if any. */
export interface OrderActors {
  filedBy: StepActor | null;
  closedBy: StepActor | null;
}

export interface ChiefRow extends ChiefScore {
  actor: StepActor;
}

export interface ChiefBreakdown {
  /** One row per 值班长 who filed or closed an order in the period, by name. */
  rows: ChiefRow[];
  /** The scope's own score: every order filed or closed in the period, whoever did it. */
  total: ChiefScore;
}

const keyOf = (a: StepActor) => (a.id === null ? `name:${a.name}` : `id:${a.id}`);

/**
 * The per-post 综合指标值 of each 值班长: 按时立案率 and 准确立案率 over the orders they filed (立案)
 * in the period, 按时结案率 over those they closed (结案) in it — each the same function as the
 * scope's total (chief-score.ts), so the rows and the total cannot disagree on a rule. A chief who
 * only closed has no filing rates ("—") and so no score. Drills never count (as every KPI).
 */
export function chiefBreakdown(
  facts: readonly OrderFacts[],
  actors: ReadonlyMap<number, OrderActors>,
  period: Period,
  options: ChiefOptions,
): ChiefBreakdown {
  const total = chiefScore(facts, period, options);
  const chiefs = new Map<string, StepActor>();
  const filedBy = new Map<string, OrderFacts[]>();
  const closedBy = new Map<string, OrderFacts[]>();
  const add = (into: Map<string, OrderFacts[]>, actor: StepActor | null | undefined, f: OrderFacts) => {
    if (!actor) return;
    const key = keyOf(actor);
    if (!chiefs.has(key)) chiefs.set(key, actor);
    // Pushed in place: copying the list on every order was quadratic (minutes at 150 000 orders).
    const list = into.get(key);
    if (list) list.push(f);
    else into.set(key, [f]);
  };
  for (const f of real(facts)) {
    const who = actors.get(f.id);
    if (inPeriod(f.filedAt, period)) add(filedBy, who?.filedBy, f);
    if (inPeriod(f.closedAt, period)) add(closedBy, who?.closedBy, f);
  }
  const rows = [...chiefs].map(([key, actor]): ChiefRow => {
    const filed = filedBy.get(key) ?? [];
    const closed = closedBy.get(key) ?? [];
    const score = scoreOf(
      {
        onTimeFiling: onTimeFilingRate(filed, period, options.fileWithinMinutes),
        accurateFiling: accurateFilingRate(filed, period),
        onTimeClosing: onTimeClosingRate(closed, period, options.closeWithinMinutes),
      },
      options.weights,
    );
    return { actor, ...score };
  });
  rows.sort(
    (a, b) => a.actor.name.localeCompare(b.actor.name, 'zh-CN') || keyOf(a.actor).localeCompare(keyOf(b.actor)),
  );
  return { rows, total };
}
