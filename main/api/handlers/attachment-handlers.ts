import { fixedWords, uploadWords } from '../../services/audit/notes-ops';
import type { AttachmentsService } from '../../services/attachments/attachments-service';
import type { OrgRepo } from '../../services/org/org-repo';
import { viewerOf } from '../../services/org/viewer';
import type { Handler } from '../handler-types';

/**
 * Chunked upload and download of attachments. `finish` does its file work (sniff, hash, move into
 * the content store) before the transaction and only the row insert inside it, with the audit row.
 * Reading is scoped like the records an attachment hangs on.
 */
export function attachmentHandlers(service: AttachmentsService, org: Pick<OrgRepo, 'unit'>) {
  const begin: Handler<'attachments.begin'> = (ctx, { name, size }) =>
    service.begin(ctx.requireSession().user.id, name, size);

  const chunk: Handler<'attachments.chunk'> = (ctx, { uploadId, index, dataBase64 }) =>
    service.chunk(ctx.requireSession().user.id, uploadId, index, dataBase64);

  const finish: Handler<'attachments.finish'> = async (ctx, { uploadId }) => {
    const userId = ctx.requireSession().user.id;
    ctx.audit.target = `upload:${uploadId}`;
    Object.assign(ctx.audit, fixedWords('attachment.uploadStart'));
    const staged = await service.stage(userId, uploadId);
    Object.assign(ctx.audit, uploadWords(staged));
    const info = ctx.tx(() => {
      const record = service.commit(userId, staged);
      ctx.audit.target = `attachment:${record.id}`;
      return record;
    });
    return info;
  };

  /** Only what the caller uploaded or may see through an order or a duty log (attachment-visibility.ts). */
  const read: Handler<'attachments.read'> = (ctx, { id, offset }) =>
    service.read(id, offset, viewerOf(org, ctx.requireSession().user));

  return {
    'attachments.begin': begin,
    'attachments.chunk': chunk,
    'attachments.finish': finish,
    'attachments.read': read,
  };
}
