import { useMemo } from 'react';
import {
  INCIDENT_LEVEL_COLOURS,
  INCIDENT_LEVEL_NAMES,
  INCIDENT_TYPE_NAMES,
  REPORT_KIND_NAMES,
  type IncidentLevel,
  type IncidentType,
  type ReportKind,
} from '../../../common/domain/incidents';
import { useBilingual } from '../i18n/useDisplay';
import './incidents.css';

/** Dark text on the light warning colours (yellow, orange), white on blue and red. */
const LEVEL_TEXT: Record<IncidentLevel, string> = { IV: '#fff', III: '#262626', II: '#262626', I: '#fff' };

export function levelStyle(level: IncidentLevel): { background: string; color: string } {
  return { background: INCIDENT_LEVEL_COLOURS[level], color: LEVEL_TEXT[level] };
}

export interface IncidentNames {
  type: (type: IncidentType) => string;
  level: (level: IncidentLevel) => string;
  report: (kind: ReportKind) => string;
}

/** Names of incident types, levels and report kinds in the UI language (they live in the domain). */
export function useIncidentNames(): IncidentNames {
  const pick = useBilingual();
  return useMemo(
    () => ({
      type: (type) => pick(INCIDENT_TYPE_NAMES[type]),
      level: (level) => pick(INCIDENT_LEVEL_NAMES[level]),
      report: (kind) => pick(REPORT_KIND_NAMES[kind]),
    }),
    [pick],
  );
}

/** The response level in its colour (Ⅳ blue … Ⅰ red), hatched for a drill. */
export function LevelTag({ level, drill = false }: { level: IncidentLevel; drill?: boolean }) {
  const names = useIncidentNames();
  return (
    <span
      className={drill ? 'incident-level-tag incident-hatched' : 'incident-level-tag'}
      style={levelStyle(level)}
      data-testid="incident-level"
      data-level={level}
    >
      {names.level(level)}
    </span>
  );
}
