import { useCallback, useState } from 'react';
import type { UploadState } from '../../orders/attachments/AttachmentUploader';
import { useIncidentMutation } from '../data';

/**
 * The record-report form's state: the attachments being uploaded and the hub call. A refusal of
 * the text (`textError`) goes under the field; any other refusal is shown on top of the form.
 */
export function useRecordReport(onClose: () => void) {
  const [uploads, setUploads] = useState<UploadState>({ ids: [], busy: false });
  const onUploads = useCallback((state: UploadState) => {
    setUploads(state);
  }, []);
  const record = useIncidentMutation('incidents.report.record', {
    onSuccess: () => {
      onClose();
    },
  });
  const issues = (record.error?.body.details as { issues?: { path: string }[] } | undefined)?.issues;
  const textError = issues?.some((i) => i.path === 'text') === true ? record.error : null;
  return { uploads, onUploads, record, textError };
}
