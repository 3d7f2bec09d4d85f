import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { ApiError, apiError, ATTACHMENT_CHUNK_BYTES, type AttachmentInfo } from '../../../common/contract';
import type { Clock } from '../../clock';
import type { Db } from '../../db/connection';
import type { Viewer } from '../org/viewer';
import { AttachmentsRepo, toAttachmentInfo } from './attachments-repo';
import { attachmentNotFound, visibleAttachmentIds } from './attachment-visibility';
import { sniff, SNIFF_BYTES, type AttachmentKind } from './sniff';
import { errno, hashFile, readHead, UPLOAD_ID, UploadFolder, type UploadMeta } from './upload-folder';

export { STALE_UPLOAD_MS } from './upload-folder';

export interface AttachmentsOptions {
  /** Largest attachment in bytes (CITYOPS_MAX_ATTACHMENT_MB × 1 MiB). */
  maxBytes: number;
}

/** A finished upload whose bytes are in the content store, not yet recorded in the database. */
export interface StagedAttachment {
  sha256: string;
  name: string;
  mime: string;
  kind: AttachmentKind;
  size: number;
}

export interface AttachmentChunk {
  info: AttachmentInfo;
  dataBase64: string;
  /** Where `dataBase64` starts in the file (the offset asked for); the next call asks offset + its length. */
  offset: number;
  done: boolean;
}

/** Uploads one user may have open at once (each may reserve up to maxBytes of disk). */
export const MAX_OPEN_UPLOADS_PER_USER = 16;

const MIB = 1024 * 1024;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function megabytes(bytes: number): string {
  return String(Number((bytes / MIB).toFixed(2)));
}

function uploadNotFound(): ApiError {
  return apiError('E_NOT_FOUND', '上传不存在或已过期', 'No such upload (or it has expired)');
}

/** Keeps the last path segment and drops control characters: the name is a label, never a path. */
function cleanName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return clean === '' ? '附件' : clean.slice(0, 200);
}

/**
 * Image, audio and video attachments.
 *
 * Bytes live content-addressed under `<dataDir>/attachments/<sha[0..2]>/<sha256>` (the same content
 * is stored once; several rows may point at it), rows in the `attachments` table. Uploads arrive in
 * chunks through the contract and are staged as `<dataDir>/uploads/<uploadId>.part` with a
 * `<uploadId>.json` beside it (owner, declared size, next index). Nothing is kept in memory between
 * calls, so a local window and a remote console behave the same and an upload survives a restart.
 *
 * Finishing is split in two: `stage` (async file IO: sniff, hash, move into the store) and `commit`
 * (synchronous DB insert, meant for `ctx.tx`). `finish` does both for callers without a transaction.
 */
export class AttachmentsService {
  private readonly repo: AttachmentsRepo;
  private readonly uploads: UploadFolder;
  private readonly storeDir: string;

  constructor(
    private readonly db: Db,
    dataDir: string,
    private readonly clock: Clock,
    private readonly options: AttachmentsOptions,
  ) {
    this.repo = new AttachmentsRepo(db);
    this.uploads = new UploadFolder(path.join(dataDir, 'uploads'), clock);
    this.storeDir = path.join(dataDir, 'attachments');
  }

  get maxBytes(): number {
    return this.options.maxBytes;
  }

  /** Where an attachment's bytes are on the hub (for the hub only; consoles read through `read`). */
  filePath(sha256: string): string {
    return path.join(this.storeDir, sha256.slice(0, 2), sha256);
  }

  begin(userId: number, name: string, size: number): { uploadId: string; chunkBytes: number; maxBytes: number } {
    this.checkLimit(size);
    // Owner-only folders and files; the mode is set at creation, umask can only narrow it.
    fs.mkdirSync(this.uploads.dir, { recursive: true, mode: 0o700 });
    const open = this.uploads.sweep();
    if ((open.get(userId) ?? 0) >= MAX_OPEN_UPLOADS_PER_USER) {
      throw apiError(
        'E_CONFLICT',
        `未完成的上传过多（${MAX_OPEN_UPLOADS_PER_USER} 个），请先完成或稍后再试`,
        `Too many unfinished uploads (${MAX_OPEN_UPLOADS_PER_USER}); finish them or try later`,
      );
    }
    const uploadId = randomBytes(16).toString('hex');
    fs.writeFileSync(this.uploads.partPath(uploadId), new Uint8Array(0), { flag: 'wx', mode: 0o600 });
    this.uploads.writeMeta(uploadId, {
      userId,
      name: cleanName(name),
      size,
      nextIndex: 0,
      bytes: 0,
      touchedAt: this.clock(),
      state: 'open',
    });
    return { uploadId, chunkBytes: ATTACHMENT_CHUNK_BYTES, maxBytes: this.options.maxBytes };
  }

