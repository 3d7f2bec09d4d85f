import { Card, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { HandoverState } from '../../../../../common/contract/duty-handover';
import { useApiQuery } from '../../../api';
import { formatDateTime } from '../../../time/dayjs';
import { useDutyNames } from '../roster/useDutyNames';
import { useShiftRange } from '../shiftLabel';
import { ChecklistEditor } from './ChecklistEditor';
import { ReportButton } from './ReportButton';

const STATUS_COLORS = { open: 'green', handover: 'orange', sealed: 'blue' } as const;

/** The shift being handed over: its name and hours, step, who started, who takes over next. */
export function HandoverHeader({ state }: { state: HandoverState }) {
  const { t } = useTranslation();
  const range = useShiftRange();
  const { shift } = state;
  // The hub names the shift in Chinese; the unit's pattern has the UI language's name too.
  const unitId = shift.orgUnitId;
  const pattern = useApiQuery('duty.pattern.get', { orgUnitId: unitId }, { enabled: unitId !== '' });
  const names = useDutyNames();
  return (
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
  );
}
