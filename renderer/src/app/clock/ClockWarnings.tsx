import { App } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api';

/** Administrators: a notification when the hub's clock jumps or a console's clock is off (system.clockWarning). */
export function ClockWarnings() {
  const api = useApi();
  const { t } = useTranslation();
  const { notification } = App.useApp();
  useEffect(
    () =>
      api.subscribe('system.clockWarning', (warning) => {
        const ms = warning.kind === 'hub-jump' ? warning.jumpMs : warning.skewMs;
        const seconds = `${ms > 0 ? '+' : ''}${Math.round(ms / 1000)}`;
        notification.warning({
          key: `clock-${warning.kind}-${warning.at}`,
          title: t('clockWarning.title'),
          description:
            warning.kind === 'hub-jump'
              ? t('clockWarning.hubJump', { seconds })
              : t('clockWarning.consoleSkew', { seconds, user: warning.userName }),
          duration: 0,
          props: { 'data-testid': 'clock-warning' },
        });
      }),
    [api, notification, t],
  );
  return null;
}
