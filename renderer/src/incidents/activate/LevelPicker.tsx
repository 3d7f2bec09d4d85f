import { Radio } from 'antd';
import { INCIDENT_LEVELS, type IncidentLevel } from '../../../../common/domain/incidents';
import { levelStyle, useIncidentNames } from '../display';

/** Ⅳ … Ⅰ, each button in its warning colour once chosen; `exclude` greys out the current level. */
export function LevelPicker({
  value,
  onChange,
  exclude,
  testIdPrefix = 'incident-level',
}: {
  value?: IncidentLevel;
  onChange?: (level: IncidentLevel) => void;
  exclude?: IncidentLevel;
  testIdPrefix?: string;
}) {
  const names = useIncidentNames();
  return (
    <Radio.Group value={value} optionType="button" onChange={(e) => onChange?.(e.target.value as IncidentLevel)}>
      {INCIDENT_LEVELS.map((level) => (
        <Radio.Button
          key={level}
          value={level}
          disabled={level === exclude}
          style={value === level ? { ...levelStyle(level), borderColor: levelStyle(level).background } : undefined}
        >
          {/* On the label: antd puts extra props on the hidden radio input. */}
          <span data-testid={`${testIdPrefix}-${level}`}>{names.level(level)}</span>
        </Radio.Button>
      ))}
    </Radio.Group>
  );
}
