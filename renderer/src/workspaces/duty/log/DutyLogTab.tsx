import { Alert, Card, Flex, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DutyLogEntry } from '../../../../../common/contract/duty-log';
import { useApiQuery } from '../../../api';
import { useErrorText } from '../../../i18n/useDisplay';
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
  if (current.error) {
    return <Alert type="error" showIcon title={t('duty.log.loadFailed', { message: errorText(current.error) })} />;
  }
  if (!current.data) return <Skeleton active />;
  const { shift, entries } = current.data;
  const shiftName = pattern.data?.shifts.find((s) => s.code === shift.code)?.name ?? shift.code;
  return (
    <Flex vertical gap={12}>
      <Card size="small">
        <Flex gap={12} align="center" wrap>
          <Typography.Text strong data-testid="duty-log-shift">
            {t('duty.log.shift', { shift: shiftName, range: range(shift) })}
          </Typography.Text>
          <Tag color="green" data-testid="duty-log-status">
            {t(`duty.status.${shift.status}`)}
          </Tag>
        </Flex>
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
      <EntryList entries={entries} onCorrect={setCorrecting} />
    </Flex>
  );
}
