import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { useConnectionState } from '../api';

/** Non-blocking: the operator keeps reading what is on screen while the link recovers. */
export function ConnectionBanner() {
  const { t } = useTranslation();
  const state = useConnectionState();
  if (state === 'connected') return null;
  return (
    <Alert
      banner
      type="warning"
      showIcon
      data-testid="reconnect-banner"
      title={state === 'disconnected' ? t('connection.banner') : t('app.connecting')}
    />
  );
}
