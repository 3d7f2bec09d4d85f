import type { AttachmentsService } from '../../services/attachments/attachments-service';
import type { Handler } from '../handler-types';

/**
 * Chunked upload and download of attachments. `finish` does its file work (sniff, hash, move into
 * the content store) before the transaction and only the row insert inside it, with the audit row.
 */
export function attachmentHandlers(service: AttachmentsService) {
  const begin: Handler<'attachments.begin'> = (ctx, { name, size }) =>
    service.begin(ctx.requireSession().user.id, name, size);

  const chunk: Handler<'attachments.chunk'> = (ctx, { uploadId, index, dataBase64 }) =>
    service.chunk(ctx.requireSession().user.id, uploadId, index, dataBase64);

  const finish: Handler<'attachments.finish'> = async (ctx, { uploadId }) => {
    const userId = ctx.requireSession().user.id;
    ctx.audit.target = `upload:${uploadId}`;
    ctx.audit.summary = '上传附件 / attachment upload';
    const staged = await service.stage(userId, uploadId);
    ctx.audit.summary = `上传附件 ${staged.name}（${staged.mime}，${staged.size} 字节，sha256 ${staged.sha256.slice(0, 12)}）`;
    const info = ctx.tx(() => {
      const record = service.commit(userId, staged);
      ctx.audit.target = `attachment:${record.id}`;
      return record;
    });
    return info;
  };

  const read: Handler<'attachments.read'> = (_ctx, { id, offset }) => service.read(id, offset);

  return {
    'attachments.begin': begin,
    'attachments.chunk': chunk,
    'attachments.finish': finish,
    'attachments.read': read,
  };
}
