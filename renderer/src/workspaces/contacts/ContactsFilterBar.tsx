import { Flex, Input, Segmented, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ContactKind } from '../../../../common/domain/contacts';
import { useUnitOptions } from './useUnitOptions';

export type KindChoice = 'all' | ContactKind;

/** Search text, kind and unit, and how many contacts match (and how many are shown when capped). */
export function ContactsFilterBar({
  kind,
  setKind,
  setText,
  orgUnitId,
  setOrgUnitId,
  total,
  shown,
}: {
  kind: KindChoice;
  setKind: (kind: KindChoice) => void;
  setText: (text: string) => void;
  orgUnitId: string | undefined;
  setOrgUnitId: (id: string | undefined) => void;
  /** Undefined until the first answer. */
  total: number | undefined;
  shown: number;
}) {
  const { t } = useTranslation();
  const units = useUnitOptions();
  return (
    <Flex align="center" gap={12} wrap style={{ marginBottom: 12 }}>
      <Input.Search
        allowClear
        placeholder={t('contacts.search')}
        style={{ maxWidth: 340 }}
        data-testid="contact-search"
        onChange={(e) => {
          setText(e.target.value);
        }}
      />
      <Segmented<KindChoice>
        value={kind}
        onChange={setKind}
        data-testid="contact-kind-filter"
        options={(['all', 'department', 'person'] as const).map((v) => ({
          value: v,
          label: t(`contacts.kind.${v}`),
        }))}
      />
      <Select<string>
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('contacts.unitFilter')}
        style={{ width: 240 }}
        loading={units.loading}
        options={units.options}
        value={orgUnitId}
        onChange={setOrgUnitId}
        data-testid="contact-unit-filter"
      />
      {total !== undefined && (
        <Typography.Text type="secondary" data-testid="contact-count" data-count={total}>
          {total > shown ? t('contacts.truncated', { total, count: shown }) : t('contacts.count', { count: total })}
        </Typography.Text>
      )}
    </Flex>
  );
}
