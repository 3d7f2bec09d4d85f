import { Card, Flex, List, Select, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PlanDto } from '../../../../common/contract';
import { INCIDENT_TYPES, INCIDENT_TYPE_NAMES } from '../../../../common/domain/incidents';
import { useBilingual } from '../../i18n/useDisplay';
import { formatDateTime } from '../../time/dayjs';
import { toDraft } from './draft';
import type { Editing } from './usePlanEditing';

/**
 * The plans, one per incident type (who changed each last), the one being edited marked; a type
 * without a plan of its own gets a new one started from the generic plan.
 */
export function PlanList({
  list,
  current,
  onOpen,
}: {
  list: PlanDto[];
  current: Editing | null;
  onOpen: (next: Editing) => void;
}) {
  const { t } = useTranslation();
  const pick = useBilingual();
  const generic = list.find((p) => p.type === 'generic');
  const missingTypes = INCIDENT_TYPES.filter((type) => !list.some((p) => p.type === type));
  const typeName = (type: PlanDto['type']) =>
    type === 'generic' ? t('incidentPlans.generic') : pick(INCIDENT_TYPE_NAMES[type]);
  return (
    <Card size="small" title={t('incidentPlans.list')}>
      <List<PlanDto>
        dataSource={list}
        data-testid="plan-list"
        renderItem={(p) => (
          <List.Item
            data-testid="plan-list-item"
            data-type={p.type}
            data-selected={current?.type === p.type}
            style={{
              cursor: 'pointer',
              paddingInline: 8,
              background: current?.type === p.type ? 'rgba(22,119,255,0.08)' : undefined,
            }}
            onClick={() => {
              if (current?.type !== p.type) onOpen({ type: p.type, base: toDraft(p), draft: toDraft(p) });
            }}
          >
            <Flex vertical>
              <Typography.Text strong>{p.name}</Typography.Text>
              <Typography.Text type="secondary">{typeName(p.type)}</Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {p.updatedByName
                  ? t('incidentPlans.updated', { by: p.updatedByName, at: formatDateTime(p.updatedAt).slice(0, 16) })
                  : t('incidentPlans.seeded')}
              </Typography.Text>
            </Flex>
          </List.Item>
        )}
      />
      {generic && missingTypes.length > 0 && (
        <Select<string>
          value={null}
          placeholder={t('incidentPlans.newForType')}
          style={{ width: '100%', marginTop: 8 }}
          data-testid="plan-new-type"
          options={missingTypes.map((type) => ({ value: type, label: typeName(type) }))}
          onChange={(value) => {
            const type = missingTypes.find((x) => x === value);
            if (!type) return;
            const draft = { ...toDraft(generic), type, name: t('incidentPlans.newName', { type: typeName(type) }) };
            onOpen({ type, base: null, draft });
          }}
        />
      )}
      {current?.base === null && (
        <Tag color="orange" style={{ marginTop: 8 }} data-testid="plan-new-unsaved">
          {t('incidentPlans.newUnsaved', { type: typeName(current.type) })}
        </Tag>
      )}
    </Card>
  );
}
