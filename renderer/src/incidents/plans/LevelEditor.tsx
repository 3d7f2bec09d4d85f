import { Form } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Contact, WallView } from '../../../../common/contract';
import type { IncidentLevel } from '../../../../common/domain/incidents';
import { ChecklistEditor } from './ChecklistEditor';
import type { DraftLevel } from './draft';
import { NotifyEditor } from './NotifyEditor';
import { PresetViewField } from './PresetViewField';
import { ReportDeadlines } from './ReportDeadlines';

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
      <ReportDeadlines
        at={at}
        value={value.reports}
        errors={errors}
        onChange={(reports) => {
          onChange({ ...value, reports });
        }}
      />
      <PresetViewField
        value={value.presetViewId}
        error={errors.get(`${at}.presetViewId`)}
        views={views}
        onChange={(presetViewId) => {
          onChange({ ...value, presetViewId });
        }}
      />
    </Form>
  );
}
