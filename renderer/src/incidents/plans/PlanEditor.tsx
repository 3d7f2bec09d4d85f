import { Button, Card, Flex, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Contact, WallView } from '../../../../common/contract';
import type { IncidentLevel } from '../../../../common/domain/incidents';
import type { ApiCallError } from '../../api';
import type { PlanDraft } from './draft';
import { PlanLevelTabs } from './PlanLevelTabs';
import { PlanNameField } from './PlanNameField';
import { PlanSaveError } from './PlanSaveError';

/** A plan's name and its four levels (each tab in its level colour), with save and discard. */
export function PlanEditor({
  draft,
  errors,
  saveError,
  dirty,
  saving,
  known,
  views,
  level,
  onLevel,
  onChange,
  onSave,
  onDiscard,
}: {
  draft: PlanDraft;
  /** Form checks and the hub's answer, by field path. */
  errors: ReadonlyMap<string, string>;
  saveError: ApiCallError | null;
  dirty: boolean;
  saving: boolean;
  known: ReadonlyMap<number, Contact>;
  views: readonly WallView[];
  level: IncidentLevel;
  onLevel: (level: IncidentLevel) => void;
  onChange: (draft: PlanDraft) => void;
  onSave: () => void;
  onDiscard: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      data-testid="plan-editor"
      data-type={draft.type}
      data-dirty={dirty}
      title={
        <Flex gap={8} align="center">
          {draft.name}
          {dirty && (
            <Tag color="orange" data-testid="plan-dirty">
              {t('incidentPlans.dirty')}
            </Tag>
          )}
        </Flex>
      }
      extra={
        <Flex gap={8}>
          <Button disabled={!dirty || saving} onClick={onDiscard} data-testid="plan-discard">
            {t('incidentPlans.discard')}
          </Button>
          <Button type="primary" disabled={!dirty} loading={saving} onClick={onSave} data-testid="plan-save">
            {t('incidentPlans.save')}
          </Button>
        </Flex>
      }
    >
      {saveError && <PlanSaveError error={saveError} />}
      <PlanNameField
        value={draft.name}
        error={errors.get('name')}
        onChange={(name) => {
          onChange({ ...draft, name });
        }}
      />
      <PlanLevelTabs
        levels={draft.levels}
        errors={errors}
        known={known}
        views={views}
        level={level}
        onLevel={onLevel}
        onChange={(l, next) => {
          onChange({ ...draft, levels: { ...draft.levels, [l]: next } });
        }}
      />
    </Card>
  );
}
