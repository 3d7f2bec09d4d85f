import { Form, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { WallView } from '../../../../common/contract';

/**
 * The level's preset wall view, from the shared views; one no longer there shows as its id and as
 * a problem, so the admin sees it rather than losing it silently.
 */
export function PresetViewField({
  value,
  error,
  views,
  onChange,
}: {
  value: number | null;
  error: string | undefined;
  views: readonly WallView[];
  onChange: (id: number | null) => void;
}) {
  const { t } = useTranslation();
  const known = value === null || views.some((v) => v.id === value);
  return (
    <Form.Item
      label={t('incidentPlans.presetView')}
      extra={t('incidentPlans.presetHint')}
      validateStatus={error || !known ? 'error' : undefined}
      help={error ?? (known ? undefined : t('incidentPlans.presetMissing', { id: value }))}
    >
      <Select<number>
        value={value ?? 0}
        style={{ maxWidth: 480 }}
        options={[
          { value: 0, label: t('incidentPlans.presetNone') },
          ...views.map((v) => ({ value: v.id, label: v.name })),
          ...(known ? [] : [{ value, label: `#${value}` }]),
        ]}
        onChange={(id) => {
          onChange(id === 0 ? null : id);
        }}
        data-testid="plan-preset-view"
      />
    </Form.Item>
  );
}
