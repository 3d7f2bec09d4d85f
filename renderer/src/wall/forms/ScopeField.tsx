import { Form, Radio } from 'antd';
import { useTranslation } from 'react-i18next';

/** Personal (mine only) or shared (every wall user's list). */
export function ScopeField({ testId }: { testId: string }) {
  const { t } = useTranslation();
  return (
    <Form.Item name="scope" label={t('wall.views.scope')}>
      <Radio.Group
        optionType="button"
        data-testid={testId}
        options={[
          { value: 'personal', label: t('wall.views.personal') },
          { value: 'shared', label: t('wall.views.shared') },
        ]}
      />
    </Form.Item>
  );
}
