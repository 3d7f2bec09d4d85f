import { Alert, Card, Flex, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../../api';
import { useErrorText } from '../../../i18n/useDisplay';
import { HandoverForm } from './HandoverForm';
import { HandoverHeader } from './HandoverHeader';
import { RecentSealed } from './RecentSealed';
import { SealedCard } from './SealedCard';
import { SignPanel } from './SignPanel';
import { SummaryView } from './SummaryView';

/**
 * 交接班: the shift to hand over now, in one of three steps — draft (start freezes the summary),
 * signing (both chiefs re-enter their passwords; the second signature seals), sealed (report).
 */
export function HandoverTab() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const current = useApiQuery('duty.handover.current', {});
  const status = current.data?.shift.status;
  const preview = useApiQuery('duty.handover.preview', {}, { enabled: status === 'open' });
  const checklist = useApiQuery('duty.checklist.get', {}, { enabled: status === 'open' });
  if (current.error) return <Alert type="error" showIcon title={errorText(current.error)} />;
  if (!current.data) return <Skeleton active />;
  const state = current.data;
  const { shift } = state;
  const draftError = preview.error ?? checklist.error;
  return (
    <Flex vertical gap={12}>
      <HandoverHeader state={state} />
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
      {shift.status === 'sealed' && state.seal && <SealedCard state={state} seal={state.seal} />}
      <RecentSealed />
    </Flex>
  );
}
