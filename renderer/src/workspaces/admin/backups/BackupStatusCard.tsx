import { Alert, Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BackupStatus } from '../../../../../common/contract';
import { useBilingual } from '../../../i18n/useDisplay';
import { formatDateTime } from '../../../time/dayjs';
import { formatBytes } from '../../../components/formatBytes';

/** Last success, next run, the schedule and folder, and a failure more recent than the last success in red. */
export function BackupStatusCard({ status }: { status: BackupStatus }) {
  const { t } = useTranslation();
  const bilingual = useBilingual();
  const { lastSuccess, lastFailure, retention } = status;
  const failing = lastFailure !== null && (lastSuccess === null || lastFailure.at > lastSuccess.at);
  const none = t('backups.status.none');
  return (
    <>
      {lastFailure && (
        <Alert
          type={failing ? 'error' : 'warning'}
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="backup-failure"
          data-current={failing ? 'yes' : 'no'}
          title={t(failing ? 'backups.failure' : 'backups.failureOld', {
            at: formatDateTime(lastFailure.at),
            reason: bilingual(lastFailure.reason),
          })}
        />
      )}
      <Descriptions size="small" column={2} bordered style={{ marginBottom: 12 }} data-testid="backup-status">
        <Descriptions.Item label={t('backups.status.lastSuccess')}>
          <span data-testid="backup-last-success">
            {lastSuccess ? `${formatDateTime(lastSuccess.at)} · ${formatBytes(lastSuccess.bytes)}` : none}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={t('backups.status.nextRun')}>
          {status.running
            ? t('backups.status.running')
            : status.nextRunAt === null
              ? none
              : formatDateTime(status.nextRunAt)}
        </Descriptions.Item>
        <Descriptions.Item label={t('backups.status.schedule')}>
          {status.dailyAt === null
            ? t('backups.status.scheduleOff')
            : t('backups.status.scheduleDaily', { time: status.dailyAt, ...retention })}
        </Descriptions.Item>
        <Descriptions.Item label={t('backups.status.folder')}>{status.dir}</Descriptions.Item>
      </Descriptions>
    </>
  );
}
