import { Alert, Descriptions, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../../api';
import { formatDateTime } from '../../../time/dayjs';
import { formatBytes } from '../../../components/formatBytes';

/** The hub's health, the same facts GET /healthz gives a monitoring probe (polled: no event carries them). */
export function HubHealthCard() {
  const { t } = useTranslation();
  const health = useApiQuery('admin.health', {}, { staleTime: 0, refetchInterval: 15_000 });
  const h = health.data;
  if (!h) return null;
  const lastSweep = Math.max(0, ...Object.values(h.sweeps).map((at) => at ?? 0));
  const { live, connecting, offline } = h.mediaGateway;
  return (
    <>
      <Typography.Title level={5}>{t('backups.health.title')}</Typography.Title>
      {!h.ok && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={t('backups.health.notWritable')} />}
      {(h.disk.low || h.disk.backupsLow) && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="hub-health-low-disk"
          title={t(h.disk.low ? 'backups.health.lowDiskData' : 'backups.health.lowDiskBackups')}
        />
      )}
      <Descriptions size="small" column={2} bordered style={{ marginBottom: 8 }} data-testid="hub-health">
        <Descriptions.Item label={t('backups.health.database')}>
          <Tag color={h.database.writable ? 'success' : 'error'} data-testid="hub-health-database">
            {h.database.writable
              ? t('backups.health.writable')
              : h.database.fault
                ? t('backups.health.notWritableBecause', { cause: t(`backups.health.fault.${h.database.fault}`) })
                : t('backups.health.notWritable')}
          </Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t('backups.health.diskFree')}>
          <DiskFree bytes={h.disk.freeBytes} low={h.disk.low} />
        </Descriptions.Item>
        <Descriptions.Item label={t('backups.health.backupsDiskFree')}>
          <DiskFree bytes={h.disk.backupsFreeBytes} low={h.disk.backupsLow} />
        </Descriptions.Item>
        <Descriptions.Item label={t('backups.health.version')}>{h.version}</Descriptions.Item>
        <Descriptions.Item label={t('backups.health.uptime')}>
          {t('backups.health.uptimeValue', {
            hours: Math.floor(h.uptimeSeconds / 3600),
            minutes: Math.floor((h.uptimeSeconds % 3600) / 60),
          })}
        </Descriptions.Item>
        <Descriptions.Item label={t('backups.health.sweeps')}>
          {lastSweep === 0 ? t('backups.health.never') : formatDateTime(lastSweep)}
        </Descriptions.Item>
        <Descriptions.Item label={t('backups.health.gateway')}>
          {t('backups.health.gatewayValue', { live, connecting, offline })}
        </Descriptions.Item>
        <Descriptions.Item label={t('backups.health.consoles')}>
          <span data-testid="hub-health-consoles">{h.consoles}</span>
        </Descriptions.Item>
      </Descriptions>
      <Typography.Paragraph type="secondary">{t('backups.health.probe')}</Typography.Paragraph>
    </>
  );
}

/** Free space of one folder's disk; red with 空间不足 / low when below the hub's low-disk threshold. */
function DiskFree({ bytes, low }: { bytes: number | null; low: boolean }) {
  const { t } = useTranslation();
  if (bytes === null) return <>{t('backups.health.unknown')}</>;
  return low ? (
    <Tag color="error">{`${formatBytes(bytes)} · ${t('backups.health.low')}`}</Tag>
  ) : (
    <>{formatBytes(bytes)}</>
  );
}
