import { App, Button, Input, Popconfirm } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IncidentNotification } from '../../../../common/contract';
import { useApiMutation } from '../../api';
import { useErrorText } from '../../i18n/useDisplay';

/** The reply to a phone / SMS / in-person notification, heard by whoever answered, written down. */
export function RecordReply({ notification }: { notification: IncidentNotification }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [note, setNote] = useState('');
  const confirm = useApiMutation('incidents.notify.confirm', {
    invalidates: ['incidents.get'],
    onError: (error) => {
      void message.error(errorText(error));
    },
  });
  return (
    <Popconfirm
      title={t('notify.recordReplyTitle', { name: notification.contactName })}
      description={
        <Input
          size="small"
          maxLength={500}
          placeholder={t('notify.replyNote')}
          value={note}
          onChange={(e) => {
            setNote(e.target.value);
          }}
          data-testid="notify-reply-note"
        />
      }
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ 'data-testid': 'notify-reply-save' }}
      onConfirm={() => {
        confirm.mutate({ notificationId: notification.id, ...(note.trim() ? { note: note.trim() } : {}) });
      }}
    >
      <Button size="small" loading={confirm.isPending} data-testid="notify-record-reply">
        {t('notify.recordReply')}
      </Button>
    </Popconfirm>
  );
}
