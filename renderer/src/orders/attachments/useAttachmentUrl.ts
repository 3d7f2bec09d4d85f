import { useEffect, useState } from 'react';
import type { AttachmentInfo } from '../../../../common/contract';
import { isApiCallError, useApi, type ApiCallError } from '../../api';
import { base64ToBytes } from '../../components/download';

type State = { url: string | null; error: ApiCallError | null };

/**
 * Reads an attachment through the contract (attachments.read, chunk by chunk) into a Blob URL —
 * never a file path, so it works the same against a remote hub. The URL is revoked on unmount.
 */
export function useAttachmentUrl(info: AttachmentInfo): State {
  const api = useApi();
  const [state, setState] = useState<State>({ url: null, error: null });

  useEffect(() => {
    let cancelled = false;
    let url: string | null = null;
    const load = async () => {
      const parts: Uint8Array<ArrayBuffer>[] = [];
      let offset = 0;
      for (;;) {
        const chunk = await api.call('attachments.read', { id: info.id, offset });
        if (cancelled) return;
        const bytes = base64ToBytes(chunk.dataBase64);
        parts.push(bytes);
        offset = chunk.offset + bytes.length;
        if (chunk.done || bytes.length === 0) break;
      }
      url = URL.createObjectURL(new Blob(parts, { type: info.mime }));
      setState({ url, error: null });
    };
    load().catch((error: unknown) => {
      if (!cancelled && isApiCallError(error)) setState({ url: null, error });
    });
    return () => {
      cancelled = true;
      if (url) URL.revokeObjectURL(url);
    };
  }, [api, info.id, info.mime]);

  return state;
}
