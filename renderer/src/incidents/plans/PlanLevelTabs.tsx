import { Tabs } from 'antd';
import type { Contact, WallView } from '../../../../common/contract';
import { INCIDENT_LEVELS, type IncidentLevel } from '../../../../common/domain/incidents';
import { useBilingual } from '../../i18n/useDisplay';
import { levelStyle } from '../display';
import type { DraftLevel, PlanDraft } from './draft';
import { levelOfPath, levelShort } from './fieldLabel';
import { LevelEditor } from './LevelEditor';

/** The plan's four levels, a tab each in its level colour, outlined red while it has a problem. */
export function PlanLevelTabs({
  levels,
  errors,
  known,
  views,
  level,
  onLevel,
  onChange,
}: {
  levels: PlanDraft['levels'];
  errors: ReadonlyMap<string, string>;
  known: ReadonlyMap<number, Contact>;
  views: readonly WallView[];
  level: IncidentLevel;
  onLevel: (level: IncidentLevel) => void;
  onChange: (level: IncidentLevel, next: DraftLevel) => void;
}) {
  const pick = useBilingual();
  const levelHasError = (l: string) => [...errors.keys()].some((p) => levelOfPath(p) === l);
  return (
    <Tabs
      activeKey={level}
      onChange={(key) => {
        const next = INCIDENT_LEVELS.find((l) => l === key);
        if (next) onLevel(next);
      }}
      items={INCIDENT_LEVELS.map((l) => ({
        key: l,
        label: (
          <span
            className="incident-level-tag"
            style={{ ...levelStyle(l), outline: levelHasError(l) ? '2px solid #ff4d4f' : undefined }}
            data-testid={`plan-level-tab-${l}`}
            data-invalid={levelHasError(l)}
          >
            {levelShort(l, pick)}
          </span>
        ),
        children: (
          <LevelEditor
            level={l}
            value={levels[l]}
            errors={errors}
            known={known}
            views={views}
            onChange={(next) => {
              onChange(l, next);
            }}
          />
        ),
      }))}
    />
  );
}
