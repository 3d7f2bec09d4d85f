import { Flex, Form, InputNumber, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Contact, WallView } from '../../../../common/contract';
import { PLAN_LIMITS, type IncidentLevel } from '../../../../common/domain/incidents';
import { ChecklistEditor } from './ChecklistEditor';
import type { DraftLevel, DraftReports } from './draft';
import { NotifyEditor } from './NotifyEditor';

/** Messages by row index for the paths `${prefix}.<i>…`. */
function rowErrors(errors: ReadonlyMap<string, string>, prefix: string): Map<number, string> {
  const out = new Map<number, string>();
  for (const [path, text] of errors) {
    if (!path.startsWith(`${prefix}.`)) continue;
    const i = Number(path.slice(prefix.length + 1).split('.')[0]);
    if (Number.isInteger(i) && !out.has(i)) out.set(i, text);
  }
  return out;
}

const REPORT_FIELDS = [
  { field: 'initialMinutes', label: 'incidentPlans.initial', unit: 'incidentPlans.minutesAfter', min: 1 },
  { field: 'writtenMinutes', label: 'incidentPlans.written', unit: 'incidentPlans.minutesAfter', min: 1 },
  { field: 'updateEveryMinutes', label: 'incidentPlans.update', unit: 'incidentPlans.everyMinutes', min: 0 },
] as const satisfies readonly { field: keyof DraftReports; label: string; unit: string; min: number }[];

/** One response level of a plan: checklist, whom to notify, report deadlines, preset wall view. */
export function LevelEditor({
  level,
  value,
  errors,
  known,
  views,
  onChange,
}: {
  level: IncidentLevel;
  value: DraftLevel;
  /** Problems of this plan by the hub's field path (form checks and the hub's answer). */
  errors: ReadonlyMap<string, string>;
  known: ReadonlyMap<number, Contact>;
  /** Shared wall views (a preset view is shown to everyone). */
  views: readonly WallView[];
  onChange: (next: DraftLevel) => void;
}) {
  const { t } = useTranslation();
  const at = `levels.${level}`;
  const listError = (path: string) => errors.get(path);
  const presetError = errors.get(`${at}.presetViewId`);
  const presetKnown = value.presetViewId === null || views.some((v) => v.id === value.presetViewId);
  return (
    <Form layout="vertical" requiredMark={false} data-testid={`plan-level-${level}`} component="div">
      <Form.Item
        label={t('incidentPlans.checklist')}
        validateStatus={listError(`${at}.checklist`) ? 'error' : undefined}
        help={listError(`${at}.checklist`)}
      >
        <ChecklistEditor
          items={value.checklist}
          errors={rowErrors(errors, `${at}.checklist`)}
          onChange={(checklist) => {
            onChange({ ...value, checklist });
          }}
        />
      </Form.Item>
      <Form.Item
        label={t('incidentPlans.notify')}
        validateStatus={listError(`${at}.notify`) ? 'error' : undefined}
        help={listError(`${at}.notify`)}
      >
        <NotifyEditor
          ids={value.notify}
          known={known}
          errors={rowErrors(errors, `${at}.notify`)}
          onChange={(notify) => {
            onChange({ ...value, notify });
          }}
        />
      </Form.Item>
      <Typography.Text strong>{t('incidentPlans.reports')}</Typography.Text>
      <Flex gap={16} wrap style={{ marginTop: 8 }}>
        {REPORT_FIELDS.map(({ field, label, unit, min }) => {
          const error = errors.get(`${at}.reports.${field}`);
          return (
            <Form.Item
              key={field}
              label={t(label)}
              validateStatus={error ? 'error' : undefined}
              help={error}
              style={{ minWidth: 220 }}
            >
              <InputNumber<number>
                min={min}
                max={PLAN_LIMITS.minutesMax}
                precision={0}
                value={value.reports[field]}
                suffix={t(unit)}
                style={{ width: 260 }}
                data-testid={`plan-report-${field}`}
                onChange={(n) => {
                  onChange({ ...value, reports: { ...value.reports, [field]: n } });
                }}
              />
            </Form.Item>
          );
        })}
      </Flex>
      <Form.Item
        label={t('incidentPlans.presetView')}
        extra={t('incidentPlans.presetHint')}
        validateStatus={presetError || !presetKnown ? 'error' : undefined}
        help={presetError ?? (presetKnown ? undefined : t('incidentPlans.presetMissing', { id: value.presetViewId }))}
      >
        <Select<number>
          value={value.presetViewId ?? 0}
          style={{ maxWidth: 480 }}
          options={[
            { value: 0, label: t('incidentPlans.presetNone') },
            ...views.map((v) => ({ value: v.id, label: v.name })),
            ...(presetKnown || value.presetViewId === null
              ? []
              : [{ value: value.presetViewId, label: `#${value.presetViewId}` }]),
          ]}
          onChange={(id) => {
            onChange({ ...value, presetViewId: id === 0 ? null : id });
          }}
          data-testid="plan-preset-view"
        />
      </Form.Item>
    </Form>
  );
}
