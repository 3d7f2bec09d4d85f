import { Card, Checkbox, Flex, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ChecklistItem } from '../../../../../common/contract/duty-handover';

export interface ChecklistAnswer {
  done: boolean;
  note: string;
}

/** The unit's handover checklist: each item ticked or not, with a note. */
export function HandoverChecklistCard({
  checklist,
  answer,
  setAnswer,
}: {
  checklist: readonly ChecklistItem[];
  answer: (id: string) => ChecklistAnswer;
  setAnswer: (id: string, patch: Partial<ChecklistAnswer>) => void;
}) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('duty.handover.checklist')}>
      <Flex vertical gap={6} data-testid="handover-checklist">
        {checklist.map((item) => (
          <Flex key={item.id} gap={8} align="center" wrap>
            <Checkbox
              data-testid="handover-check-input"
              checked={answer(item.id).done}
              onChange={(e) => {
                setAnswer(item.id, { done: e.target.checked });
              }}
              style={{ minWidth: 320 }}
            >
              {item.label}
            </Checkbox>
            <Input
              size="small"
              style={{ maxWidth: 320 }}
              maxLength={200}
              placeholder={t('duty.handover.checklistNote')}
              value={answer(item.id).note}
              onChange={(e) => {
                setAnswer(item.id, { note: e.target.value });
              }}
            />
          </Flex>
        ))}
      </Flex>
    </Card>
  );
}
