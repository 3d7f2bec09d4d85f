import { Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApiKey } from '../../../../../common/contract';
import { formatDateTime } from '../../../time/dayjs';

/** Active, or revoked with when. */
export function ApiKeyStateCell({ apiKey: k }: { apiKey: ApiKey }) {
  const { t } = useTranslation();
  return k.revokedAt === null ? (
    <Tag color="green" data-testid="apikey-state">
      {t('apiKeys.state.active')}
    </Tag>
  ) : (
    <Space size={4} wrap>
      <Tag data-testid="apikey-state">{t('apiKeys.state.revoked')}</Tag>
      <Typography.Text type="secondary" className="tabular">
        {t('apiKeys.revokedAt', { at: formatDateTime(k.revokedAt) })}
      </Typography.Text>
    </Space>
  );
}
