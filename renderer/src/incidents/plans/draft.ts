import type { MethodInput, PlanDto } from '../../../../common/contract';
import { INCIDENT_LEVELS, PLAN_LIMITS, type IncidentLevel } from '../../../../common/domain/incidents';

/** A checklist action being edited; `id` keys the row in React, `fresh` ones got a key here. */
export interface DraftItem {
  id: string;
  key: string;
  text: string;
  fresh: boolean;
}

/** Minutes as typed: null while the box is empty. */
export interface DraftReports {
  initialMinutes: number | null;
  writtenMinutes: number | null;
  updateEveryMinutes: number | null;
}

export interface DraftLevel {
  checklist: DraftItem[];
  /** Contact ids (通讯录), in the order they are offered in the notify dialog. */
  notify: number[];
  reports: DraftReports;
  presetViewId: number | null;
}

export interface PlanDraft {
  type: PlanDto['type'];
  name: string;
  levels: Record<IncidentLevel, DraftLevel>;
}

export type PlanInput = MethodInput<'incidents.plans.save'>;

let sequence = 0;
/** A key the hub accepts ([A-Za-z0-9_.-], ≤ 40) that no other item of the plan has. */
export function newItem(text = ''): DraftItem {
  sequence += 1;
  const key = `c-${Date.now().toString(36)}-${sequence.toString(36)}`;
  return { id: key, key, text, fresh: true };
}

export function toDraft(plan: Pick<PlanDto, 'type' | 'name' | 'levels'>): PlanDraft {
  const levels = {} as Record<IncidentLevel, DraftLevel>;
  for (const level of INCIDENT_LEVELS) {
    const l = plan.levels[level];
    levels[level] = {
      checklist: l.checklist.map((c, i) => ({ id: `${level}-${i}-${c.key}`, key: c.key, text: c.text, fresh: false })),
      notify: l.notify.map((n) => n.contactId),
      reports: { ...l.reports },
      presetViewId: l.presetViewId,
    };
  }
  return { type: plan.type, name: plan.name, levels };
}

/**
 * What incidents.plans.save gets. An action added here takes the key of an existing action with the
 * same text at another level: a level change adds only actions whose key the incident lacks, so the
 * same action at Ⅳ and Ⅲ is not listed twice after an escalation.
 */
export function toInput(draft: PlanDraft): PlanInput {
  // Saved actions first, then new ones: the same new action added at two levels shares one key too.
  const known = new Map<string, string>();
  for (const fresh of [false, true]) {
    for (const level of INCIDENT_LEVELS) {
      for (const c of draft.levels[level].checklist) {
        if (c.fresh === fresh && !known.has(c.text.trim())) known.set(c.text.trim(), c.key);
      }
    }
  }
  const levels = {} as PlanInput['levels'];
  for (const level of INCIDENT_LEVELS) {
    const l = draft.levels[level];
    const used = new Set(l.checklist.filter((c) => !c.fresh).map((c) => c.key));
    // A new action keeps its own key when the one it would share is taken at this level already.
    levels[level] = {
      checklist: l.checklist.map((c) => {
        const text = c.text.trim();
        const adopt = c.fresh ? known.get(text) : undefined;
        const key = adopt !== undefined && !used.has(adopt) ? adopt : c.key;
        used.add(key);
        return { key, text };
      }),
      notify: l.notify.map((contactId) => ({ contactId })),
      reports: {
        initialMinutes: l.reports.initialMinutes ?? 0,
        writtenMinutes: l.reports.writtenMinutes ?? 0,
        updateEveryMinutes: l.reports.updateEveryMinutes ?? 0,
      },
      presetViewId: l.presetViewId,
    };
  }
  return { type: draft.type, name: draft.name.trim(), levels };
}

/** Compares what would be saved, ignoring row ids and whether a key was made here. */
export function sameDraft(a: PlanDraft, b: PlanDraft): boolean {
  const shape = (d: PlanDraft) =>
    JSON.stringify({
      name: d.name.trim(),
      levels: INCIDENT_LEVELS.map((level) => {
        const l = d.levels[level];
        return [l.checklist.map((c) => [c.key, c.text.trim()]), l.notify, l.reports, l.presetViewId];
      }),
    });
  return shape(a) === shape(b);
}

export type DraftProblem =
  | { path: string; kind: 'required' | 'duplicate' | 'writtenBeforeInitial' }
  | { path: string; kind: 'textMax' | 'tooMany'; max: number }
  | { path: string; kind: 'minutes'; min: number; max: number };

const NAME_MAX = 60;

/** The checks the hub makes that a form can make first, by the hub's field paths. */
export function draftProblems(draft: PlanDraft): DraftProblem[] {
  const out: DraftProblem[] = [];
  const name = draft.name.trim();
  if (name.length === 0) out.push({ path: 'name', kind: 'required' });
  else if (name.length > NAME_MAX) out.push({ path: 'name', kind: 'textMax', max: NAME_MAX });
  for (const level of INCIDENT_LEVELS) {
    const l = draft.levels[level];
    const at = `levels.${level}`;
    if (l.checklist.length > PLAN_LIMITS.checklistMax) {
      out.push({ path: `${at}.checklist`, kind: 'tooMany', max: PLAN_LIMITS.checklistMax });
    }
    l.checklist.forEach((c, i) => {
      const text = c.text.trim();
      if (text.length === 0) out.push({ path: `${at}.checklist.${i}.text`, kind: 'required' });
      else if (text.length > PLAN_LIMITS.textMax) {
        out.push({ path: `${at}.checklist.${i}.text`, kind: 'textMax', max: PLAN_LIMITS.textMax });
      }
    });
    if (l.notify.length > PLAN_LIMITS.notifyMax) {
      out.push({ path: `${at}.notify`, kind: 'tooMany', max: PLAN_LIMITS.notifyMax });
    }
    const { initialMinutes, writtenMinutes, updateEveryMinutes } = l.reports;
    const minutes = (field: keyof DraftReports, value: number | null, min: number) => {
      if (value === null || !Number.isInteger(value) || value < min || value > PLAN_LIMITS.minutesMax) {
        out.push({ path: `${at}.reports.${field}`, kind: 'minutes', min, max: PLAN_LIMITS.minutesMax });
        return false;
      }
      return true;
    };
    const initialOk = minutes('initialMinutes', initialMinutes, 1);
    const writtenOk = minutes('writtenMinutes', writtenMinutes, 1);
    minutes('updateEveryMinutes', updateEveryMinutes, 0);
    if (initialOk && writtenOk && (writtenMinutes ?? 0) < (initialMinutes ?? 0)) {
      out.push({ path: `${at}.reports.writtenMinutes`, kind: 'writtenBeforeInitial' });
    }
  }
  return out;
}
