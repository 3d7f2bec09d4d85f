import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Input, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PLAN_LIMITS } from '../../../../common/domain/incidents';
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
      {items.map((item, i) => {
        const error = errors.get(i);
        return (
          <div key={item.id} data-testid="plan-checklist-item" data-key={item.key}>
            <Flex gap={4} align="center">
              <Typography.Text type="secondary" className="tabular" style={{ width: 24, textAlign: 'right' }}>
                {i + 1}.
              </Typography.Text>
              <Input
                value={item.text}
                maxLength={PLAN_LIMITS.textMax + 20}
                status={error ? 'error' : undefined}
                placeholder={t('incidentPlans.itemPlaceholder')}
                aria-label={t('incidentPlans.checklist')}
                data-testid="plan-checklist-text"
                onChange={(e) => {
                  onChange(items.map((c, j) => (j === i ? { ...c, text: e.target.value } : c)));
                }}
              />
              <Tooltip title={t('incidentPlans.moveUp')}>
                <Button
                  icon={<ArrowUpOutlined />}
                  disabled={i === 0}
                  aria-label={t('incidentPlans.moveUp')}
                  data-testid="plan-checklist-up"
                  onClick={() => {
                    move(i, i - 1);
                  }}
                />
              </Tooltip>
              <Tooltip title={t('incidentPlans.moveDown')}>
                <Button
                  icon={<ArrowDownOutlined />}
                  disabled={i === items.length - 1}
                  aria-label={t('incidentPlans.moveDown')}
                  data-testid="plan-checklist-down"
                  onClick={() => {
                    move(i, i + 1);
                  }}
                />
              </Tooltip>
              <Tooltip title={t('incidentPlans.remove')}>
                <Button
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={t('incidentPlans.remove')}
                  data-testid="plan-checklist-remove"
                  onClick={() => {
                    onChange(items.filter((_, j) => j !== i));
                  }}
                />
              </Tooltip>
            </Flex>
            {error && (
              <Typography.Text type="danger" style={{ marginLeft: 28 }} data-testid="plan-checklist-error">
                {error}
              </Typography.Text>
            )}
          </div>
        );
      })}
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
