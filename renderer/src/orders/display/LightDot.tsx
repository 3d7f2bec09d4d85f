import { Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Light } from '../../../../common/contract';

/** The traffic light of an order's time limit; tests read `data-light`. */
export function LightDot({ light, timeUsed }: { light: Light; timeUsed: number | null }) {
  const { t } = useTranslation();
  const used = timeUsed === null ? '' : ` · ${t('orders.light.used', { percent: Math.round(timeUsed * 100) })}`;
  return (
    <Tooltip title={`${t(`orders.light.${light}`)}${used}`}>
      <span
        className="order-light"
        data-testid="order-light"
        data-light={light}
        role="img"
        aria-label={t(`orders.light.${light}`)}
      />
    </Tooltip>
  );
}
