import { Alert, Descriptions, Input, Modal, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RESTORE_CONFIRM_WORD, type RestorePreview } from '../../../../../common/contract';
import { useApiMutation, useApiQuery } from '../../../api';
import { useErrorText } from '../../../i18n/useDisplay';
import { formatDateTime } from '../../../time/dayjs';

/** The counts a restore discards, each a row the administrator reads before typing the confirmation. */
function LostCounts({ preview }: { preview: RestorePreview }) {
  const { t } = useTranslation();
  const { lost } = preview;
  const rows = [
    ['ordersCreated', lost.ordersCreated],
    ['ordersChanged', lost.ordersChanged],
    ['dutyLogEntries', lost.dutyLogEntries],
    ['auditRows', lost.auditRows],
  ] as const;
  return (
    <Descriptions size="small" column={1} bordered style={{ marginBottom: 12 }} data-testid="restore-lost">
      <Descriptions.Item label={t('backups.restore.at')}>
        <span className="tabular">{formatDateTime(preview.at)}</span>
      </Descriptions.Item>
      {rows.map(([key, n]) => (
        <Descriptions.Item key={key} label={t(`backups.restore.lost.${key}`)}>
          <span className="tabular" data-testid={`restore-lost-${key}`}>
            {n}
          </span>
        </Descriptions.Item>
      ))}
      {preview.schemaVersion < preview.currentSchemaVersion && (
        <Descriptions.Item label={t('backups.restore.schema')}>
          {t('backups.restore.upgrade', { from: preview.schemaVersion, to: preview.currentSchemaVersion })}
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}

/**
 * 恢复到此备份: what the restore discards (admin.backups.restorePreview), then the confirmation — the backup's
 * name or 恢复 typed in full. On success the hub ends every session, this one included: the console goes back
 * to the sign-in page with the reason (session.ended 'restored'), so nothing is shown here afterwards.
 */
export function RestoreDialog({ name, onClose }: { name: string; onClose: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [typed, setTyped] = useState('');
  const preview = useApiQuery('admin.backups.restorePreview', { name }, { staleTime: 0, gcTime: 0, retry: false });
  const restore = useApiMutation('admin.backups.restore');
  const confirmed = typed.trim() === name || typed.trim() === RESTORE_CONFIRM_WORD;
  return (
    <Modal
      open
      title={t('backups.restore.title', { name })}
      okText={t('backups.restore.ok')}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: true, disabled: !confirmed || !preview.data, 'data-testid': 'restore-confirm' }}
      confirmLoading={restore.isPending}
      onOk={() => restore.mutate({ name, confirm: typed })}
      onCancel={onClose}
      destroyOnHidden
      data-testid="restore-dialog"
    >
      {preview.isPending && <Spin />}
      {preview.error && (
        <Alert type="error" showIcon data-testid="restore-preview-error" title={errorText(preview.error)} />
      )}
      {preview.data && (
        <>
          <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('backups.restore.warning')} />
          <LostCounts preview={preview.data} />
          <Typography.Paragraph>{t('backups.restore.after')}</Typography.Paragraph>
          <Typography.Paragraph strong>
            {t('backups.restore.typeToConfirm', { name, word: RESTORE_CONFIRM_WORD })}
          </Typography.Paragraph>
          <Input
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            disabled={restore.isPending}
            placeholder={RESTORE_CONFIRM_WORD}
            data-testid="restore-confirm-input"
            autoComplete="off"
          />
        </>
      )}
      {restore.error && (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 12 }}
          role="alert"
          data-testid="restore-error"
          title={errorText(restore.error)}
        />
      )}
    </Modal>
  );
}
