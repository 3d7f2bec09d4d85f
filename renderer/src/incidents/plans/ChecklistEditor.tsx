import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PLAN_LIMITS } from '../../../../common/domain/incidents';
import { ChecklistRow } from './ChecklistRow';
import { newItem, type DraftItem } from './draft';

/** The checklist of one level: add, edit the text, remove, reorder. `errors` by row index. */
export function ChecklistEditor({
  items,
  errors,
  onChange,
}: {
  items: readonly DraftItem[];
  errors: ReadonlyMap<number, string>;
  onChange: (items: DraftItem[]) => void;
}) {
  const { t } = useTranslation();
  const move = (from: number, to: number) => {
    const next = [...items];
    const [moved] = next.splice(from, 1);
    if (moved) next.splice(to, 0, moved);
    onChange(next);
  };
  return (
    <Flex vertical gap={6} data-testid="plan-checklist">
      {items.length === 0 && <Typography.Text type="secondary">{t('incidentPlans.checklistEmpty')}</Typography.Text>}
      {items.map((item, i) => (
        <ChecklistRow
          key={item.id}
          item={item}
          index={i}
          last={i === items.length - 1}
          error={errors.get(i)}
          onText={(text) => {
            onChange(items.map((c, j) => (j === i ? { ...c, text } : c)));
          }}
          onMove={(to) => {
            move(i, to);
          }}
          onRemove={() => {
            onChange(items.filter((_, j) => j !== i));
          }}
        />
      ))}
      <Button
        icon={<PlusOutlined />}
        type="dashed"
        disabled={items.length >= PLAN_LIMITS.checklistMax}
        data-testid="plan-checklist-add"
        onClick={() => {
          onChange([...items, newItem()]);
        }}
        style={{ alignSelf: 'flex-start' }}
      >
        {t('incidentPlans.addItem')}
      </Button>
    </Flex>
  );
}