  /** Appends chunk `index` (chunks come in order, 0..n-1). Answers the bytes received so far. */
  chunk(userId: number, uploadId: string, index: number, dataBase64: string): { received: number } {
    const meta = this.openUpload(userId, uploadId);
    if (index !== meta.nextIndex) {
      throw apiError(
        'E_CONFLICT',
        `分块顺序错误：应发送第 ${meta.nextIndex} 块，收到第 ${index} 块`,
        `Chunk out of order: expected index ${meta.nextIndex}, got ${index}`,
        { expected: meta.nextIndex },
      );
    }
    if (dataBase64.length % 4 !== 0 || !BASE64.test(dataBase64)) {
      throw apiError('E_INVALID', '分块数据不是有效的 Base64', 'Chunk data is not valid Base64');
    }
    const data = Buffer.from(dataBase64, 'base64');
    if (data.length === 0 || data.length > ATTACHMENT_CHUNK_BYTES) {
      throw apiError(
        'E_INVALID',
        `分块大小须为 1 至 ${ATTACHMENT_CHUNK_BYTES} 字节`,
        `A chunk must hold 1 to ${ATTACHMENT_CHUNK_BYTES} bytes`,
      );
    }
    const total = meta.bytes + data.length;
    if (total > this.options.maxBytes) {
      // Only after a restart with a lower limit: the declared size was checked at begin.
      this.uploads.discard(uploadId);
      this.checkLimit(total);
    }
    if (total > meta.size) {
      this.uploads.discard(uploadId);
      throw apiError(
        'E_INVALID',
        `上传内容超过声明的大小（${meta.size} 字节），已放弃本次上传`,
        `The upload is larger than its declared size (${meta.size} bytes) and was abandoned`,
        { size: meta.size },
      );
    }
    // Written at the committed length, so a crash between this write and the meta update is harmless.
    const fd = fs.openSync(this.uploads.partPath(uploadId), 'r+');
    try {
      fs.writeSync(fd, data, 0, data.length, meta.bytes);
      fs.ftruncateSync(fd, total);
    } finally {
      fs.closeSync(fd);
    }
    this.uploads.writeMeta(uploadId, { ...meta, bytes: total, nextIndex: index + 1, touchedAt: this.clock() });
    return { received: total };
  }

  /**
   * The file work of finishing an upload: checks it is complete, sniffs the type from the first
   * bytes (anything unsupported is deleted and refused), hashes it and moves it into the content
   * store (kept as it is when the same content is already there). Async; no database writes.
   */
  async stage(userId: number, uploadId: string): Promise<StagedAttachment> {
    const meta = this.openUpload(userId, uploadId);
    if (meta.bytes !== meta.size) {
      throw apiError(
        'E_INVALID',
        `上传未完成：已收到 ${meta.bytes} / ${meta.size} 字节`,
        `The upload is incomplete: ${meta.bytes} of ${meta.size} bytes received`,
        { received: meta.bytes, size: meta.size },
      );
    }
    // Claimed synchronously, before the first await: a second finish or a late chunk now conflicts.
    this.uploads.writeMeta(uploadId, { ...meta, state: 'finishing', touchedAt: this.clock() });
    const part = this.uploads.partPath(uploadId);
    try {
      const type = sniff(await readHead(part, SNIFF_BYTES));
      if (!type) {
        this.uploads.discard(uploadId);
        throw apiError(
          'E_INVALID',
          '文件类型不受支持（按内容识别）；仅接受图片（JPEG/PNG/GIF/WebP）、音频（MP3/WAV/OGG/AAC/M4A）和视频（MP4/MOV/WebM）',
          'Unsupported file type (detected by content); only images (JPEG/PNG/GIF/WebP), audio (MP3/WAV/OGG/AAC/M4A) and video (MP4/MOV/WebM) are accepted',
        );
      }
      const { sha256, size } = await hashFile(part);
      if (size !== meta.size) throw new Error(`upload ${uploadId}: ${size} bytes on disk, ${meta.size} recorded`);
      await this.place(part, sha256);
      fs.rmSync(this.uploads.metaPath(uploadId), { force: true });
      return { sha256, name: meta.name, mime: type.mime, kind: type.kind, size };
    } catch (err) {
      // An IO failure leaves the upload as it was, so the client may try finishing again.
      if (!(err instanceof ApiError) && fs.existsSync(part)) this.uploads.writeMeta(uploadId, meta);
      throw err;
    }
  }

