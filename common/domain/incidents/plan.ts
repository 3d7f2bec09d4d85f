import { INCIDENT_LEVELS, type IncidentLevel, type IncidentType, type ReportKind } from './types';

/** Report deadlines of one plan level, in minutes (local rules differ: stored as data, edited by admins). */
export interface ReportRule {
  /** 初报: the verbal report is due this many minutes after the level took effect. */
  initialMinutes: number;
  /** 书面报告: the written report is due this many minutes after the level took effect. */
  writtenMinutes: number;
  /** 续报: after the written report (or an update) is recorded, the next update is due this many minutes later; 0 = none. */
  updateEveryMinutes: number;
}

export interface PlanChecklistItem {
  /** Stable within the plan: a level change adds the items whose key the incident does not have yet. */
  key: string;
  text: string;
}

export interface PlanLevel {
  checklist: PlanChecklistItem[];
  /** Contacts (通讯录, by id) to notify at this level; the contacts part resolves them. */
  notify: { contactId: number }[];
  reports: ReportRule;
  /** A saved wall view (wall.views) to show, or null for the affected area's cameras. */
  presetViewId: number | null;
}

/** 预案: per incident type (or 'generic' for the types without their own), the actions of each level. */
export interface Plan {
  id: number;
  type: IncidentType | 'generic';
  name: string;
  levels: Record<IncidentLevel, PlanLevel>;
}

/** What an incident already has when a plan level is (re-)applied. */
export interface ExistingState {
  checklist: readonly { key: string }[];
  reports: readonly ExistingReport[];
}

export interface ExistingReport {
  id: number;
  kind: ReportKind;
  dueAt: number;
  recordedAt: number | null;
  supersededAt: number | null;
}

export interface NewChecklistItem extends PlanChecklistItem {
  level: IncidentLevel;
}

export interface NewReport {
  kind: ReportKind;
  level: IncidentLevel;
  dueAt: number;
}

export interface PlanApplication {
  checklist: NewChecklistItem[];
  reports: NewReport[];
  /** Open reports the new level replaces (not yet due: a missed deadline stays missed, in red). */
  supersede: number[];
}

const MINUTE = 60_000;

/**
 * Applies a plan level at `now` (activation or a level change): the level's checklist items the
 * incident does not have yet (by key: items of earlier levels, done or not, are kept as history),
 * a fresh 初报 and 书面报告 deadline counted from now, and the open reports of the previous level
 * that are not yet due are superseded by them. Updates (续报) follow recorded reports: see
 * {@link nextUpdateAfter}.
 */
export function applyPlanLevel(
  plan: Pick<Plan, 'levels'>,
  level: IncidentLevel,
  now: number,
  existing: ExistingState,
): PlanApplication {
  const rule = plan.levels[level];
  const have = new Set(existing.checklist.map((c) => c.key));
  const checklist: NewChecklistItem[] = [];
  for (const item of rule.checklist) {
    if (have.has(item.key)) continue;
    have.add(item.key);
    checklist.push({ ...item, level });
  }
  const supersede = existing.reports
    .filter((r) => r.recordedAt === null && r.supersededAt === null && r.dueAt > now)
    .map((r) => r.id);
  const reports: NewReport[] = [
    { kind: 'initial', level, dueAt: now + rule.reports.initialMinutes * MINUTE },
    { kind: 'written', level, dueAt: now + rule.reports.writtenMinutes * MINUTE },
  ];
  return { checklist, reports, supersede };
}

/**
 * The 续报 due after a written report or an update was recorded at `recordedAt`, or null when the
 * level has no updates, the recorded report was the 初报, or an update is already open.
 */
export function nextUpdateAfter(
  rule: ReportRule,
  level: IncidentLevel,
  recorded: { kind: ReportKind; recordedAt: number },
  open: readonly { kind: ReportKind }[],
): NewReport | null {
  if (rule.updateEveryMinutes <= 0 || recorded.kind === 'initial') return null;
  if (open.some((r) => r.kind === 'update')) return null;
  return { kind: 'update', level, dueAt: recorded.recordedAt + rule.updateEveryMinutes * MINUTE };
}

/** Bounds a plan's numbers must keep (checked by incidents.plans.save). */
export const PLAN_LIMITS = {
  minutesMax: 7 * 24 * 60,
  checklistMax: 40,
  notifyMax: 100,
  textMax: 200,
  keyMax: 40,
} as const;

/** Problems with a plan, as field paths and bilingual messages; empty when it is usable. */
export function planProblems(plan: Pick<Plan, 'levels'>): { field: string; zh: string; en: string }[] {
  const out: { field: string; zh: string; en: string }[] = [];
  for (const level of INCIDENT_LEVELS) {
    const l = plan.levels[level];
    const keys = new Set<string>();
    l.checklist.forEach((item, i) => {
      if (keys.has(item.key)) {
        out.push({
          field: `levels.${level}.checklist.${i}.key`,
          zh: `${level} 级检查项标识「${item.key}」重复`,
          en: `Level ${level}: checklist key "${item.key}" is used twice`,
        });
      }
      keys.add(item.key);
    });
    const { initialMinutes, writtenMinutes } = l.reports;
    if (writtenMinutes < initialMinutes) {
      out.push({
        field: `levels.${level}.reports.writtenMinutes`,
        zh: `${level} 级书面报告时限不能早于初报时限`,
        en: `Level ${level}: the written report cannot be due before the initial report`,
      });
    }
  }
  return out;
}
