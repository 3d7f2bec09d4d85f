import { useQueryClient } from '@tanstack/react-query';
import { Button, Flex, Radio, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IncidentSummary, OrderDetail } from '../../../../common/contract';
import { INCIDENT_ACTORS } from '../../../../common/contract/incidents';
import { methodKey } from '../../api';
import { hasAnyRole } from '../roles';
import { useUser } from '../../stores/session';
import { useCurrentIncidents } from '../../incidents/data';
import { LevelTag, useIncidentNames } from '../../incidents/display';
import { IncidentOrderTag } from './IncidentOrderTag';
import { LinkModal } from './LinkModal';
import { useIncidentOrderSync } from './useIncidentOrderSync';

/**
 * On an order's detail: its incident mark when linked, or 关联到当前事件 while an incident runs, for
 * the roles incidents.orders.link allows (the hub still decides: an incident outside a station's
 * area, or one closed meanwhile, comes back as its error).
 */
export function IncidentLinkBar({ order }: { order: OrderDetail }) {
  useIncidentOrderSync();
  const { t } = useTranslation();
  const user = useUser();
  const current = useCurrentIncidents();
  const running = current.data?.incidents ?? [];
  const [open, setOpen] = useState(false);
  if (order.incidentId !== null) {
    return (
      <Flex align="center" gap={8} style={{ marginTop: 12 }} data-testid="order-incident">
        <Typography.Text type="secondary">{t('incidentOrders.link.linked')}</Typography.Text>
        <IncidentOrderTag incidentId={order.incidentId} running={running} />
      </Flex>
    );
  }
  if (running.length === 0 || !hasAnyRole(user.roles, INCIDENT_ACTORS)) return null;
  return (
    <Flex style={{ marginTop: 12 }}>
      <Button
        data-testid="order-link-incident"
        onClick={() => {
          setOpen(true);
        }}
      >
        {t('incidentOrders.link.action')}
      </Button>
      {open && (
        <LinkIncidentModal
          order={order}
          running={running}
          onClose={() => {
            setOpen(false);
          }}
        />
      )}
    </Flex>
  );
}

/** Which running incident the order goes to (the choice shown only when a drill runs beside the real one). */
function LinkIncidentModal({
  order,
  running,
  onClose,
}: {
  order: OrderDetail;
  running: readonly IncidentSummary[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const names = useIncidentNames();
  // The real incident first (incidents.current's order): the usual choice when a drill runs beside it.
  const [chosen, setChosen] = useState<number | undefined>(running[0]?.id);
  return (
    <LinkModal
      title={t('incidentOrders.link.title')}
      okText={t('incidentOrders.link.ok')}
      testId="order-link-incident"
      link={chosen === undefined ? undefined : { id: chosen, orderId: order.id }}
      doneText={(detail) => t('incidentOrders.link.done', { name: detail.incident.name })}
      onLinked={() => {
        void queryClient.invalidateQueries({ queryKey: methodKey('orders.get', { id: order.id }) });
      }}
      onClose={onClose}
    >
      <Typography.Paragraph>
        {running.length > 1 ? t('incidentOrders.link.choose') : t('incidentOrders.link.confirm', { code: order.code })}
      </Typography.Paragraph>
      <Radio.Group
        value={chosen}
        data-testid="order-link-incident-choice"
        onChange={(e) => {
          setChosen(e.target.value as number);
        }}
      >
        <Space orientation="vertical">
          {running.map((i) => (
            <Radio key={i.id} value={i.id} data-testid="order-link-incident-option" data-incident-id={i.id}>
              <Space size={6}>
                <LevelTag level={i.level} drill={i.drill} />
                <span>
                  {i.drill ? `【${t('incidentOrders.drill')}】` : ''}
                  {names.type(i.type)} · {i.name}
                </span>
              </Space>
            </Radio>
          ))}
        </Space>
      </Radio.Group>
    </LinkModal>
  );
}
