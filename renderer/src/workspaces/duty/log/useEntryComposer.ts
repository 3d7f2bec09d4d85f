import { App } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DutyLogAuthorKind, DutyLogEntry } from '../../../../../common/contract/duty-log';
import { useApiMutation } from '../../../api';
import { useErrorText } from '../../../i18n/useDisplay';
import type { UploadState } from '../../../orders/attachments/AttachmentUploader';
import type { PickedOrder } from './OrderPicker';

/**
 * The composer's fields and the append call. Everything clears only once the hub has stored the
 * entry (the uploader by remounting), so a refused entry is never lost.
 */
export function useEntryComposer(correcting: DutyLogEntry | null, onDone: () => void) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [kind, setKind] = useState<DutyLogAuthorKind>('duty');
  const [text, setText] = useState('');
  const [orders, setOrders] = useState<PickedOrder[]>([]);
  const [cameras, setCameras] = useState<string[]>([]);
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
  return {
    kind,
    setKind,
    text,
    setText,
    orders,
    setOrders,
    cameras,
    setCameras,
    uploaderKey,
    onUploads,
    error,
    append,
    submit,
  };
}

export type EntryComposerState = ReturnType<typeof useEntryComposer>;
