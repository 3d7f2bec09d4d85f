import { Alert, Button, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApiCallError } from '../../api';
import { useErrorText } from '../../i18n/useDisplay';

/** Submit (waits for uploads), clear, the keys hint, and the hub's refusal if any. */
export function IntakeActions({
  pending,
  uploading,
  error,
  onClear,
}: {
  pending: boolean;
  uploading: boolean;
  error: ApiCallError | null;
  onClear: () => void;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  return (
    <>
      <Space align="center">
        <Button type="primary" htmlType="submit" loading={pending} disabled={uploading} data-testid="intake-submit">
          {t('intake.submit')}
        </Button>
        <Button data-testid="intake-clear" onClick={onClear}>
          {t('intake.clear')}
        </Button>
        <Typography.Text type="secondary">{t('intake.keysHint')}</Typography.Text>
      </Space>
      {error && (
        <Alert
          type="error"
          showIcon
          role="alert"
          style={{ marginTop: 12 }}
          data-testid="intake-error"
          title={errorText(error)}
        />
      )}
    </>
  );
}
