import type { TFunction } from 'i18next';
import { INCIDENT_LEVELS, type IncidentLevel } from '../../../../common/domain/incidents';
import type { DraftProblem } from './draft';

const LEVEL_SHORT: Record<IncidentLevel, { zh: string; en: string }> = {
  IV: { zh: 'Ⅳ级', en: 'Level IV' },
  III: { zh: 'Ⅲ级', en: 'Level III' },
  II: { zh: 'Ⅱ级', en: 'Level II' },
  I: { zh: 'Ⅰ级', en: 'Level I' },
};

export function levelShort(level: IncidentLevel, pick: (t: { zh: string; en: string }) => string): string {
  return pick(LEVEL_SHORT[level]);
}

/** The level a hub field path (levels.III.reports.initialMinutes) is about, if any. */
export function levelOfPath(path: string): IncidentLevel | undefined {
  const level = path.split('.')[1];
  return INCIDENT_LEVELS.find((l) => l === level);
}

/**
 * A hub field path in words ("Ⅲ级 · 初报时限"), so an E_INVALID from incidents.plans.save says
 * where to look; the path itself when it is not one the form knows.
 */
export function fieldLabel(path: string, t: TFunction, pick: (t: { zh: string; en: string }) => string): string {
  if (path === 'name') return t('incidentPlans.field.name');
  const parts = path.split('.');
  const level = levelOfPath(path);
  if (parts[0] !== 'levels' || !level) return path;
  const name = levelShort(level, pick);
  const n = Number(parts[3]) + 1;
  switch (parts[2]) {
    case 'checklist':
      return Number.isFinite(n)
        ? t('incidentPlans.field.checklist', { level: name, n })
        : `${name} · ${t('incidentPlans.checklist')}`;
    case 'notify':
      return Number.isFinite(n)
        ? t('incidentPlans.field.notify', { level: name, n })
        : `${name} · ${t('incidentPlans.notify')}`;
    case 'reports':
      if (parts[3] === 'initialMinutes' || parts[3] === 'writtenMinutes' || parts[3] === 'updateEveryMinutes') {
        return t(`incidentPlans.field.${parts[3]}`, { level: name });
      }
      return `${name} · ${t('incidentPlans.reports')}`;
    case 'presetViewId':
      return t('incidentPlans.field.presetViewId', { level: name });
    default:
      return name;
  }
}

/** A form-side problem in the UI language. */
export function problemText(p: DraftProblem, t: TFunction): string {
  switch (p.kind) {
    case 'required':
      return t('incidentPlans.invalid.required');
    case 'duplicate':
      return t('incidentPlans.invalid.duplicate');
    case 'writtenBeforeInitial':
      return t('incidentPlans.invalid.writtenBeforeInitial');
    case 'textMax':
      return t('incidentPlans.invalid.textMax', { max: p.max });
    case 'tooMany':
      return t('incidentPlans.invalid.tooMany', { max: p.max });
    case 'minutes':
      return t('incidentPlans.invalid.minutes', { min: p.min, max: p.max });
  }
}
