import { Card, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Overview } from '../../../../common/contract';
import type { OrderState } from '../../../../common/domain/orders/states';
import { CountLink } from './CountLink';

type Place = Overview['stations'][number] | Overview['workstations'][number];

/** A place's open and overdue orders, each a link to its list (open = every open state). */
function usePlaceColumns(key: 'stationId' | 'workstationId', open: OrderState[], testId: string) {
  const { t } = useTranslation();
  return [
    { title: '', dataIndex: 'name', key: 'name', ellipsis: true },
    {
      title: t('overview.columnOpen'),
      key: 'open',
      width: 64,
      align: 'right' as const,
      render: (_: unknown, p: Place) => (
        <CountLink count={p.open} filter={{ [key]: p.id, states: open }} testId={`${testId}-open`} />
      ),
    },
    {
      title: t('overview.columnRed'),
      key: 'red',
      width: 64,
      align: 'right' as const,
      render: (_: unknown, p: Place) =>
        p.red === 0 ? (
          <Typography.Text type="secondary">0</Typography.Text>
        ) : (
          <CountLink
            count={p.red}
            filter={{ [key]: p.id, light: 'red' }}
            testId={`${testId}-red`}
            style={{ color: '#d4380d' }}
          />
        ),
    },
  ];
}

/** Open orders per joint-duty station. */
export function StationsCard({ data }: { data: Overview }) {
  const { t } = useTranslation();
  const open = data.orders.byState.map((s) => s.state);
  const columns = usePlaceColumns('stationId', open, 'overview-station');
  return (
    <Card size="small" title={t('overview.stations')} data-testid="overview-stations">
      <Table<Place>
        size="small"
        rowKey="id"
        pagination={false}
        columns={columns}
        dataSource={data.stations}
        onRow={(p) => ({ 'data-testid': 'overview-station', 'data-id': p.id }) as object}
      />
    </Card>
  );
}

/** Open orders per village workstation: all of them (36 for the center), zeros included. */
export function WorkstationsCard({ data }: { data: Overview }) {
  const { t } = useTranslation();
  const open = data.orders.byState.map((s) => s.state);
  const columns = usePlaceColumns('workstationId', open, 'overview-workstation');
  return (
    <Card size="small" title={t('overview.workstations')} data-testid="overview-workstations">
      <Table<Place>
        size="small"
        rowKey="id"
        pagination={false}
        scroll={{ y: 360 }}
        columns={columns}
        dataSource={data.workstations}
        onRow={(p) => ({ 'data-testid': 'overview-workstation', 'data-id': p.id }) as object}
      />
    </Card>
  );
}
