import { useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventPayload, OnDuty } from '../../../../../common/contract';
import { methodKey, useApi } from '../../../api';
import { formatDateTime } from '../../../time/dayjs';
import { postName, useDutyNames } from './useDutyNames';

type Missing = EventPayload<'duty.missingCheckIn'>;

const keyOf = (m: Pick<Missing, 'orgUnitId' | 'date' | 'shiftCode' | 'userId'>) =>
  `duty-missing|${m.orgUnitId}|${m.date}|${m.shiftCode}|${m.userId}`;

/**
 * The hub tells a shift's chief when someone rostered has not checked in 10 minutes into the
 * shift. Shows it as a notification that stays until closed or until that person checks in (seen
 * in `onDuty`, refetched on `duty.changed`).
 */
export function useMissingCheckInAlerts(onDuty: OnDuty | undefined): void {
  const { t } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const { notification } = App.useApp();
  const names = useDutyNames();
  const shown = useRef(new Map<string, Missing>());
  // The latest roster, read when an alert arrives without re-subscribing on every refetch.
  const latest = useRef(onDuty);
  useEffect(() => {
    latest.current = onDuty;
  }, [onDuty]);

  useEffect(
    () =>
      api.subscribe('duty.missingCheckIn', (m) => {
        const current = latest.current;
        const shift = current?.shift?.code === m.shiftCode && current.shift.date === m.date ? current.shift : null;
        const key = keyOf(m);
        shown.current.set(key, m);
        notification.warning({
          key,
          duration: false,
          title: t('roster.missing.title'),
          description: t('roster.missing.body', {
            name: m.userName,
            post: postName(current?.posts ?? [], m.postCode, names.name),
            shift: shift ? `${names.name(shift)} ${names.hours(shift)}` : `${m.date} ${m.shiftCode}`,
            time: formatDateTime(m.startsAt).slice(11, 16),
          }),
          props: { 'data-testid': 'missing-checkin-notice' },
        });
        void queryClient.invalidateQueries({ queryKey: methodKey('duty.onDuty') });
      }),
    [api, notification, queryClient, names, t],
  );

  // Checked in since (or the shift is over): the alert has done its job.
  useEffect(() => {
    if (!onDuty) return;
    for (const [key, m] of shown.current) {
      const sameShift = onDuty.shift?.date === m.date && onDuty.shift.code === m.shiftCode;
      const entry = onDuty.posts.flatMap((p) => p.people).find((e) => e.userId === m.userId);
      if (!sameShift || (entry && entry.checkedInAt !== null)) {
        notification.destroy(key);
        shown.current.delete(key);
      }
    }
  }, [onDuty, notification]);
}
