import { Select, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrderDetail } from '../../../../common/contract';
import { handlerGroups, handlerValue } from '../reference/options';
import { useOrderReference } from '../reference/useOrderReference';

type Jurisdiction = OrderDetail['jurisdiction'];

/**
 * Stations, departments and village workstations in one searchable list; the value is `kind:id`.
 * The station that owns the order's place comes first, marked 「辖区」.
 */
export function HandlerPicker({
  value,
  onChange,
  jurisdiction = null,
}: {
  value?: string;
  onChange?: (value: string) => void;
  jurisdiction?: Jurisdiction;
}) {
  const { t } = useTranslation();
  const ref = useOrderReference();
  const owner = jurisdiction?.stationId ?? null;
  const options = useMemo(() => {
    const stations = owner
      ? [...ref.stations.filter((s) => s.id === owner), ...ref.stations.filter((s) => s.id !== owner)]
      : ref.stations;
    const groups = handlerGroups(
      {
        stations: t('orders.handlerGroup.stations'),
        departments: t('orders.handlerGroup.departments'),
        workstations: t('orders.handlerGroup.workstations'),
      },
      stations,
      ref.workstations,
      ref.departments,
    );
    const ownValue = owner ? handlerValue({ kind: 'station', id: owner }) : null;
    // Searched by `name` (the label may carry the tag).
    return groups.map((g) => ({
      label: g.label,
      options: g.options.map((o) => ({
        value: o.value,
        name: o.label,
        label:
          o.value === ownValue ? (
            <span data-testid="act-handler-own">
              {o.label}
              <Tag color="blue" style={{ marginInlineStart: 8 }}>
                {t('place.jurisdiction.tag')}
              </Tag>
            </span>
          ) : (
            o.label
          ),
      })),
    }));
  }, [t, owner, ref.stations, ref.workstations, ref.departments]);
  return (
    <>
      <Select<string>
        showSearch={{ optionFilterProp: 'name' }}
        placeholder={t('orders.act.handlerPlaceholder')}
        loading={!ref.ready}
        value={value}
        onChange={onChange}
        options={options}
        data-testid="act-handler"
      />
      {jurisdiction && (
        <Typography.Text type="secondary" data-testid="act-jurisdiction" style={{ display: 'block', marginTop: 4 }}>
          {t('place.jurisdiction.tag')}：{jurisdiction.gridName} /{' '}
          {jurisdiction.stationName ?? t('place.jurisdiction.noOwner')}
        </Typography.Text>
      )}
    </>
  );
}
