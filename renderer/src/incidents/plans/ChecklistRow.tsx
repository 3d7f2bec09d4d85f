import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined } from '@ant-design/icons';
import { Button, Flex, Input, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PLAN_LIMITS } from '../../../../common/domain/incidents';
import type { DraftItem } from './draft';

/** One checklist item: its number, its text, up, down, remove, and its problem below. */
export function ChecklistRow({
  item,
  index: i,
  last,
  error,
  onText,
  onMove,
  onRemove,
}: {
  item: DraftItem;
  index: number;
  last: boolean;
  error: string | undefined;
  onText: (text: string) => void;
  onMove: (to: number) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div data-testid="plan-checklist-item" data-key={item.key}>
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
            onText(e.target.value);
          }}
        />
        <Tooltip title={t('incidentPlans.moveUp')}>
          <Button
            icon={<ArrowUpOutlined />}
            disabled={i === 0}
            aria-label={t('incidentPlans.moveUp')}
            data-testid="plan-checklist-up"
            onClick={() => {
              onMove(i - 1);
            }}
          />
        </Tooltip>
        <Tooltip title={t('incidentPlans.moveDown')}>
          <Button
            icon={<ArrowDownOutlined />}
            disabled={last}
            aria-label={t('incidentPlans.moveDown')}
            data-testid="plan-checklist-down"
            onClick={() => {
              onMove(i + 1);
            }}
          />
        </Tooltip>
        <Tooltip title={t('incidentPlans.remove')}>
          <Button
            danger
            icon={<DeleteOutlined />}
            aria-label={t('incidentPlans.remove')}
            data-testid="plan-checklist-remove"
            onClick={onRemove}
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
}
