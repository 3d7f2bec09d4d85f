import { Button, Card, Empty, Space, Table, Tag, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IncidentDetail } from '../../../../common/contract';
import { INCIDENT_ACTORS } from '../../../../common/contract/incidents';
import { hasAnyRole } from '../../orders/roles';
import { useUser } from '../../stores/session';
import { LinkOrderModal } from '../../orders/incidents/LinkOrderModal';
import { StateTag } from '../../orders/display/StateTag';
import { openOrder } from '../../orders/drawer/store';
import { formatDateTime } from '../../time/dayjs';

/** "3 小时 05 分" / "3 h 05 min": how long a linked order took (or has been open). */
export function spanText(ms: number, t: TFunction): string {
  const minutes = Math.floor(ms / 60_000);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h > 0 ? t('incidents.orders.hm', { h, m: String(m).padStart(2, '0') }) : t('incidents.orders.m', { m });
}

/** Orders linked to the incident (created while it ran, or linked by hand), with their durations. */
export function OrdersCard({ detail, canOpen }: { detail: IncidentDetail; canOpen: boolean }) {
  const { t } = useTranslation();
  const user = useUser();
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
          columns={[
            {
              key: 'code',
              title: t('incidents.orders.code'),
              render: (_, o) => <span className="tabular">{o.code}</span>,
            },
            {
              key: 'title',
              title: t('incidents.orders.titleCol'),
              render: (_, o) => (
                <span>
                  {o.title}
                  {!o.auto && (
                    <Tag style={{ marginInlineStart: 6 }} variant="outlined">
                      {t('incidents.orders.manual')}
                    </Tag>
                  )}
                </span>
              ),
            },
            { key: 'state', title: t('incidents.orders.state'), render: (_, o) => <StateTag state={o.state} /> },
            {
              key: 'duration',
              title: t('incidents.orders.duration'),
              render: (_, o) => (
                <Typography.Text className="tabular" type={o.closedAt === null ? 'warning' : undefined}>
                  {spanText(o.durationMs, t)}
                  {o.closedAt === null && ` ${t('incidents.orders.running')}`}
                </Typography.Text>
              ),
            },
            {
              key: 'linked',
              title: t('incidents.orders.linked'),
              render: (_, o) => (
                <Typography.Text type="secondary" className="tabular" style={{ fontSize: 12 }}>
                  {formatDateTime(o.linkedAt)} · {o.linkedByName}
                </Typography.Text>
              ),
            },
          ]}
        />
      )}
    </Card>
  );
}
