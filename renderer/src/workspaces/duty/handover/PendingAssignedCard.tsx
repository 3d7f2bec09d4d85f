import { Card, Checkbox, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import type { HandoverSummary } from '../../../../../common/contract/duty-handover';
import { formatDateTime } from '../../../time/dayjs';
import { useEntryLabels } from '../entryRef';

/** The 交办事项 still open: the outgoing chief ticks those done this shift. */
export function PendingAssignedCard({
  draft,
  done,
  setDone,
}: {
  draft: HandoverSummary;
  done: readonly number[];
  setDone: (update: (done: number[]) => number[]) => void;
}) {
  const { t } = useTranslation();
  const labels = useEntryLabels();
  if (draft.pendingAssigned.length === 0) return null;
  return (
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
  );
}
