import { Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { useConsoleClock } from './useConsoleClock';

/** In the status bar while this PC's clock is more than 30 s off the hub's. */
export function ClockOffMark() {
  const { t } = useTranslation();
  const offMs = useConsoleClock();
  if (offMs === null) return null;
  const seconds = `${offMs > 0 ? '+' : ''}${Math.round(offMs / 1000)}`;
  return (
    <Tooltip title={t('status.clockOffTitle', { seconds })}>
      <span className="clock-off-mark" data-testid="status-clock-off" role="alert">
        {t('status.clockOff', { seconds })}
      </span>
    </Tooltip>
  );
}
