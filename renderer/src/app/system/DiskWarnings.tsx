import { App } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api';
import { formatBytes } from '../../components/formatBytes';

/**
 * Administrators: a notification when a disk of the hub's data or backups folder runs low on free space, and when
 * it is back to normal (system.diskWarning; the hub repeats a low disk every few hours while it stays low).
 */
export function DiskWarnings() {
  const api = useApi();
  const { t } = useTranslation();
  const { notification } = App.useApp();
  useEffect(
    () =>
      api.subscribe('system.diskWarning', (warning) => {
        const folders = warning.folders
          .map((f) => `${t(`diskWarning.folder.${f.folder}`)} ${f.path}`)
          .join(t('diskWarning.separator'));
        const values = { folders, free: formatBytes(warning.freeBytes), limit: formatBytes(warning.thresholdBytes) };
        // One notification per disk: its recovery replaces its warning.
        const key = `disk-${warning.folders.map((f) => f.folder).join('-')}`;
        const content = {
          key,
          title: t(warning.kind === 'low' ? 'diskWarning.lowTitle' : 'diskWarning.recoveredTitle'),
          description: t(warning.kind === 'low' ? 'diskWarning.low' : 'diskWarning.recovered', values),
          props: { 'data-testid': `disk-warning-${warning.kind}` },
        };
        if (warning.kind === 'low') notification.warning({ ...content, duration: 0 });
        else notification.success({ ...content, duration: 10 });
      }),
    [api, notification, t],
  );
  return null;
}
