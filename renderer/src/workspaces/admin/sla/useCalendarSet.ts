import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiMutation } from '../../../api';
import { useErrorText } from '../../../i18n/useDisplay';

/** The one call that marks a day holiday / workday / normal (normal removes the exception). */
export function useCalendarSet() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  return useApiMutation('sla.calendar.set', {
    invalidates: ['sla.calendar.list'],
    onSuccess: () => {
      void message.success(t('common.saved'));
    },
    onError: (error) => {
      void message.error(errorText(error));
    },
  });
}

export type CalendarSet = ReturnType<typeof useCalendarSet>;
