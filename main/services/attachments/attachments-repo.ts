import type { AttachmentInfo } from '../../../common/contract';
import type { Db } from '../../db/connection';

/** An attachment row: what the contract shows plus where its bytes are. */
export interface StoredAttachment extends AttachmentInfo {
  sha256: string;
  createdBy: number | null;
}

const COLUMNS = `id, sha256, name, mime, kind, size, created_by AS createdBy, created_at AS createdAt`;

/** The SQL of the `attachments` table (docs/architecture.md#one-hub-many-consoles: SQL stays in repository modules). */
export class AttachmentsRepo {
  constructor(private readonly db: Db) {}

  insert(row: Omit<StoredAttachment, 'id'>): number {
    const result = this.db
      .prepare(
        `INSERT INTO attachments (sha256, name, mime, kind, size, created_by, created_at)
         VALUES (@sha256, @name, @mime, @kind, @size, @createdBy, @createdAt)`,
      )
      .run(row);
    return Number(result.lastInsertRowid);
  }

  byId(id: number): StoredAttachment | undefined {
    return this.db.prepare(`SELECT ${COLUMNS} FROM attachments WHERE id = ?`).get(id) as StoredAttachment | undefined;
  }

  byIds(ids: readonly number[]): StoredAttachment[] {
    if (ids.length === 0) return [];
    return this.db
      .prepare(`SELECT ${COLUMNS} FROM attachments WHERE id IN (SELECT value FROM json_each(?))`)
      .all(JSON.stringify(ids)) as StoredAttachment[];
  }
}

export function toAttachmentInfo(row: StoredAttachment): AttachmentInfo {
  return { id: row.id, name: row.name, mime: row.mime, kind: row.kind, size: row.size, createdAt: row.createdAt };
}
