import { Form, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IncidentDetail } from '../../../../common/contract';
import { useApiQuery } from '../../api';
import { useDebounced } from '../../components/useDebounced';
import { LinkModal } from './LinkModal';

/**
 * 关联已有工单 (the incident page's 关联工单 card): find an order by its code or words of its text
 * (orders.list's full-text search, so only orders the caller may see) and link it to the incident.
 */
export function LinkOrderModal({ detail, onClose }: { detail: IncidentDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [orderId, setOrderId] = useState<number | undefined>();
  const text = useDebounced(search.trim(), 250);
  const found = useApiQuery(
    'orders.list',
    { filter: { text }, sort: 'created_desc', cursor: null, limit: 20 },
    { enabled: text.length >= 2, placeholderData: (previous) => previous },
  );
  const rows = text.length >= 2 ? (found.data?.rows ?? []) : [];

  return (
    <LinkModal
      title={t('incidentOrders.card.title')}
      okText={t('incidentOrders.card.ok')}
      testId="incident-link-order"
      link={orderId === undefined ? undefined : { id: detail.incident.id, orderId }}
      doneText={(_, input) => {
        const code = rows.find((o) => o.id === input.orderId)?.code ?? String(input.orderId);
        return t('incidentOrders.card.done', { code });
      }}
      onClose={onClose}
    >
      <Form layout="vertical">
        <Form.Item label={t('incidentOrders.card.order')}>
          <Select<number>
            autoFocus
            showSearch={{ filterOption: false, onSearch: setSearch }}
            placeholder={t('incidentOrders.card.placeholder')}
            notFoundContent={text.length >= 2 ? t('incidentOrders.card.none') : t('incidentOrders.card.hint')}
            loading={found.isFetching}
            value={orderId}
            onChange={setOrderId}
            data-testid="incident-link-order-search"
            options={rows.map((o) => ({
              value: o.id,
              // An order belongs to one incident at most: a linked one is shown, not offered.
              disabled: o.incidentId !== null,
              label: `${o.code} ${o.title}${o.incidentId !== null ? `（${t('incidentOrders.card.alreadyLinked')}）` : ''}`,
            }))}
          />
        </Form.Item>
      </Form>
    </LinkModal>
  );
}
