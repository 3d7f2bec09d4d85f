import { createHash } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { Clock } from '../../clock';

/** An upload in progress, as written next to its part file (`<uploadId>.json`). */
export interface UploadMeta {
  userId: number;
  name: string;
  size: number;
  nextIndex: number;
  bytes: number;
  /** Last activity, by the service clock; stale after STALE_UPLOAD_MS. */
  touchedAt: number;
  state: 'open' | 'finishing';
}

export const STALE_UPLOAD_MS = 3600_000;
export const UPLOAD_ID = /^[0-9a-f]{32}$/;

export function errno(err: unknown): string | undefined {
  return err instanceof Error && 'code' in err && typeof err.code === 'string' ? err.code : undefined;
}

/**
 * The uploads folder (`<dataDir>/uploads`): each upload in progress is `<uploadId>.part` with its
 * `<uploadId>.json` beside it. Nothing about an upload is kept in memory between calls.
 */
export class UploadFolder {
  constructor(
    readonly dir: string,
    private readonly clock: Clock,
  ) {}

  /**
   * Deletes uploads idle for more than an hour (and stray files of interrupted ones). Answers how
   * many uploads each user still has open.
   */
  sweep(): Map<number, number> {
    const open = new Map<number, number>();
    let names: string[];
    try {
      names = fs.readdirSync(this.dir);
    } catch (err) {
      if (errno(err) === 'ENOENT') return open;
      throw err;
    }
    const cutoff = this.clock() - STALE_UPLOAD_MS;
    const groups = new Map<string, string[]>();
    for (const name of names) {
      const id = name.split('.')[0] ?? name;
      groups.set(id, [...(groups.get(id) ?? []), name]);
    }
    for (const [id, files] of groups) {
      const meta = UPLOAD_ID.test(id) ? this.readMeta(id) : undefined;
      const lastActive = meta ? meta.touchedAt : Math.max(...files.map((f) => this.mtime(f)));
      if (lastActive < cutoff) {
        for (const f of files) fs.rmSync(path.join(this.dir, f), { force: true });
      } else if (meta) {
        open.set(meta.userId, (open.get(meta.userId) ?? 0) + 1);
      }
    }
    return open;
  }

  discard(uploadId: string): void {
    fs.rmSync(this.partPath(uploadId), { force: true });
    fs.rmSync(this.metaPath(uploadId), { force: true });
  }

  partPath(uploadId: string): string {
    return path.join(this.dir, `${uploadId}.part`);
  }

  metaPath(uploadId: string): string {
    return path.join(this.dir, `${uploadId}.json`);
  }

  readMeta(uploadId: string): UploadMeta | undefined {
    try {
      return JSON.parse(fs.readFileSync(this.metaPath(uploadId), 'utf8')) as UploadMeta;
    } catch {
      return undefined;
    }
  }

  /** Replaces the meta file atomically (write, then rename over it). */
  writeMeta(uploadId: string, meta: UploadMeta): void {
    const file = this.metaPath(uploadId);
    fs.writeFileSync(`${file}.tmp`, JSON.stringify(meta), { mode: 0o600 });
    fs.renameSync(`${file}.tmp`, file);
  }

  private mtime(name: string): number {
    try {
      return fs.statSync(path.join(this.dir, name)).mtimeMs;
    } catch {
      return Number.POSITIVE_INFINITY;
    }
  }
}

export async function readHead(file: string, bytes: number): Promise<Uint8Array> {
  const handle = await fsp.open(file, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** SHA-256 and length of a file, streamed (never the whole file in memory). */
export async function hashFile(file: string): Promise<{ sha256: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 1024 * 1024 })) {
    const buffer = chunk as Buffer;
    hash.update(buffer);
    size += buffer.length;
  }
  return { sha256: hash.digest('hex'), size };
}
