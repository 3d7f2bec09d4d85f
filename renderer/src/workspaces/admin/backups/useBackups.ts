import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiMutation, useApiQuery } from '../../../api';
import { useErrorText } from '../../../i18n/useDisplay';

/** The backups' state (polled: no event announces a scheduled run), "back up now" and "check again". */
export function useBackups() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const status = useApiQuery('admin.backups.status', {}, { staleTime: 0, refetchInterval: 15_000 });
  const run = useApiMutation('admin.backups.run', {
    invalidates: ['admin.backups.status'],
    onSuccess: (entry) => {
      void message.success(t('backups.done', { name: entry.name }));
    },
    onError: (error) => {
      void message.error(errorText(error));
      // The failure is in the status now.
      void status.refetch();
    },
  });
  const verify = useApiMutation('admin.backups.verify', {
    invalidates: ['admin.backups.status'],
    onSuccess: (entry) => {
      void message.success(t('backups.verifiedOk', { name: entry.name }));
    },
    onError: (error) => {
      void message.error(errorText(error));
      void status.refetch();
    },
  });
  return { status, run, verify };
}
