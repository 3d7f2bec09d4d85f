import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';

/** The plan's name, with its problem below. */
export function PlanNameField({
  value,
  error,
  onChange,
}: {
  value: string;
  error: string | undefined;
  onChange: (name: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <Form layout="vertical" requiredMark={false} component="div">
      <Form.Item
        label={t('incidentPlans.name')}
        validateStatus={error ? 'error' : undefined}
        help={error}
        style={{ maxWidth: 480 }}
      >
        <Input
          value={value}
          maxLength={80}
          data-testid="plan-name"
          onChange={(e) => {
            onChange(e.target.value);
          }}
        />
      </Form.Item>
    </Form>
  );
}
