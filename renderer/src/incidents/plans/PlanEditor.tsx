import { Alert, Button, Card, Flex, Form, Input, Tabs, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Contact, WallView } from '../../../../common/contract';
import { INCIDENT_LEVELS } from '../../../../common/domain/incidents';
import type { ApiCallError } from '../../api';
import { bilingualFieldIssues, fieldIssues } from '../../components/form-errors';
import { useBilingual, useErrorText } from '../../i18n/useDisplay';
import { levelStyle } from '../display';
import type { PlanDraft } from './draft';
import { fieldLabel, levelOfPath, levelShort } from './fieldLabel';
import { LevelEditor } from './LevelEditor';

/** The hub's E_INVALID by field path, in the UI language (bilingual where the service gave both). */
export function serverErrors(
  error: ApiCallError | null,
  pick: (t: { zh: string; en: string }) => string,
): Map<string, string> {
  const out = new Map<string, string>();
  if (!error || error.code !== 'E_INVALID') return out;
  for (const e of bilingualFieldIssues(error.body.details)) if (!out.has(e.field)) out.set(e.field, pick(e));
  const issues = (error.body.details as { issues?: { path?: unknown; message?: unknown }[] } | undefined)?.issues;
  for (const i of Array.isArray(issues) ? issues : []) {
    if (typeof i.path === 'string' && typeof i.message === 'string' && !out.has(i.path)) out.set(i.path, i.message);
  }
  for (const i of fieldIssues(error.body.details)) if (!out.has(i.field)) out.set(i.field, i.message);
  return out;
}

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
  level: (typeof INCIDENT_LEVELS)[number];
  onLevel: (level: (typeof INCIDENT_LEVELS)[number]) => void;
  onChange: (draft: PlanDraft) => void;
  onSave: () => void;
  onDiscard: () => void;
}) {
  const { t } = useTranslation();
  const pick = useBilingual();
  const errorText = useErrorText();
  const nameError = errors.get('name');
  const failing = serverErrors(saveError, pick);
  const levelHasError = (l: string) => [...errors.keys()].some((p) => levelOfPath(p) === l);
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
      {saveError && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="plan-save-error"
          data-code={saveError.code}
          title={`${t('incidentPlans.saveFailed')}：${errorText(saveError)}`}
          description={
            failing.size > 0 ? (
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {[...failing].map(([path, text]) => (
                  <li key={path} data-testid="plan-save-error-field" data-field={path}>
                    <Typography.Text strong>{fieldLabel(path, t, pick)}</Typography.Text>：{text}
                  </li>
                ))}
              </ul>
            ) : undefined
          }
        />
      )}
      <Form layout="vertical" requiredMark={false} component="div">
        <Form.Item
          label={t('incidentPlans.name')}
          validateStatus={nameError ? 'error' : undefined}
          help={nameError}
          style={{ maxWidth: 480 }}
        >
          <Input
            value={draft.name}
            maxLength={80}
            data-testid="plan-name"
            onChange={(e) => {
              onChange({ ...draft, name: e.target.value });
            }}
          />
        </Form.Item>
      </Form>
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
              value={draft.levels[l]}
              errors={errors}
              known={known}
              views={views}
              onChange={(next) => {
                onChange({ ...draft, levels: { ...draft.levels, [l]: next } });
              }}
            />
          ),
        }))}
      />
    </Card>
  );
}
