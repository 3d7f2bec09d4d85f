import { DeleteOutlined } from '@ant-design/icons';
import { Button, Flex, Select, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contact } from '../../../../common/contract';
import { PLAN_LIMITS } from '../../../../common/domain/incidents';
import { useApiQuery } from '../../api';
import { useDebounced } from '../../components/useDebounced';

/** One line of a contact: name, title, department, number. */
export function contactLine(c: Contact): string {
  return [c.name, c.title, c.parentName ?? c.orgUnitName, c.phone ?? c.mobile].filter(Boolean).join(' · ');
}

/** Whom to notify at one level, picked from the 通讯录 (contacts.search); `known` resolves the ids. */
export function NotifyEditor({
  ids,
  known,
  errors,
  onChange,
}: {
  ids: readonly number[];
  known: ReadonlyMap<number, Contact>;
  errors: ReadonlyMap<number, string>;
  onChange: (ids: number[]) => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const settled = useDebounced(text.trim(), 250);
  const found = useApiQuery('contacts.search', settled ? { text: settled } : {}, {
    placeholderData: (previous) => previous,
  });
  const options = (found.data?.rows ?? [])
    .filter((c) => !ids.includes(c.id))
    .slice(0, 50)
    .map((c) => ({ value: c.id, label: contactLine(c) }));
  return (
    <Flex vertical gap={6} data-testid="plan-notify">
      {ids.length === 0 && <Typography.Text type="secondary">{t('incidentPlans.notifyEmpty')}</Typography.Text>}
      {ids.map((id, i) => {
        const contact = known.get(id);
        const error = errors.get(i);
        return (
          <Flex key={id} gap={8} align="center" data-testid="plan-notify-item" data-contact-id={id}>
            {contact ? (
              <span>
                <Typography.Text strong>{contact.name}</Typography.Text>{' '}
                <Typography.Text type="secondary">
                  {[contact.title, contact.parentName ?? contact.orgUnitName].filter(Boolean).join(' · ')}
                </Typography.Text>{' '}
                <Typography.Text className="tabular">{contact.phone ?? contact.mobile ?? ''}</Typography.Text>
              </span>
            ) : (
              <Tag color="red">{t('incidentPlans.notifyMissing', { id })}</Tag>
            )}
            {error && <Typography.Text type="danger">{error}</Typography.Text>}
            <Tooltip title={t('incidentPlans.remove')}>
              <Button
                size="small"
                danger
                icon={<DeleteOutlined />}
                aria-label={t('incidentPlans.remove')}
                data-testid="plan-notify-remove"
                onClick={() => {
                  onChange(ids.filter((x) => x !== id));
                }}
              />
            </Tooltip>
          </Flex>
        );
      })}
      <Select<number>
        showSearch={{ filterOption: false, onSearch: setText }}
        value={null}
        placeholder={t('incidentPlans.notifyAdd')}
        loading={found.isFetching}
        options={options}
        disabled={ids.length >= PLAN_LIMITS.notifyMax}
        onChange={(id) => {
          setText('');
          if (!ids.includes(id)) onChange([...ids, id]);
        }}
        style={{ maxWidth: 480 }}
        data-testid="plan-notify-add"
      />
    </Flex>
  );
}
