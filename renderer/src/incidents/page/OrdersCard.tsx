import { Button, Card, Empty, Space, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IncidentDetail } from '../../../../common/contract';
import { INCIDENT_ACTORS } from '../../../../common/contract/incidents';
import { hasAnyRole } from '../../orders/roles';
import { useUser } from '../../stores/session';
import { LinkOrderModal } from '../../orders/incidents/LinkOrderModal';
import { openOrder } from '../../orders/drawer/store';
import { useIncidentOrderColumns } from './useIncidentOrderColumns';

/** Orders linked to the incident (created while it ran, or linked by hand), with their durations. */
export function OrdersCard({ detail, canOpen }: { detail: IncidentDetail; canOpen: boolean }) {
  const { t } = useTranslation();
  const user = useUser();
  const columns = useIncidentOrderColumns();
  const [linking, setLinking] = useState(false);
  // incidents.orders.link's roles, on an incident still running (the hub refuses a closed one).
  const canLink = detail.incident.closedAt === null && canOpen && hasAnyRole(user.roles, INCIDENT_ACTORS);
  return (
    <Card
      size="small"
      title={t('incidents.orders.title')}
      extra={
        <Space size={12}>
          <span data-testid="incident-orders-count">
            {t('incidents.orders.count', { count: detail.orders.length })}
          </span>
          {canLink && (
            <Button
              size="small"
              data-testid="incident-link-order"
              onClick={() => {
                setLinking(true);
              }}
            >
              {t('incidentOrders.card.action')}
            </Button>
          )}
        </Space>
      }
      data-testid="incident-orders"
    >
      {linking && (
        <LinkOrderModal
          detail={detail}
          onClose={() => {
            setLinking(false);
          }}
        />
      )}
      {detail.orders.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('incidents.orders.empty')} />
      ) : (
        <Table
          size="small"
          rowKey="id"
          pagination={detail.orders.length > 10 ? { pageSize: 10, size: 'small' } : false}
          dataSource={detail.orders}
          rowClassName={canOpen ? 'clickable-row' : undefined}
          onRow={(o) =>
            ({
              'data-testid': 'incident-order',
              'data-order-code': o.code,
              onClick: canOpen
                ? () => {
                    openOrder(o.id);
                  }
                : undefined,
            }) as React.HTMLAttributes<HTMLElement>
          }
          columns={columns}
        />
      )}
    </Card>
  );
}
