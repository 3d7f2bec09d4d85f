import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { open311BaseUrl } from './open311Endpoint';

/** Where partners send their requests: the web shell's Open311 address, or a note in the Electron shell. */
export function ApiKeyEndpoint() {
  const { t } = useTranslation();
  const base = open311BaseUrl();
  if (base === null) return <span data-testid="apikey-endpoint">{t('apiKeys.endpointElectron')}</span>;
  return (
    <span>
      {t('apiKeys.endpoint')}
      <Typography.Text code copyable data-testid="apikey-endpoint">
        {base}
      </Typography.Text>
    </span>
  );
}
