import type { AttachmentInfo } from '../../../../common/contract';
import type { Api } from '../../api';
import { bytesToBase64 } from '../../components/download';

/**
 * Sends a file to the hub in chunks (attachments.begin → chunk… → finish); the hub checks the type
 * by content and answers what it found. The same path works over IPC and a remote WebSocket.
 */
export async function uploadAttachment(
  api: Api,
  file: File,
  onProgress: (fraction: number) => void,
  isCancelled: () => boolean = () => false,
): Promise<AttachmentInfo | null> {
  const { uploadId, chunkBytes } = await api.call('attachments.begin', { name: file.name, size: file.size });
  let index = 0;
  for (let offset = 0; offset < file.size; offset += chunkBytes) {
    if (isCancelled()) return null;
    const bytes = new Uint8Array(await file.slice(offset, offset + chunkBytes).arrayBuffer());
    await api.call('attachments.chunk', { uploadId, index, dataBase64: bytesToBase64(bytes) });
    index += 1;
    onProgress(Math.min(1, (offset + bytes.length) / file.size));
  }
  if (isCancelled()) return null;
  return api.call('attachments.finish', { uploadId });
}