  /** Records a staged attachment. Synchronous: run it inside the call's transaction. */
  commit(userId: number, staged: StagedAttachment): AttachmentInfo {
    const createdAt = this.clock();
    const id = this.repo.insert({ ...staged, createdBy: userId, createdAt });
    return { id, name: staged.name, mime: staged.mime, kind: staged.kind, size: staged.size, createdAt };
  }

  /** `stage` then `commit`, for callers that need no surrounding transaction. */
  async finish(userId: number, uploadId: string): Promise<AttachmentInfo> {
    return this.commit(userId, await this.stage(userId, uploadId));
  }

  /**
   * Up to ATTACHMENT_CHUNK_BYTES of attachment `id` from `offset`, if the viewer may see it
   * (attachment-visibility.ts); otherwise the same E_NOT_FOUND as for an id that does not exist.
   */
  read(id: number, offset: number, viewer: Viewer): AttachmentChunk {
    const row = visibleAttachmentIds(this.db, [id], viewer).has(id) ? this.repo.byId(id) : undefined;
    if (!row) throw attachmentNotFound(id);
    if (offset > row.size) {
      throw apiError(
        'E_INVALID',
        `读取位置超出文件大小（${row.size} 字节）`,
        `Offset beyond the file size (${row.size} bytes)`,
      );
    }
    const length = Math.min(ATTACHMENT_CHUNK_BYTES, row.size - offset);
    const buffer = Buffer.alloc(length);
    let fd: number;
    try {
      fd = fs.openSync(this.filePath(row.sha256), 'r');
    } catch (err) {
      if (errno(err) !== 'ENOENT') throw err;
      throw apiError('E_NOT_FOUND', `附件 ${id} 的文件缺失`, `The file of attachment ${id} is missing`);
    }
    try {
      let read = 0;
      while (read < length) {
        const n = fs.readSync(fd, buffer, read, length - read, offset + read);
        if (n === 0) throw new Error(`attachment ${id}: file shorter than ${row.size} bytes`);
        read += n;
      }
    } finally {
      fs.closeSync(fd);
    }
    return {
      info: toAttachmentInfo(row),
      dataBase64: buffer.toString('base64'),
      offset,
      done: offset + length >= row.size,
    };
  }

  /** The rows of `ids`, in that order; E_NOT_FOUND naming the first id that does not exist. */
  info(ids: readonly number[]): AttachmentInfo[] {
    const rows = new Map(this.repo.byIds(ids).map((r) => [r.id, r]));
    return ids.map((id) => {
      const row = rows.get(id);
      if (!row) throw apiError('E_NOT_FOUND', `附件 ${id} 不存在`, `Attachment ${id} does not exist`, { id });
      return toAttachmentInfo(row);
    });
  }

  /**
   * Deletes uploads idle for more than an hour (and stray files of interrupted ones). Answers how
   * many uploads each user still has open.
   */
  sweep(): Map<number, number> {
    return this.uploads.sweep();
  }

  private checkLimit(size: number): void {
    if (size > this.options.maxBytes) {
      const mb = megabytes(this.options.maxBytes);
      throw apiError('E_INVALID', `附件超过大小上限 ${mb} MB`, `The attachment exceeds the ${mb} MB limit`, {
        maxBytes: this.options.maxBytes,
      });
    }
  }

  /** The upload's state, if it exists, belongs to `userId` and is still taking chunks. */
  private openUpload(userId: number, uploadId: string): UploadMeta {
    const meta = UPLOAD_ID.test(uploadId) ? this.uploads.readMeta(uploadId) : undefined;
    if (meta?.userId !== userId) throw uploadNotFound();
    if (meta.state !== 'open') {
      throw apiError('E_CONFLICT', '该上传正在完成中', 'This upload is already being finished');
    }
    return meta;
  }

  private async place(part: string, sha256: string): Promise<void> {
    const target = this.filePath(sha256);
    await fsp.mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
    if (fs.existsSync(target)) {
      await fsp.rm(part, { force: true });
      return;
    }
    try {
      await fsp.rename(part, target);
    } catch (err) {
      // Windows refuses to rename onto a file a concurrent finish of the same content just placed.
      if (!fs.existsSync(target)) throw err;
      await fsp.rm(part, { force: true });
    }
  }
}
