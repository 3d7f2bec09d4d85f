import { Alert, Card, Flex, Skeleton, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../../api';
import { useErrorText } from '../../../i18n/useDisplay';
import { formatDateTime } from '../../../time/dayjs';
import { useDutyNames } from '../roster/useDutyNames';
import { useShiftRange } from '../shiftLabel';
import { ChecklistEditor } from './ChecklistEditor';
import { HandoverForm } from './HandoverForm';
import { RecentSealed } from './RecentSealed';
import { ReportButton } from './ReportButton';
import { SealInfo } from './SealInfo';
import { SignPanel } from './SignPanel';
import { SummaryView } from './SummaryView';

const STATUS_COLORS = { open: 'green', handover: 'orange', sealed: 'blue' } as const;

/**
 * 交接班: the shift to hand over now, in one of three steps — draft (start freezes the summary),
 * signing (both chiefs re-enter their passwords; the second signature seals), sealed (report).
 */
export function HandoverTab() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const range = useShiftRange();
  const current = useApiQuery('duty.handover.current', {});
  const status = current.data?.shift.status;
  const preview = useApiQuery('duty.handover.preview', {}, { enabled: status === 'open' });
  const checklist = useApiQuery('duty.checklist.get', {}, { enabled: status === 'open' });
  // The hub names the shift in Chinese; the unit's pattern has the UI language's name too.
  const unitId = current.data?.shift.orgUnitId ?? '';
  const pattern = useApiQuery('duty.pattern.get', { orgUnitId: unitId }, { enabled: unitId !== '' });
  const names = useDutyNames();
  if (current.error) return <Alert type="error" showIcon title={errorText(current.error)} />;
  if (!current.data) return <Skeleton active />;
  const state = current.data;
  const { shift } = state;
  const draftError = preview.error ?? checklist.error;
  return (
    <Flex vertical gap={12}>
      <Card size="small">
        <Flex gap={12} align="center" wrap>
          <Typography.Text strong data-testid="handover-shift">
            {t('duty.handover.shiftTitle', {
              shift: ((s) => (s ? names.name(s) : state.shiftName))(
                pattern.data?.shifts.find((s) => s.code === shift.code),
              ),
              range: range(shift),
            })}
          </Typography.Text>
          <Tag color={STATUS_COLORS[shift.status]} data-testid="handover-status" data-status={shift.status}>
            {t(`duty.status.${shift.status}`)}
          </Tag>
          {state.startedBy && (
            <Typography.Text type="secondary">
              {t('duty.handover.started', { name: state.startedBy.userName, at: formatDateTime(state.startedBy.at) })}
            </Typography.Text>
          )}
          <Typography.Text type="secondary" data-testid="handover-next">
            {state.next
              ? state.next.chiefs.length > 0
                ? t('duty.turn.next', {
                    shift: `${state.next.date} ${state.next.name}`,
                    chiefs: state.next.chiefs.map((c) => c.userName).join('、'),
                  })
                : t('duty.turn.nextNone', { shift: `${state.next.date} ${state.next.name}` })
              : t('duty.turn.noNext')}
          </Typography.Text>
          <span style={{ flex: 1 }} />
          {shift.status === 'open' && <ChecklistEditor />}
          <ReportButton shiftId={shift.id} />
        </Flex>
      </Card>
      {shift.status === 'open' &&
        (draftError ? (
          <Alert type="error" showIcon title={errorText(draftError)} />
        ) : preview.data && checklist.data ? (
          <HandoverForm
            key={shift.id}
            shiftId={shift.id}
            opensAt={state.window.opensAt}
            shiftEndsAt={shift.endsAt}
            draft={preview.data}
            checklist={checklist.data}
            refreshing={preview.isFetching}
            onRefresh={() => {
              void preview.refetch();
            }}
          />
        ) : (
          <Skeleton active />
        ))}
      {shift.status !== 'open' && state.summary && (
        <Card size="small" title={t('duty.handover.frozen')}>
          <SummaryView summary={state.summary} />
        </Card>
      )}
      {shift.status === 'handover' && <SignPanel state={state} />}
      {shift.status === 'sealed' && state.seal && (
        <Card size="small" title={t('duty.handover.sealed', { at: formatDateTime(state.seal.sealedAt) })}>
          <Flex vertical gap={8}>
            {state.signatures.map((s) => (
              <Typography.Text key={s.side} data-testid={`signed-${s.side}`}>
                {t(`duty.handover.${s.side}`)}：
                {t('duty.handover.signedBy', { name: s.userName, at: formatDateTime(s.signedAt) })}
              </Typography.Text>
            ))}
            <SealInfo seal={state.seal} />
          </Flex>
        </Card>
      )}
      <RecentSealed />
    </Flex>
  );
}
