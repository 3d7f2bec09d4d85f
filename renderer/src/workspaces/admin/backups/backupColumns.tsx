import { Button, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BackupEntry } from '../../../../../common/contract';
import { formatBytes } from '../../../components/formatBytes';
import { formatDateTime } from '../../../time/dayjs';

/** The backup table's columns: time, kind, size, the integrity check (and a new one), the restore command. */
export function useBackupColumns(
  dir: string,
  verify: (name: string) => void,
  verifying: string | null,
): TableColumnsType<BackupEntry> {
  const { t } = useTranslation();
  return [
    {
      key: 'at',
      title: t('backups.column.at'),
      dataIndex: 'at',
      render: (at: number) => <span className="tabular">{formatDateTime(at)}</span>,
    },
    {
      key: 'kind',
      title: t('backups.column.kind'),
      dataIndex: 'kind',
      render: (kind: BackupEntry['kind']) => (
        <Tag color={kind === 'pre-upgrade' ? 'purple' : undefined}>{t(`backups.kind.${kind}`)}</Tag>
      ),
    },
    {
      key: 'size',
      title: t('backups.column.size'),
      dataIndex: 'bytes',
      render: (bytes: number) => <span className="tabular">{formatBytes(bytes)}</span>,
    },
    {
      key: 'verified',
      title: t('backups.column.verified'),
      render: (_: unknown, b: BackupEntry) => (
        <>
          {b.verifiedAt === null ? (
            <Tag color="warning">{t('backups.unverified')}</Tag>
          ) : (
            <Tag color="success">{t('backups.verifiedAt', { at: formatDateTime(b.verifiedAt) })}</Tag>
          )}
          <Button size="small" type="link" loading={verifying === b.name} onClick={() => verify(b.name)}>
            {t('backups.verify')}
          </Button>
        </>
      ),
    },
    {
      key: 'restore',
      title: t('backups.column.restore'),
      render: (_: unknown, b: BackupEntry) => (
        <Typography.Text code copyable data-testid="backup-restore-command">
          {`npm run restore -- ${dir}/${b.name}`}
        </Typography.Text>
      ),
    },
  ];
}
