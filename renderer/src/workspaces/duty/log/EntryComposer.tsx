import { Alert, App, Button, Flex, Form, Input, Segmented } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  DUTY_LOG_AUTHOR_KINDS,
  DUTY_LOG_TEXT_MAX,
  type DutyLogAuthorKind,
  type DutyLogEntry,
} from '../../../../../common/contract/duty-log';
import { useApiMutation } from '../../../api';
import { useErrorText } from '../../../i18n/useDisplay';
import { AttachmentUploader, type UploadState } from '../../../orders/attachments/AttachmentUploader';
import { useKindName } from '../kinds';
import { CAMERA_VIEWERS } from '../../../../../common/contract/cameras';
import { hasAnyRole } from '../../../orders/roles';
import { useUser } from '../../../stores/session';
import { CameraPicker } from './CameraPicker';
import { OrderPicker, type PickedOrder } from './OrderPicker';
import { useEntryLabels } from '../entryRef';

/**
 * Writes an entry (or a correction of `correcting`) into the current shift. The form clears only
 * once the hub has stored the entry, so a refused entry is never lost.
 */
export function EntryComposer({ correcting, onDone }: { correcting: DutyLogEntry | null; onDone: () => void }) {
  const { t } = useTranslation();
  const labels = useEntryLabels();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const kindName = useKindName();
  const [kind, setKind] = useState<DutyLogAuthorKind>('duty');
  const [text, setText] = useState('');
  const [orders, setOrders] = useState<PickedOrder[]>([]);
  const [cameras, setCameras] = useState<string[]>([]);
  const canSeeCameras = hasAnyRole(useUser().roles, CAMERA_VIEWERS);
  const [uploads, setUploads] = useState<UploadState>({ ids: [], busy: false });
  const [uploaderKey, setUploaderKey] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const onUploads = useCallback((state: UploadState) => {
    setUploads(state);
  }, []);
  const append = useApiMutation('duty.log.append', {
    invalidates: ['duty.log.current', 'duty.log.search', 'duty.handover.preview'],
    onSuccess: () => {
      setText('');
      setOrders([]);
      setCameras([]);
      setUploaderKey((k) => k + 1);
      setError(null);
      void message.success(t('duty.compose.saved'));
      onDone();
    },
    onError: (e) => {
      setError(errorText(e));
    },
  });
  const submit = () => {
    if (text.trim() === '') {
      setError(t('duty.compose.textRequired'));
      return;
    }
    if (uploads.busy) {
      setError(t('duty.compose.waitUploads'));
      return;
    }
    const links = {
      ...(orders.length > 0 ? { orderIds: orders.map((o) => o.id) } : {}),
      ...(cameras.length > 0 ? { cameraIds: cameras } : {}),
      ...(uploads.ids.length > 0 ? { attachmentIds: uploads.ids } : {}),
    };
    append.mutate({
      kind: correcting && correcting.kind !== 'system' ? correcting.kind : kind,
      text,
      ...(correcting ? { correctsId: correcting.id } : {}),
      ...(Object.keys(links).length > 0 ? { links } : {}),
    });
  };
  return (
    <Form layout="vertical" data-testid="duty-composer" onFinish={submit}>
      {correcting && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 8 }}
          title={t('duty.compose.correcting', { ref: labels.no(correcting.seq) })}
          action={
            <Button size="small" onClick={onDone} data-testid="duty-cancel-correct">
              {t('duty.compose.cancelCorrect')}
            </Button>
          }
        />
      )}
      {!correcting && (
        <Form.Item label={t('duty.compose.kind')} style={{ marginBottom: 8 }}>
          <Segmented<DutyLogAuthorKind>
            data-testid="duty-kind"
            value={kind}
            onChange={setKind}
            options={DUTY_LOG_AUTHOR_KINDS.map((k) => ({ value: k, label: kindName(k) }))}
          />
        </Form.Item>
      )}
      <Form.Item label={t('duty.compose.text')} style={{ marginBottom: 8 }}>
        <Input.TextArea
          // 更正 remounts the composer (keyed by the entry): the operator types the correction at once.
          autoFocus={correcting !== null}
          data-testid="duty-text"
          value={text}
          maxLength={DUTY_LOG_TEXT_MAX}
          autoSize={{ minRows: 3, maxRows: 8 }}
          placeholder={t('duty.compose.textPlaceholder')}
          onChange={(e) => {
            setText(e.target.value);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              submit();
            }
          }}
        />
      </Form.Item>
      <Flex gap={16} wrap align="start">
        <Form.Item label={t('duty.compose.orders')} style={{ marginBottom: 8 }}>
          <OrderPicker value={orders} onChange={setOrders} />
        </Form.Item>
        {canSeeCameras && (
          <Form.Item label={t('duty.compose.cameras')} style={{ marginBottom: 8 }}>
            <CameraPicker value={cameras} onChange={setCameras} />
          </Form.Item>
        )}
        <Form.Item label={t('duty.log.attachments')} style={{ marginBottom: 8 }}>
          <AttachmentUploader key={uploaderKey} testId="duty-attachments" onChange={onUploads} />
        </Form.Item>
      </Flex>
      {error && (
        <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} data-testid="duty-compose-error" />
      )}
      <Button type="primary" htmlType="submit" loading={append.isPending} data-testid="duty-submit">
        {t('duty.compose.submit')}
      </Button>
    </Form>
  );
}
