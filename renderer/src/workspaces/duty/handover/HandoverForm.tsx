import { Alert, Button, Card, Flex, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChecklistItem, HandoverSummary } from '../../../../../common/contract/duty-handover';
import { useApiMutation } from '../../../api';
import { useErrorText } from '../../../i18n/useDisplay';
import { useNow } from '../../../time/useNow';
import { HandoverChecklistCard, type ChecklistAnswer as Answer } from './HandoverChecklistCard';
import { PendingAssignedCard } from './PendingAssignedCard';
import { HandoverStart } from './HandoverStart';
import { SummaryView } from './SummaryView';

/**
 * Before the handover starts: the draft summary the hub generated, and what the outgoing chief
 * adds to it — the checklist, the 交办事项 done this shift, notes. Starting freezes all of it.
 */
export function HandoverForm({
  shiftId,
  opensAt,
  shiftEndsAt,
  draft,
  checklist,
  onRefresh,
  refreshing,
}: {
  shiftId: number;
  /** The handover may be started from this time (before the shift's end) on. */
  opensAt: number;
  shiftEndsAt: number;
  draft: HandoverSummary;
  checklist: readonly ChecklistItem[];
  onRefresh: () => void;
  refreshing: boolean;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [answers, setAnswers] = useState<Record<string, Answer>>({});
  const [done, setDone] = useState<number[]>([]);
  const [notes, setNotes] = useState('');
  const start = useApiMutation('duty.handover.start', {
    invalidates: ['duty.handover.current', 'duty.handover.preview', 'duty.log.current'],
  });
  const now = useNow(15_000);
  const answer = (id: string): Answer => answers[id] ?? { done: false, note: '' };
  const setAnswer = (id: string, patch: Partial<Answer>) => {
    setAnswers((a) => ({ ...a, [id]: { ...answer(id), ...patch } }));
  };
  return (
    <Flex vertical gap={12}>
      <Card
        size="small"
        title={t('duty.handover.draft')}
        extra={
          <Button size="small" onClick={onRefresh} loading={refreshing} data-testid="handover-refresh">
            {t('duty.handover.refresh')}
          </Button>
        }
      >
        <SummaryView summary={draft} showInputs={false} />
      </Card>
      <PendingAssignedCard draft={draft} done={done} setDone={setDone} />
      <HandoverChecklistCard checklist={checklist} answer={answer} setAnswer={setAnswer} />
      <Card size="small" title={t('duty.handover.notes')}>
        <Input.TextArea
          data-testid="handover-notes-input"
          value={notes}
          maxLength={4000}
          autoSize={{ minRows: 2, maxRows: 8 }}
          placeholder={t('duty.handover.notesPlaceholder')}
          onChange={(e) => {
            setNotes(e.target.value);
          }}
        />
      </Card>
      {start.error && <Alert type="error" showIcon title={errorText(start.error)} data-testid="handover-error" />}
      <HandoverStart
        open={now >= opensAt}
        opensAt={opensAt}
        shiftEndsAt={shiftEndsAt}
        loading={start.isPending}
        onConfirm={() => {
          start.mutate({
            shiftId,
            checklist: checklist.map((item) => ({ id: item.id, ...answer(item.id) })),
            notes,
            doneAssigned: done,
          });
        }}
      />
    </Flex>
  );
}
