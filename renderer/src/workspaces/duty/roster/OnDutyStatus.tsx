import { ScheduleOutlined } from '@ant-design/icons';
import { Popover } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodName } from '../../../../../common/contract';
import { CHIEF_POST } from '../../../../../common/domain/duty/roster';
import { useApiQuery } from '../../../api';
import { useUser } from '../../../stores/session';
import { useNow } from '../../../time/useNow';
import { CheckInButtons } from './CheckInButtons';
import { latePeople } from './lateness';
import { LateBadge } from './LateBadge';
import { OnDutyChief } from './OnDutyChief';
import { OnDutyPopover } from './OnDutyPopover';
import { useDutyChanged } from './useDutyChanged';
import { useDutyNames } from './useDutyNames';
import { useMissingCheckInAlerts } from './useMissingCheckInAlerts';
import { useRosterAccess } from './useRosterAccess';
import { useTurnoverRefetch } from './useTurnoverRefetch';

const WATCHED: readonly MethodName[] = ['duty.onDuty'];
/** Check-in opens 30 minutes before a shift: a minute's refresh shows the button in time. */
const REFRESH_MS = 60_000;

/**
 * The status bar's on-duty element: the current shift of the user's unit and its chief; hover or
 * click for every post and who is on it; 签到/签退 when the user is rostered; and, for the chief
 * and the unit's roster editors, a red count of people not checked in 10 minutes into the shift.
 */
export function OnDutyStatus() {
  const { t } = useTranslation();
  const user = useUser();
  const access = useRosterAccess();
  const names = useDutyNames();
  const now = useNow(30_000);
  const query = useApiQuery('duty.onDuty', {}, { refetchInterval: REFRESH_MS });
  const onDuty = query.data;
  const { refetch } = query;
  useDutyChanged(WATCHED);
  useMissingCheckInAlerts(onDuty);

  useTurnoverRefetch(onDuty?.shift?.endsAt, refetch);

  const late = useMemo(() => latePeople(onDuty, now), [onDuty, now]);
  const lateIds = useMemo(() => new Set(late.map((e) => e.id)), [late]);
  if (!onDuty) return null;

  const { shift, chief } = onDuty;
  const chiefPost = onDuty.posts.find((p) => p.code === CHIEF_POST.center || p.code === CHIEF_POST.station);
  const watches = chief?.userId === user.id || access.canEditRoster(user.orgUnitId);
  const showLate = watches && late.length > 0;
  return (
    <>
      <Popover
        trigger={['hover', 'click']}
        placement="topLeft"
        title={
          shift
            ? t('roster.status.popoverTitle', { shift: names.name(shift), date: shift.date, hours: names.hours(shift) })
            : t('roster.status.title')
        }
        content={<OnDutyPopover onDuty={onDuty} lateIds={lateIds} />}
      >
        <span
          role="button"
          tabIndex={0}
          data-testid="on-duty-status"
          data-shift={shift?.code ?? ''}
          data-late={showLate ? late.length : 0}
          style={{ display: 'inline-flex', alignItems: 'center', gap: 8, cursor: 'pointer' }}
        >
          <ScheduleOutlined />
          <span data-testid="on-duty-shift" data-shift={shift?.code ?? ''}>
            {shift ? `${names.name(shift)} ${names.hours(shift)}` : t('roster.status.noShift')}
          </span>
          {shift && <OnDutyChief chief={chief} chiefPost={chiefPost} />}
          {showLate && <LateBadge late={late} />}
        </span>
      </Popover>
      <CheckInButtons mine={onDuty.mine} />
    </>
  );
}
