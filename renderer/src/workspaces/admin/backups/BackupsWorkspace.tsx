import { CloudDownloadOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Table } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupEntry } from '../../../../../common/contract';
import { WorkspaceTitle } from '../../../components/WorkspaceTitle';
import { useErrorText } from '../../../i18n/useDisplay';
import { BackupStatusCard } from './BackupStatusCard';
import { HubHealthCard } from './HubHealthCard';
import { RestoreDialog } from './RestoreDialog';
import { useBackupColumns } from './backupColumns';
import { useBackups } from './useBackups';

/**
 * 备份与恢复: the hub's backups, their state, "back up now", restoring one (RestoreDialog) or the command that
 * restores one on a stopped hub, and the hub's health.
 */
export function BackupsWorkspace() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { status, run, verify } = useBackups();
  const verifying = verify.isPending ? verify.variables.name : null;
  const [restoring, setRestoring] = useState<string | null>(null);
  const columns = useBackupColumns(status.data?.dir ?? '', (name) => verify.mutate({ name }), verifying, setRestoring);
  return (
    <>
      <WorkspaceTitle
        extra={
          <Button
            type="primary"
            icon={<CloudDownloadOutlined />}
            loading={run.isPending || status.data?.running}
            data-testid="backup-run"
            onClick={() => run.mutate({})}
          >
            {t('backups.runNow')}
          </Button>
        }
      >
        {t('backups.title')}
      </WorkspaceTitle>
      {status.error && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={errorText(status.error)} />}
      {status.data && <BackupStatusCard status={status.data} />}
      <Flex justify="flex-end" style={{ marginBottom: 12 }}>
        <Button icon={<ReloadOutlined />} loading={status.isFetching} onClick={() => void status.refetch()}>
          {t('backups.refresh')}
        </Button>
      </Flex>
      <Table<BackupEntry>
        size="small"
        rowKey="name"
        loading={status.isPending}
        dataSource={status.data?.backups ?? []}
        pagination={false}
        locale={{ emptyText: t('backups.empty') }}
        data-testid="backup-table"
        onRow={(b) => ({ 'data-testid': 'backup-row', 'data-name': b.name }) as HTMLAttributes<HTMLElement>}
        columns={columns}
        style={{ marginBottom: 12 }}
      />
      {restoring !== null && <RestoreDialog name={restoring} onClose={() => setRestoring(null)} />}
      <HubHealthCard />
      <Alert
        type="info"
        showIcon
        data-testid="backup-restore-help"
        title={t('backups.restoreTitle')}
        description={t('backups.restoreHelp')}
      />
    </>
  );
}
