import { Alert, Card, Flex, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DutyLogEntry } from '../../../../../common/contract/duty-log';
import { useApiQuery } from '../../../api';
import { useErrorText } from '../../../i18n/useDisplay';
import { useNow } from '../../../time/useNow';
import { hhmm } from '../../../../../common/domain/time';
import { useDutyNames } from '../roster/useDutyNames';
import { useShiftRange } from '../shiftLabel';
import { EntryComposer } from './EntryComposer';
import { EntryList } from './EntryList';

/** The log of the shift that takes entries now (the current one, or the next once it is handed over). */
export function DutyLogTab() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const range = useShiftRange();
  const current = useApiQuery('duty.log.current', {});
  const pattern = useApiQuery(
    'duty.pattern.get',
    { orgUnitId: current.data?.shift.orgUnitId ?? '' },
    { enabled: current.data !== undefined },
  );
  const [correcting, setCorrecting] = useState<DutyLogEntry | null>(null);
  const now = useNow(30_000);
  const names = useDutyNames();
  if (current.error) {
    return <Alert type="error" showIcon title={t('duty.log.loadFailed', { message: errorText(current.error) })} />;
  }
  if (!current.data) return <Skeleton active />;
  const { shift, entries } = current.data;
  const named = pattern.data?.shifts.find((s) => s.code === shift.code);
  // The pattern has both names: the UI language's, not always the Chinese.
  const shiftName = named ? names.name(named) : shift.code;
  // During an early handover entries already go to the next shift; it is not on duty before it starts.
  const upcoming = now < shift.startsAt;
  const startsAt = hhmm(shift.startsAt);
  return (
    <Flex vertical gap={12}>
      <Card size="small">
        <Flex gap={12} align="center" wrap>
          <Typography.Text strong data-testid="duty-log-shift">
            {t('duty.log.shift', { shift: shiftName, range: range(shift) })}
          </Typography.Text>
          <Tag
            color={upcoming ? 'orange' : 'green'}
            data-testid="duty-log-status"
            data-status={upcoming ? 'upcoming' : shift.status}
          >
            {upcoming ? t('duty.turn.upcoming', { at: startsAt }) : t(`duty.status.${shift.status}`)}
          </Tag>
        </Flex>
        {upcoming && (
          <Typography.Paragraph type="secondary" style={{ margin: '6px 0 0' }} data-testid="duty-log-upcoming">
            {t('duty.turn.upcomingNote')}
          </Typography.Paragraph>
        )}
      </Card>
      <Card size="small">
        <EntryComposer
          key={correcting?.id ?? 'new'}
          correcting={correcting}
          onDone={() => {
            setCorrecting(null);
          }}
        />
      </Card>
      <EntryList entries={entries} shiftStartsAt={shift.startsAt} onCorrect={setCorrecting} />
    </Flex>
  );
}
