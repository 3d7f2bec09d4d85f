import { Select } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { INCIDENT_READERS } from '../../../../common/contract/incidents';
import { useApiQuery } from '../../api';
import { hasAnyRole } from '../roles';
import { useUser } from '../../stores/session';
import { shanghaiDate } from '../../../../common/domain/time';
import { useCurrentIncidents } from '../../incidents/data';
import { useIncidentNames } from '../../incidents/display';

/** How many closed incidents the filter offers (newest first). */
const CLOSED_SHOWN = 50;

/**
 * 关联事件: the incidents running now (everyone sees the banner's list) and, for those who may read
 * incidents, the closed ones; cleared, the list shows every order.
 */
export function IncidentFilterSelect({
  value,
  onChange,
}: {
  value: number | undefined;
  onChange: (incidentId: number | undefined) => void;
}) {
  const { t } = useTranslation();
  const names = useIncidentNames();
  const user = useUser();
  const current = useCurrentIncidents();
  const closed = useApiQuery(
    'incidents.list',
    { state: 'closed', limit: CLOSED_SHOWN },
    { enabled: hasAnyRole(user.roles, INCIDENT_READERS), staleTime: 60_000 },
  );
  const options = useMemo(() => {
    const running = (current.data?.incidents ?? []).map((i) => ({
      value: i.id,
      label: `${i.drill ? `【${t('incidentOrders.drill')}】` : ''}${t('incidentOrders.filter.option', {
        type: names.type(i.type),
        level: t(`incidentOrders.level.${i.level}`),
        name: i.name,
      })}`,
    }));
    const ended = (closed.data?.rows ?? []).map((i) => ({
      value: i.id,
      label: `${i.drill ? `【${t('incidentOrders.drill')}】` : ''}${t('incidentOrders.filter.closedOption', {
        type: names.type(i.type),
        name: i.name,
        date: shanghaiDate(i.startedAt),
      })}`,
    }));
    return [
      ...(running.length > 0 ? [{ label: t('incidentOrders.filter.running'), options: running }] : []),
      ...(ended.length > 0 ? [{ label: t('incidentOrders.filter.closed'), options: ended }] : []),
    ];
  }, [current.data, closed.data, names, t]);

  return (
    <Select<number>
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      placeholder={t('incidentOrders.filter.placeholder')}
      style={{ width: 200 }}
      popupMatchSelectWidth={false}
      value={value}
      data-testid="order-filter-incident"
      options={options}
      // Cleared (allowClear), antd passes undefined: every order again.
      onChange={(v: number | undefined) => {
        onChange(v);
      }}
    />
  );
}
