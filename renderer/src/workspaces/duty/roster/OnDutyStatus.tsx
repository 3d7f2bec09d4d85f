import { CheckCircleFilled, ScheduleOutlined } from '@ant-design/icons';
import { Popover, Tooltip } from 'antd';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodName } from '../../../../../common/contract';
import { CHIEF_POST } from '../../../../../common/domain/duty/roster';
import { useApiQuery } from '../../../api';
import { useUser } from '../../../stores/session';
import { useNow } from '../../../time/useNow';
import { CheckInButtons } from './CheckInButtons';
import { latePeople } from './lateness';
import { OnDutyPopover } from './OnDutyPopover';
import { useDutyChanged } from './useDutyChanged';
import { useDutyNames } from './useDutyNames';
import { useMissingCheckInAlerts } from './useMissingCheckInAlerts';
import { useRosterAccess } from './useRosterAccess';

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

  // Turn over to the next shift the moment this one ends, not up to a minute later.
  const endsAt = onDuty?.shift?.endsAt;
  useEffect(() => {
    if (endsAt === undefined) return;
    const timer = setTimeout(() => void refetch(), Math.max(0, endsAt - Date.now()) + 1_000);
    return () => {
      clearTimeout(timer);
    };
  }, [endsAt, refetch]);

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
          {shift && (
            <span data-testid="on-duty-chief" data-user={chief?.userId ?? ''}>
              {chiefPost ? names.name(chiefPost) : t('roster.status.chief')}{' '}
              {chief ? (
                <span style={{ color: '#e3eaf4' }}>
                  {chief.userName}
                  {chief.checkedInAt !== null && (
                    <CheckCircleFilled
                      style={{ color: '#3aa57a', marginInlineStart: 4 }}
                      aria-label={t('roster.check.in')}
                    />
                  )}
                </span>
              ) : (
                <span style={{ color: '#d59b3a' }}>{t('roster.status.noChief')}</span>
              )}
            </span>
          )}
          {showLate && (
            <Tooltip title={t('roster.status.late', { names: late.map((e) => e.userName).join('、') })}>
              <span
                data-testid="on-duty-missing"
                data-count={late.length}
                style={{
                  minWidth: 18,
                  padding: '0 5px',
                  borderRadius: 9,
                  background: '#e5484d',
                  color: '#fff',
                  fontSize: 12,
                  lineHeight: '18px',
                  textAlign: 'center',
                }}
              >
                {t('roster.status.lateCount', { n: late.length })}
              </span>
            </Tooltip>
          )}
        </span>
      </Popover>
      <CheckInButtons mine={onDuty.mine} />
    </>
  );
}
