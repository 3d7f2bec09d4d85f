import { Empty, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DutyLogEntry } from '../../../../../common/contract/duty-log';
import { EntryItem } from './EntryItem';

/**
 * The entries of a shift, oldest first, as written: corrections stand as entries of their own and
 * both ends of a correction say so; system entries are marked. Entries cannot be edited or removed.
 */
export function EntryList({
  entries,
  shiftStartsAt,
  onCorrect,
}: {
  entries: readonly DutyLogEntry[];
  /** The shift's start: entries written before it were written during the previous shift's handover. */
  shiftStartsAt: number;
  /** Absent when the shift takes no more entries. */
  onCorrect?: (entry: DutyLogEntry) => void;
}) {
  const { t } = useTranslation();
  if (entries.length === 0) return <Empty description={t('duty.log.empty')} image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  return (
    <Flex vertical gap={8} data-testid="duty-entries">
      {entries.map((e) => (
        <EntryItem key={e.id} entry={e} shiftStartsAt={shiftStartsAt} onCorrect={onCorrect} />
      ))}
    </Flex>
  );
}
