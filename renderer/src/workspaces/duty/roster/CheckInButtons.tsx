import { LoginOutlined, LogoutOutlined } from '@ant-design/icons';
import { App, Button, Popconfirm, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OnDuty } from '../../../../../common/contract';
import { useApiMutation } from '../../../api';
import { useErrorText } from '../../../i18n/useDisplay';
import { useDutyNames } from './useDutyNames';

const STALE_AFTER_CHECKIN = ['duty.onDuty', 'duty.roster.week', 'duty.roster.month'] as const;

/**
 * 签到 / 签退 for the signed-in user, offered exactly when the hub would accept them (`onDuty.mine`):
 * check-in from 30 minutes before the shift, check-out until 2 hours after it.
 */
export function CheckInButtons({ mine }: { mine: OnDuty['mine'] }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const names = useDutyNames();
  const onError = (error: Parameters<typeof errorText>[0]) => {
    void message.error(errorText(error));
  };
  const checkIn = useApiMutation('duty.checkIn', {
    invalidates: STALE_AFTER_CHECKIN,
    onSuccess: () => {
      void message.success(t('roster.check.inDone'));
    },
    onError,
  });
  const checkOut = useApiMutation('duty.checkOut', {
    invalidates: STALE_AFTER_CHECKIN,
    onSuccess: () => {
      void message.success(t('roster.check.outDone'));
    },
    onError,
  });
  const label = (m: NonNullable<OnDuty['mine']['checkIn']>) => `${names.name(m.shift)} ${names.hours(m.shift)}`;
  return (
    <>
      {mine.checkIn && (
        <Tooltip title={t('roster.check.inTitle', { shift: label(mine.checkIn) })}>
          <Button
            size="small"
            type="primary"
            icon={<LoginOutlined />}
            loading={checkIn.isPending}
            data-testid="check-in"
            data-shift={mine.checkIn.shift.code}
            onClick={() => {
              checkIn.mutate({});
            }}
          >
            {t('roster.check.in')}
          </Button>
        </Tooltip>
      )}
      {mine.checkOut && (
        <Popconfirm
          title={t('roster.check.outConfirm', { shift: label(mine.checkOut) })}
          okText={t('roster.check.out')}
          cancelText={t('common.cancel')}
          okButtonProps={{ 'data-testid': 'check-out-confirm' }}
          onConfirm={() => {
            checkOut.mutate({});
          }}
        >
          <Button
            size="small"
            icon={<LogoutOutlined />}
            loading={checkOut.isPending}
            data-testid="check-out"
            data-shift={mine.checkOut.shift.code}
          >
            {t('roster.check.out')}
          </Button>
        </Popconfirm>
      )}
    </>
  );
}
