import { Alert, Button, Card, Checkbox, Flex, Input, Popconfirm } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChecklistItem, HandoverSummary } from '../../../../../common/contract/duty-handover';
import { useApiMutation } from '../../../api';
import { useErrorText } from '../../../i18n/useDisplay';
import { hhmm } from '../../../../../common/domain/time';
import { formatDateTime } from '../../../time/dayjs';
import { useNow } from '../../../time/useNow';
import { useEntryLabels } from '../entryRef';
import { SummaryView } from './SummaryView';

interface Answer {
  done: boolean;
  note: string;
}

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
  const labels = useEntryLabels();
  const open = now >= opensAt;
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
      {draft.pendingAssigned.length > 0 && (
        <Card size="small" title={t('duty.handover.pending')}>
          <Flex vertical gap={4}>
            {draft.pendingAssigned.map((p) => (
              <Checkbox
                key={p.entryId}
                data-testid="handover-done-assigned"
                checked={done.includes(p.entryId)}
                onChange={(e) => {
                  setDone((d) => (e.target.checked ? [...d, p.entryId] : d.filter((id) => id !== p.entryId)));
                }}
              >
                {t('duty.handover.markDone')}：{labels.assigned(p, draft.shift)} {formatDateTime(p.at)} {p.text}
              </Checkbox>
            ))}
          </Flex>
        </Card>
      )}
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
      {!open && (
        // Not a button that fails: when the handover opens, and why not yet.
        <Alert
          type="info"
          showIcon
          data-testid="handover-opens-at"
          data-opens-at={opensAt}
          title={t('duty.turn.opensAt', { at: hhmm(opensAt) })}
          description={t('duty.turn.opensAtNote', { minutes: Math.round((shiftEndsAt - opensAt) / 60_000) })}
        />
      )}
      {open && (
        <div>
          <Popconfirm
            title={t('duty.handover.startConfirm')}
            okButtonProps={{ 'data-testid': 'handover-start-confirm' }}
            onConfirm={() => {
              start.mutate({
                shiftId,
                checklist: checklist.map((item) => ({ id: item.id, ...answer(item.id) })),
                notes,
                doneAssigned: done,
              });
            }}
          >
            <Button type="primary" loading={start.isPending} data-testid="handover-start">
              {t('duty.handover.start')}
            </Button>
          </Popconfirm>
        </div>
      )}
    </Flex>
  );
}
